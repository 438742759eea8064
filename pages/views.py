import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from .models import AccessibilityStatement, LegalNotice, PrivacyPolicy

# Seconds after which a reader may try again when the database is down or too slow.
RETRY_AFTER = 30


def server_error(request):
    """The 500 page, or the 503 page while the database is unreachable or too slow.

    Rendered from the template alone: no context processors, no database.
    """
    context = {"site_name": settings.SITE_NAME}
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render(context), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render(context))


class SitePageView(DetailView):
    """A legal page: the one record of its model. Public, so the page cache keeps it for anonymous readers."""

    title = description = ""

    def get_object(self, queryset=None):
        page = self.model.current()
        if page is None:
            raise Http404
        return page

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=self.title, page_description=self.description, **kwargs)


class LegalNoticeView(SitePageView):
    model = LegalNotice
    template_name = "pages/legal_notice.html"
    context_object_name = "notice"
    title = _("Legal notice")
    description = _("Who publishes this site: publisher, address, contact, register entry and who is responsible for the content.")


class PrivacyPolicyView(SitePageView):
    model = PrivacyPolicy
    template_name = "pages/privacy_policy.html"
    context_object_name = "policy"
    title = _("Privacy statement")
    description = _("Which personal data this site processes, why, and what rights you have.")


class AccessibilityStatementView(SitePageView):
    model = AccessibilityStatement
    template_name = "pages/accessibility_statement.html"
    context_object_name = "statement"
    title = _("Accessibility statement")
    description = _("How accessible this site is, what is not yet, and where to report barriers.")
