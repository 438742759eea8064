"""Tag addresses spelled like article addresses: "Künstliche Intelligenz" is /schlagwort/kuenstliche-intelligenz/.

taggit makes Unicode slugs ("künstliche-intelligenz"); ``transliterate_new_tag``
gives a new tag the German transliteration instead, made unique here (taggit's
own uniqueness retry runs through this again), and migration 0016 moved the
tags that existed. The old addresses still lead to their tag: taggit made them
from the tag's name, so ``tag_for_old_slug`` finds the tag by making them again.
"""

from django.utils.text import slugify
from taggit.models import Tag

from .text import german_slugify

SLUG_LENGTH = Tag._meta.get_field("slug").max_length
FALLBACK = "schlagwort"


def unique_slug(name, taken):
    """The transliterated slug of ``name`` that ``taken(slug)`` does not hold yet, within the column's length."""
    base = german_slugify(name)[: SLUG_LENGTH - 6].strip("-") or FALLBACK
    slug, number = base, 1
    while taken(slug):
        number += 1
        slug = f"{base}-{number}"
    return slug


def transliterate_new_tag(sender, instance, **kwargs):
    if instance._state.adding:
        others = sender._default_manager.exclude(pk=instance.pk) if instance.pk else sender._default_manager.all()
        instance.slug = unique_slug(instance.name, lambda slug: others.filter(slug=slug).exists())


def tag_for_old_slug(slug):
    """The tag whose address was ``slug`` when taggit still kept umlauts in it, or None."""
    prefix = german_slugify(slug)[: SLUG_LENGTH - 6].strip("-")
    if not prefix:
        return None
    for tag in Tag.objects.filter(slug__startswith=prefix)[:50]:
        if slugify(tag.name, allow_unicode=True) == slug:
            return tag
    return None
