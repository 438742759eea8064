from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from articles.text import html_preview

register = template.Library()


@register.inclusion_tag("includes/banner.html", takes_context=True)
def banner(context, placement):
    """The banner chosen for ``placement`` on this page view, if any."""
    slots = context.get("banner_slots")
    return {"banner": slots.pick(placement) if slots is not None else None, "placement": placement}


@register.simple_tag(takes_context=True)
def body_with_banner(context, html):
    """Article HTML with the in-article banner after the paragraph its editor chose."""
    slots = context.get("banner_slots")
    chosen = slots.pick("in_article") if slots is not None else None
    if chosen is None:
        return mark_safe(html)
    head = html_preview(html, chosen.after_paragraph)
    rendered = render_to_string("includes/banner.html", {"banner": chosen, "placement": "in_article"})
    return mark_safe(head + rendered + html[len(head):])
