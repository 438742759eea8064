from urllib.parse import quote, urlencode

from django import template
from django.utils.translation import gettext as _

from articles.body import media_in, render_for_readers
from website.structured_data import as_script, breadcrumbs, home_page, news_article

register = template.Library()


@register.filter
def reader_html(stored_body, sponsored=False):
    """A stored body, or its already cut preview, with library pictures and click-to-load embeds.

    ``article.body|reader_html:article.is_sponsored``: an advertisement's links get rel="sponsored".
    """
    return render_for_readers(stored_body, sponsored=bool(sponsored))


@register.inclusion_tag("articles/body_assets.html")
def body_assets(stored_body):
    """The stylesheet for figures and embeds, and the embeds' script, when the body has them."""
    return {"media": media_in(stored_body)}


@register.simple_tag(takes_context=True)
def share_links(context, article):
    """Plain links to share an article: no third-party scripts, iframes or trackers."""
    url = context["request"].build_absolute_uri(article.get_absolute_url())
    title = article.title
    return [
        {"name": "LinkedIn", "url": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})},
        {"name": "XING", "url": "https://www.xing.com/spi/shares/new?" + urlencode({"url": url})},
        {"name": "X", "url": "https://x.com/intent/post?" + urlencode({"url": url, "text": title})},
        {"name": "Facebook", "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})},
        {"name": "WhatsApp", "url": "https://wa.me/?" + urlencode({"text": f"{title} {url}"})},
        {"name": _("E-mail"), "url": f"mailto:?subject={quote(title)}&body={quote(url)}"},
    ]


@register.simple_tag(takes_context=True)
def article_jsonld(context, article):
    request = context["request"]
    return as_script(news_article(article, request)) + as_script(breadcrumbs(article, request))


@register.simple_tag(takes_context=True)
def home_jsonld(context):
    return as_script(home_page(context["request"]))


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path)
