from django import template

register = template.Library()


@register.inclusion_tag("includes/banner.html", takes_context=True)
def banner(context, placement):
    """The banner chosen for ``placement`` on this page view, if any."""
    slots = context.get("banner_slots")
    return {"banner": slots.pick(placement) if slots is not None else None, "placement": placement}
