"""How the desk names a person: the name they gave, else their login, never a blank."""

from django.utils.translation import gettext as _


def display_name(user):
    return (user.get_full_name() or user.get_username()) if user else _("someone")
