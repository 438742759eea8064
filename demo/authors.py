"""Demo authors and staff accounts for a local run (German, invented people)."""

AUTHORS = [
    {
        "slug": "miriam-hartmann",
        "name": "Miriam Hartmann",
        "job_title": "Redakteurin Gesundheitspolitik",
        "bio": "Miriam Hartmann berichtet seit zwölf Jahren über Gesundheitspolitik und Klinikfinanzierung. "
        "Vorher war sie Pressesprecherin eines Krankenhausverbunds.",
        "linkedin_url": "https://www.linkedin.com/in/example-miriam-hartmann",
        "email": "m.hartmann@example.org",
        "color": (155, 28, 28),
    },
    {
        "slug": "jonas-becker",
        "name": "Jonas Becker",
        "job_title": "Reporter Digitalisierung",
        "bio": "Jonas Becker schreibt über Rechenzentren, künstliche Intelligenz und IT-Sicherheit "
        "in Praxen und Kliniken.",
        "xing_url": "https://www.xing.com/profile/Example_JonasBecker",
        "website": "https://example.org/jonas-becker",
        "color": (31, 95, 191),
    },
    {
        "slug": "aylin-demir",
        "name": "Aylin Demir",
        "job_title": "Ressortleiterin Recht",
        "bio": "Aylin Demir ist Juristin und erklärt Gesetzesänderungen, Urteile und Abrechnungsregeln "
        "so, dass man sie im Praxisalltag anwenden kann.",
        "linkedin_url": "https://www.linkedin.com/in/example-aylin-demir",
        "color": (22, 110, 72),
    },
    {
        "slug": "thomas-krueger",
        "name": "Thomas Krüger",
        "job_title": "Chefreporter Wirtschaft",
        "bio": "Thomas Krüger verfolgt Märkte, Fusionen und Investitionen im Gesundheitswesen.",
        "color": (120, 72, 0),
    },
    {
        "slug": "verlagsservice",
        "name": "Verlagsservice",
        "job_title": "Sonderveröffentlichungen",
        "bio": "Der Verlagsservice betreut Anzeigen und Sonderveröffentlichungen im Auftrag von Kunden. "
        "Die Redaktion ist daran nicht beteiligt.",
        "color": (90, 90, 90),
    },
]

# Local-only demo logins. load_demo creates them only when DEBUG is on.
STAFF_USERS = [
    {"username": "autorin", "password": "autorin-demo-2026", "role": "Autor/in", "author": "jonas-becker",
     "first_name": "Jonas", "last_name": "Becker"},
    {"username": "redakteur", "password": "redakteur-demo-2026", "role": "Redakteur/in", "author": "miriam-hartmann",
     "first_name": "Miriam", "last_name": "Hartmann"},
    {"username": "chefredaktion", "password": "chefredaktion-demo-2026", "role": "Chefredaktion",
     "author": "aylin-demir", "first_name": "Aylin", "last_name": "Demir"},
]
