"""Tag addresses spelled like article addresses: "Künstliche Intelligenz" is /schlagwort/kuenstliche-intelligenz/.

taggit makes Unicode slugs ("künstliche-intelligenz"); ``transliterate_new_tag``
turns a new tag's slug into the German transliteration before it is saved
(taggit's own retry with "_1", "_2" for a taken slug still applies), and
migration 0016 moved the tags that existed. The old addresses redirect
(website.views.TagView), since transliterating is all it takes to find them.
"""

from .text import german_slugify


def tag_slug(slug):
    """The transliterated form of a tag slug; "" when nothing of it is left."""
    return german_slugify(slug)


def transliterate_new_tag(sender, instance, **kwargs):
    if instance._state.adding and instance.slug and not instance.slug.isascii():
        instance.slug = tag_slug(instance.slug) or "schlagwort"
