"""The providers an article body may embed, and the one frame each may load.

A stored embed keeps only the address an editor pasted (made canonical) and a
title. The frame a reader's browser loads is built here, from a match of that
address against the provider's patterns, never taken from stored HTML: a body
cannot point a frame anywhere else. Anything not on this list is refused.
"""

import http.client
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _
from micawber import Provider as OEmbedClient
from micawber.exceptions import ProviderException

logger = logging.getLogger(__name__)

# Where each provider answers oEmbed requests for titles. A module-level dict so that
# tests can point one at a local server. Mastodon has none on purpose: its endpoint
# lives on whichever host an editor typed, and the server would fetch from it.
OEMBED_ENDPOINTS = {
    "youtube": "https://www.youtube.com/oembed",
    "vimeo": "https://vimeo.com/api/oembed.json",
    "datawrapper": "https://api.datawrapper.de/v3/oembed/",
    "x": "https://publish.twitter.com/oembed",
}
OEMBED_TIMEOUT = 2  # seconds; saving an article waits this long at most for a title
TITLE_MAX_LENGTH = 200
URL_MAX_LENGTH = 500

ANY_QUERY = r"(?:[?#]\S*)?"  # a query string or fragment after the part that matters, dropped
HOST_NAME = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"


@dataclass(frozen=True)
class Provider:
    name: str  # stored as data-embed
    label: str  # what readers read: "Inhalt von YouTube laden"
    patterns: tuple  # regular expressions an address must match in full, with named groups
    canonical: str  # the address as stored, from the groups
    frame: str  # the address the reader's browser loads on request, from the groups
    ratio: str  # CSS aspect-ratio of the frame

    def match(self, url):
        for pattern in self.patterns:
            if found := re.fullmatch(pattern, url):
                return found.groupdict()
        return None


PROVIDERS = {
    provider.name: provider
    for provider in (
        Provider(
            "youtube", _("YouTube"),
            (
                r"https?://(?:www\.|m\.)?youtube\.com/watch\?(?:[^#\s]*&)?v=(?P<id>[A-Za-z0-9_-]{11})(?:[&#]\S*)?",
                r"https?://youtu\.be/(?P<id>[A-Za-z0-9_-]{11})/?" + ANY_QUERY,
                r"https?://(?:www\.|m\.)?youtube(?:-nocookie)?\.com/(?:shorts|embed|live)/(?P<id>[A-Za-z0-9_-]{11})/?" + ANY_QUERY,
            ),
            "https://www.youtube.com/watch?v={id}", "https://www.youtube-nocookie.com/embed/{id}", "16 / 9",
        ),
        Provider(
            "vimeo", _("Vimeo"),
            (
                r"https?://(?:www\.)?vimeo\.com/(?:channels/[A-Za-z0-9_-]+/|groups/[A-Za-z0-9_-]+/videos/)?(?P<id>\d{1,12})/?"
                + ANY_QUERY,
                r"https?://player\.vimeo\.com/video/(?P<id>\d{1,12})/?" + ANY_QUERY,
            ),
            "https://vimeo.com/{id}", "https://player.vimeo.com/video/{id}?dnt=1", "16 / 9",
        ),
        Provider(
            "datawrapper", _("Datawrapper"),
            (
                r"https?://datawrapper\.dwcdn\.net/(?P<id>[A-Za-z0-9]{5})(?:/\d{1,4})?/?" + ANY_QUERY,
                r"https?://app\.datawrapper\.de/(?:chart|map|table)/(?P<id>[A-Za-z0-9]{5})(?:/[A-Za-z0-9_-]*)*" + ANY_QUERY,
            ),
            "https://datawrapper.dwcdn.net/{id}/", "https://datawrapper.dwcdn.net/{id}/", "4 / 3",
        ),
        Provider(
            "x", _("X (Twitter)"),
            (
                r"https?://(?:www\.|mobile\.)?(?:x|twitter)\.com/(?P<user>[A-Za-z0-9_]{1,15})/status(?:es)?/(?P<id>\d{1,20})/?"
                + ANY_QUERY,
            ),
            "https://x.com/{user}/status/{id}", "https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true", "3 / 4",
        ),
        Provider(
            "linkedin", _("LinkedIn"),
            (
                r"https?://(?:www\.)?linkedin\.com/(?:embed/)?feed/update/urn(?::|%3A)li(?::|%3A)(?P<kind>share|activity|ugcPost)"
                r"(?::|%3A)(?P<id>\d{1,25})/?" + ANY_QUERY,
                r"https?://(?:www\.)?linkedin\.com/posts/[A-Za-z0-9_%-]*-(?P<kind>share|activity|ugcPost)-(?P<id>\d{1,25})"
                r"(?:-[A-Za-z0-9_-]+)?/?" + ANY_QUERY,
            ),
            "https://www.linkedin.com/feed/update/urn:li:{kind}:{id}/",
            "https://www.linkedin.com/embed/feed/update/urn:li:{kind}:{id}", "4 / 5",
        ),
        Provider(
            "instagram", _("Instagram"),
            (
                r"https?://(?:www\.)?instagram\.com/(?:[A-Za-z0-9_.]{1,30}/)?(?P<kind>p|reel)/(?P<code>[A-Za-z0-9_-]{5,40})/?"
                + ANY_QUERY,
            ),
            "https://www.instagram.com/{kind}/{code}/", "https://www.instagram.com/{kind}/{code}/embed", "4 / 5",
        ),
        # Last: its pattern takes any host name, so the fixed hosts above win.
        Provider(
            "mastodon", _("Mastodon"),
            (rf"https://(?P<host>{HOST_NAME})/@(?P<user>[A-Za-z0-9_]{{1,30}})/(?P<id>\d{{1,20}})/?" + ANY_QUERY,),
            "https://{host}/@{user}/{id}", "https://{host}/@{user}/{id}/embed", "4 / 5",
        ),
    )
}


