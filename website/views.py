from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from orders.stripe_billing import allow_forms_to_stripe
from subscriptions.access import open_article, reader_for
from subscriptions.models import Plan

from articles.body import allow_embed_frames
from articles.freshness import cached_lookup, generation
from articles.models import BYLINES, Article, Author, Category, Correction
from articles.search import MAX_CANDIDATES, clean_query, matching_ids, ranked, snippets
from articles.tags import tag_for_old_slug

from .forms import SearchForm
from .pagination import archive_page


class LiveArticleListView(ListView):
    """A paginated list of live articles; bad ``?page=`` values fall back to a real page."""

    paginate_by = settings.ARTICLES_PER_PAGE
    template_name = "articles/article_list.html"

    def paginate_queryset(self, queryset, page_size):
        page = archive_page(queryset, self.request.GET.get(self.page_kwarg), page_size)
        return None, page, page.object_list, page.has_other_pages()

    def get_queryset(self):
        return Article.objects.live().for_cards()


class HomeView(TemplateView):
    template_name = "articles/home.html"
    section_size = 6

    def get_context_data(self, **kwargs):
        live = Article.objects.live().for_cards().prefetch_related(None)  # authors once for the whole page, below
        lead = live.first()
        sections = []
        for category in cached_lookup("categories", lambda: list(Category.objects.all()), in_process=True):
            articles = live.filter(categories=category)
            if lead:
                articles = articles.exclude(pk=lead.pk)
            sections.append((category, list(articles[: self.section_size])))
        shown = [lead] if lead else []
        prefetch_related_objects(shown + [article for _, articles in sections for article in articles], BYLINES)
        return super().get_context_data(lead=lead, sections=sections, **kwargs)


class CategoryView(LiveArticleListView):
    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().filter(categories=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.category.name, intro=self.category.description, category=self.category, **kwargs
        )


class TagView(LiveArticleListView):
    def get(self, request, *args, **kwargs):
        """Tag addresses with umlauts (``künstliche-intelligenz``) moved to transliterated ones: send links there."""
        if not kwargs["slug"].isascii():
            if (tag := tag_for_old_slug(kwargs["slug"])) is None:
                raise Http404
            return redirect("website:tag", tag.slug, permanent=True)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.tag.name, tag=self.tag, **kwargs)


class AuthorView(LiveArticleListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return super().get_queryset().filter(authors=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.author.name, author=self.author, **kwargs)


class CorrectionListView(ListView):
    """Every correction note of a published article, newest first: what the newsroom got wrong, in the open."""

    template_name = "articles/corrections.html"
    paginate_by = settings.ARTICLES_PER_PAGE

    def paginate_queryset(self, queryset, page_size):
        page = archive_page(queryset, self.request.GET.get(self.page_kwarg), page_size)
        return None, page, page.object_list, page.has_other_pages()

    def get_queryset(self):
        return (
            Correction.objects.filter(article__in=Article.objects.live()).select_related("article")
            .only("text", "published_at", "article__id", "article__slug", "article__title")
            .order_by("-published_at", "-pk")
        )


class ArticleDetailView(DetailView):
    context_object_name = "article"

    def get_object(self, queryset=None):
        """The article with its relations, kept per content generation.

        It is kept whatever its state, and the visibility rule (``is_live``) is
        applied on every request, so a scheduled article appears and an
        expiring one goes at their times without waiting for the cache.
        """
        pk = self.kwargs["pk"]
        article = cached_lookup(
            f"article-{pk}",
            lambda: Article.objects.with_bylines().prefetch_related("categories", "tags", "corrections").filter(pk=pk).first() or False,
        )
        if not article or not article.is_live:
            raise Http404
        return article

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.kwargs.get("slug") != self.object.slug:
            return redirect(self.object, permanent=True)
        reader = reader_for(request)
        access = open_article(reader, self.object)
        response = self.render_to_response(self.get_context_data(object=self.object, access=access, reader=reader))
        allow_embed_frames(response, self.object.body if access.full else self.object.preview_body)
        if reader.subscription is not None and reader.subscription.payment_failed_at:
            allow_forms_to_stripe(response)  # the payment banner's button leads to Stripe's portal
        # What a page shows depends on who asks: never share it between readers.
        patch_vary_headers(response, ["Cookie"])
        if self.object.is_gated or reader.is_registered:
            patch_cache_control(response, private=True)
        return response

    def get_context_data(self, **kwargs):
        article = self.object
        cards = cached_lookup(
            f"related-{article.pk}", lambda: Article.objects.live().for_cards().in_order(Article.objects.related_ids(article))
        )
        related = [card for card in cards if card.is_live]  # kept for a while: one may have expired since
        plans = SimpleLazyObject(lambda: cached_lookup("plans", lambda: list(Plan.objects.filter(is_active=True)), in_process=True))
        return super().get_context_data(
            related_articles=related, paywall_plans=plans, content_generation=generation(), **kwargs
        )


class SearchView(LiveArticleListView):
    """Search results are for readers, not for search engines: the template marks them noindex."""

    template_name = "articles/search.html"
    paginate_by = 10

    def get_queryset(self):
        self.form = SearchForm(self.request.GET or None)
        self.form.is_valid()
        self.query = clean_query(self.form.cleaned_data.get("q", "")) if self.form.is_bound else ""
        self.found, self.results_capped = [], False
        if not self.query:
            return Article.objects.none()
        live = Article.objects.live().with_bylines().defer("search_document")  # snippets need the body
        self.found = matching_ids(self.form.filter(live), self.query, limit=MAX_CANDIDATES + 1)
        self.results_capped = len(self.found) > MAX_CANDIDATES
        self.found = self.found[:MAX_CANDIDATES]
        return ranked(live.filter(pk__in=self.found), self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            form=self.form, query=self.query, result_count=len(self.found),
            results_capped=self.results_capped, **kwargs,
        )
        page = context["page_obj"]
        found = snippets(page.object_list, self.query)
        for article in page.object_list:
            article.snippet = found.get(article.pk, "")
        return context
