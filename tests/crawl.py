"""Find the site's public URLs by itself: URL patterns, sitemaps and links on pages.

Used by the no-leak acceptance test, so that every endpoint added later is
covered without editing the test.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver

SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/")
# Headers a browser acts on (follows, preloads, allows): what they carry reaches the reader as surely as the page.
ACTED_ON_HEADERS = ("Location", "Refresh", "Link", "Content-Security-Policy")


def iter_patterns(patterns, prefix=""):
    """(route, pattern) for every URL pattern, with the routes of the resolvers above it."""
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from iter_patterns(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def fill(route, values):
    """Every URL for ``route`` with its <converter:name> parts replaced by candidate values."""
    route = route.lstrip("^").rstrip("$")
    params = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    if re.search(r"[()\[\]\\?*+]", re.sub(r"<[^>]+>", "", route)):
        return []  # a regular expression route (e.g. media files): not a page
    urls = ["/" + route]
    for _, name in params:
        candidates = values.get(name, ["x"])
        urls = [re.sub(r"<(?:\w+:)?" + name + ">", str(value), url, count=1) for url in urls for value in candidates]
    return urls


def pattern_urls(values):
    urls = set()
    for route, _ in iter_patterns(get_resolver().url_patterns):
        for url in fill(route, values):
            if not url.startswith(SKIPPED_PREFIXES):
                urls.add(url)
    return urls


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"href", "src", "action"} and value:
                self.links.append(value)


def local_links(html, host="testserver"):
    parser = LinkParser()
    parser.feed(html)
    for link in parser.links:
        link = urldefrag(link)[0]
        parts = urlsplit(link)
        if parts.scheme in {"http", "https"} and parts.netloc != host:
            continue
        if parts.scheme not in {"", "http", "https"} or not parts.path.startswith("/"):
            continue
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if not url.startswith(SKIPPED_PREFIXES):
            yield url


def sitemap_locations(xml):
    return [urlsplit(loc).path for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", xml)]


def discover(client, values, limit=400, extra=()):
    """All public URLs reachable from the URL patterns, sitemaps, links and ``extra``, as ``client`` sees them.

    Each maps to (status, content type, text); the text starts with the headers in ``ACTED_ON_HEADERS``.
    """
    queue = deque(sorted(pattern_urls(values) | set(extra)))
    seen = set(queue)
    pages = {}
    while queue and len(pages) < limit:
        url = queue.popleft()
        response = client.get(url)
        if response.streaming:
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        headers = "".join(f"{name}: {response[name]}\n" for name in ACTED_ON_HEADERS if response.has_header(name))
        text = headers + body.decode("utf-8", errors="replace")
        pages[url] = (response.status_code, response.get("Content-Type", ""), text)
        found = list(local_links(text)) if "html" in response.get("Content-Type", "") else []
        if "xml" in response.get("Content-Type", ""):
            found += sitemap_locations(text)
        if response.status_code in (301, 302) and response.get("Location", "").startswith("/"):
            found.append(response["Location"])
        for link in found:
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return pages
