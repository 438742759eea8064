"""``{% picture image "card" %}``: a library picture as ``<picture>`` with srcset, sizes, width, height and alt."""

from django import template
from django.template.loader import render_to_string

from images.renditions import open_graph_url
from images.renditions import picture as renditions

register = template.Library()


def render_picture(image, slot, *, alt=None, eager=False, sizes=None):
    """The ``<picture>`` element; ``eager`` for the page's largest image (no lazy loading, high priority)."""
    chosen = renditions(image.file, image.size, slot, image.focal_point)
    return render_to_string("images/picture.html", {
        "picture": chosen, "alt": image.alt_text if alt is None else alt, "eager": eager,
        "sizes": sizes or chosen.sizes,
    })


@register.simple_tag(takes_context=True)
def open_graph_image_url(context, image):
    return context["request"].build_absolute_uri(open_graph_url(image))


@register.simple_tag
def picture(image, slot, alt=None, eager=False, sizes=None):
    return render_picture(image, slot, alt=alt, eager=eager, sizes=sizes)


@register.simple_tag
def portrait(author, sizes, alt):
    """An author's photo, square, as wide as ``sizes`` says (nothing for a photo of unknown size)."""
    if not (author.photo and author.photo_width and author.photo_height):
        return ""
    chosen = renditions(author.photo, (author.photo_width, author.photo_height), "portrait")
    return render_to_string("images/picture.html", {"picture": chosen, "alt": alt, "eager": False, "sizes": sizes})
