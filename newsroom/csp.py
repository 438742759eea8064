"""The content security policy, on every page including the admin."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware


class SiteCSPMiddleware(CSPMiddleware):
    """``CONTENT_SECURITY_POLICY`` everywhere; the admin may also use inline style attributes.

    Scripts stay strict in the admin too: files from the site, or inline
    elements carrying the request's nonce (the rich-text editor's import map).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith("/admin/") and parts.update is None:
            parts.update = {"style-src": [UNSAFE_INLINE]}
        return parts
