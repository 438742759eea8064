"""German for texts of Django and of libraries that their own German catalogues lack or word badly.

Marked here, makemessages keeps them in locale/de/LC_MESSAGES/django.po; Django reads the
LOCALE_PATHS catalogue before the apps' own, so their templates, forms and models show our
German. Nothing imports this module. When a library's catalogue gains one of these, drop it here.
The rich-text editor's texts are in static/articles/admin/body_editor.js (djangojs domain).
"""

from django.utils.translation import gettext_noop

# Django 5.2's German catalogue lacks these (staff accounts: add and change page, password pages).
DJANGO = [
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Password-based authentication"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, they may still be "
        "able to authenticate using other backends, such as Single Sign-On or LDAP."
    ),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Reset password"),
    gettext_noop("Set password"),
    gettext_noop("Set password: %s"),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("This action will <strong>enable</strong> password-based authentication for this user."),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("Conflicting form data submitted. Please try again."),
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
]

# django.contrib.flatpages: its German catalogue keeps "Flat Page"; ours are the legal pages.
FLATPAGES = [gettext_noop("flat page"), gettext_noop("flat pages")]

# django-axes marks this filter title, but its German catalogue has no entry for it.
AXES = [gettext_noop("Locked Out")]
