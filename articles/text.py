"""Plain-text helpers for German editorial content."""

import math
import re

from django.utils.html import strip_tags
from django.utils.text import slugify

GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)
WORDS_PER_MINUTE = 200


def german_slugify(text):
    """Slugify with German transliteration, so "Größe" becomes "groesse", not "grosse"."""
    return slugify(text.translate(GERMAN_TRANSLITERATION))


def word_count(*texts):
    """Count the words a reader sees in plain or HTML text."""
    return sum(len(re.findall(r"\w+(?:[-'’]\w+)*", strip_tags(text or ""))) for text in texts)


def reading_minutes(*texts):
    """Minutes to read at about 200 words a minute, rounded half up, at least one."""
    return max(1, math.floor(word_count(*texts) / WORDS_PER_MINUTE + 0.5))
