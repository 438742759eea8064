from django import template
from django.utils.safestring import mark_safe

from pages.fields import LegalTextField

register = template.Library()
_sanitise = LegalTextField().sanitize


@register.filter
def legal_html(stored_text):
    """A stored legal text for readers, once more through its nh3 allow-list (rows a migration wrote included)."""
    return mark_safe(_sanitise(stored_text or ""))  # nh3 output: only the tags and attributes of LEGAL_TEXT_EXTENSIONS


@register.filter
def tel_href(phone):
    """A phone number as written in the Impressum, as a ``tel:`` link target: digits and a leading plus only."""
    digits = "".join(char for char in phone.replace("(0)", "") if char.isdigit())
    return f"tel:{'+' if phone.strip().startswith('+') else ''}{digits}"