@dataclass(frozen=True)
class Embed:
    provider: Provider
    url: str  # canonical
    frame_url: str
    title: str

    @property
    def frame_origin(self):
        """What the page's CSP frame-src must allow for this embed."""
        parts = urlsplit(self.frame_url)
        return f"{parts.scheme}://{parts.netloc}"


def normalised(url):
    """``url`` with scheme and host in lower case, or None when it cannot be an address to embed."""
    url = (url or "").strip()
    if not url or len(url) > URL_MAX_LENGTH or re.search(r"[\s\\\x00-\x1f\x7f]", url):
        return None
    scheme, separator, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}{separator}{host.lower()}{slash}{path}"


def find(url):
    """(provider, groups) of the first provider whose patterns match ``url``, or None."""
    if (url := normalised(url)) is None:
        return None
    for provider in PROVIDERS.values():
        if (groups := provider.match(url)) is not None:
            return provider, groups
    return None


def resolve(url, title=None):
    """The embed for ``url`` if a provider on the list serves it, else None.

    Its title is ``title`` when one is given, else the provider's oEmbed
    title; an empty one, or a failed lookup, gives the provider's name.
    """
    if (found := find(url)) is None:
        return None
    provider, groups = found
    canonical = provider.canonical.format(**groups)
    if title is None:
        title = oembed_title(provider, canonical)
    title = " ".join(str(title).split())[:TITLE_MAX_LENGTH] or str(provider.label)
    return Embed(provider, canonical, provider.frame.format(**groups), title)


def oembed_title(provider, url):
    """The title the provider gives ``url`` over oEmbed, or "" when it has none or cannot be reached."""
    if not (endpoint := OEMBED_ENDPOINTS.get(provider.name)):
        return ""
    try:
        data = OEmbedClient(endpoint, timeout=OEMBED_TIMEOUT).request(url)
    except (ProviderException, OSError, ValueError, http.client.HTTPException) as error:
        logger.debug("No oEmbed title for %s: %s", url, error)
        return ""
    title = data.get("title")
    # micawber puts the address in when the answer has no title; a post on X has an author instead.
    if not isinstance(title, str) or title == data.get("url"):
        title = data.get("author_name")
    return title if isinstance(title, str) else ""


def editor_providers():
    """Name, label and patterns (as JavaScript sources) of each provider, for the editor's embed dialog."""
    return {
        provider.name: {"label": provider.label, "patterns": [pattern.replace("(?P<", "(?<") for pattern in provider.patterns]}
        for provider in PROVIDERS.values()
    }
