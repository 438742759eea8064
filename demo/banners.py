"""Demo banners for a local run."""

from banners.models import Banner

BANNERS = [
    {"title": "Online-Kompaktkurse", "text": "für fundiertes Wissen zu neuesten Gesetzesänderungen und Abrechnungskriterien",
     "target_url": "https://example.org/kurse", "placement": "header", "audience": "everyone", "kind": "promo"},
    {"title": "Jetzt 4 Wochen gratis testen", "text": "Alle Premium-Artikel lesen – jederzeit kündbar.",
     "target_url": "https://example.org/abo-test", "placement": "paywall", "audience": "everyone", "kind": "subscription"},
    {"title": "Newsletter am Morgen", "text": "Die wichtigsten Meldungen um 7 Uhr im Postfach.",
     "target_url": "https://example.org/newsletter", "placement": "in_article", "after_paragraph": 2,
     "audience": "everyone", "kind": "promo"},
    # An advertisement (§ 22 MStV): shown with the label "Anzeige", its link rel="sponsored".
    {"title": "Praxis-IT ohne Serverraum", "text": "Praxissoftware aus der Cloud – jetzt 30 Tage testen.",
     "target_url": "https://example.org/praxis-cloud", "placement": "sidebar", "audience": "everyone", "kind": "promo",
     "is_sponsored": True, "sponsor": "Beispiel Software AG"},
]


def load_banners():
    for data in BANNERS:
        Banner.objects.get_or_create(title=data["title"], defaults={k: v for k, v in data.items() if k != "title"})
