"""A realistic archive of live articles for benchmarks and scale tests (``manage.py generate_archive``).

Ten years of German trade news: articles spread over time and categories, about
500 tags with a few popular ones, about 40 authors, a mix of free, registered
and premium access, and bodies of about 300 words in which some words are common
("Energie" in about a quarter of the articles) and others rare.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from articles.models import Access, Article, Author, Byline, Category, TaggedArticle
from articles.text import german_slugify
from editorial import actions
from editorial.roles import EDITOR_ROLE

TAG_HEADS = [
    "Klinik", "Praxis", "Pflege", "Arznei", "Daten", "Energie", "Netz", "Abrechnungs", "Steuer", "Personal",
    "Kranken", "Labor", "Notfall", "Reha", "Apotheken", "Digital", "Cloud", "Rechenzentrums", "Sicherheits", "Förder",
    "Tarif", "Investitions", "Qualitäts", "Versorgungs", "Bau",
]
TAG_TAILS = [
    "reform", "finanzierung", "gesetz", "politik", "markt", "strategie", "recht", "planung", "kosten", "technik",
    "forschung", "verband", "statistik", "prüfung", "pflicht", "budget", "vertrag", "zentrum", "management", "lücke",
]
VOCABULARY = (
    "Kliniken Praxen Versorgung Patienten Beschäftigte Verband Ministerium Gesetzentwurf Bundesrat Länder Kassen "
    "Abrechnung Budget Investitionen Personal Fachkräfte Digitalisierung Telematik Rechenzentrum Server Software "
    "Netz Sicherheit Datenschutz Prüfung Bericht Studie Umfrage Quartal Prozent Millionen Euro Träger Standort "
    "Leitung Vorstand Geschäftsführung Regelung Übergangsfrist Vergütung Tarifvertrag Pflegekräfte Ärztinnen Ärzte "
    "Apotheken Lieferengpässe Arzneimittel Hersteller Zulassung Markt Wettbewerb Kooperation Plattform Anbieter"
).split()
FILLERS = "und die der das mit für auf nach über bei aus im am zum zur sowie wird werden hat haben soll sollen".split()
COMMON_WORD, COMMON_SHARE = "Energie", 0.25
RARE_WORDS = ["Wasserstoffspeicher", "Quantensensorik", "Zwillingsstudie", "Kältenetz"]
ACCESS_MIX = [(Access.FREE, 0.7), (Access.REGISTERED, 0.15), (Access.PREMIUM, 0.15)]
YEARS = 10
AUTHORS = 40


def sentence(rng, words=12):
    chosen = [rng.choice(VOCABULARY) if rng.random() < 0.6 else rng.choice(FILLERS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def body(rng, common, rare):
    paragraphs = []
    for index in range(5):
        text = " ".join(sentence(rng) for _ in range(5))
        if common and index == 1:
            text += f" Die {COMMON_WORD}kosten steigen, {COMMON_WORD} bleibt Thema."
        if rare and index == 3:
            text += f" Erstmals geht es auch um {rare}."
        paragraphs.append(f"<p>{text}</p>")
    return "".join(paragraphs)


def archive_editor():
    """The account the archive is published by: an editor who cannot log in."""
    user, created = get_user_model().objects.get_or_create(username="archiv", defaults={"is_staff": True, "first_name": "Archiv"})
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.set([Group.objects.get(name=EDITOR_ROLE)])
    return user


def ensure_authors(rng):
    existing = list(Author.objects.filter(slug__startswith="archiv-"))
    first_names = ["Anna", "Jonas", "Miriam", "Thomas", "Aylin", "Lukas", "Sophie", "Daniel", "Lea", "Felix"]
    last_names = ["Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Koch", "Richter"]
    missing = [
        Author(name=f"{rng.choice(first_names)} {rng.choice(last_names)}", slug=f"archiv-{number}", job_title="Redaktion")
        for number in range(len(existing), AUTHORS)
    ]
    return existing + Author.objects.bulk_create(missing)


def ensure_tags():
    names = [f"{head}{tail}" for head in TAG_HEADS for tail in TAG_TAILS]
    known = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
    Tag.objects.bulk_create([Tag(name=name, slug=german_slugify(name)) for name in names if name not in known], ignore_conflicts=True)
    return list(Tag.objects.filter(name__in=names).order_by("name"))


def generate(count, *, seed=2026, batch_size=2000, progress=None):
    """Add ``count`` live articles to the archive; returns how many were made."""
    rng = random.Random(seed + Article.objects.count())
    editor = archive_editor()
    authors, tags, categories = ensure_authors(rng), ensure_tags(), list(Category.objects.all())
    tag_weights = [1 / (rank + 1) for rank in range(len(tags))]  # a few popular tags, a long tail
    now, run = timezone.now(), rng.randrange(10**6)
    made = 0
    while made < count:
        size = min(batch_size, count - made)
        with transaction.atomic():
            entries = [new_article(rng, categories, f"{run}-{made + number}", now) for number in range(size)]
            actions.import_published(
                entries, by=editor, batch_size=size,
                relate=lambda articles: relate(rng, articles, categories, authors, tags, tag_weights),
            )
        made += size
        if progress:
            progress(made)
    return made


def new_article(rng, categories, suffix, now):
    topic = rng.choice(VOCABULARY)
    title = f"{topic}: {sentence(rng, 7)[:-1]}"
    access = rng.choices([level for level, _share in ACCESS_MIX], weights=[share for _level, share in ACCESS_MIX])[0]
    rare = rng.choice(RARE_WORDS) if rng.random() < 0.002 else None
    article = Article(
        kicker=topic,
        title=title,
        slug=f"{german_slugify(title)[:180]}-{suffix}",
        teaser=sentence(rng, 20),
        body=body(rng, rng.random() < COMMON_SHARE, rare),
        primary_category=rng.choice(categories),
        access=access,
    )
    return article, now - timedelta(minutes=rng.randrange(1, YEARS * 365 * 24 * 60))


def relate(rng, articles, categories, authors, tags, tag_weights):
    in_category, bylines, tagged = [], [], []
    for article in articles:
        chosen = {article.primary_category}
        if rng.random() < 0.3:
            chosen.add(rng.choice(categories))
        in_category += [Article.categories.through(article=article, category=category) for category in chosen]
        for position, author in enumerate(rng.sample(authors, rng.choice([1, 1, 1, 2]))):
            bylines.append(Byline(article=article, author=author, position=position))
        for tag in set(rng.choices(tags, weights=tag_weights, k=3)):
            tagged.append(TaggedArticle(content_object=article, tag=tag))
    Article.categories.through.objects.bulk_create(in_category)
    Byline.objects.bulk_create(bylines)
    TaggedArticle.objects.bulk_create(tagged)
