"""Only providers on the list may be embedded, and each only with the frame built from its address."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from articles import embeds
from articles.embeds import resolve
from articles.models import Article
from tests.factories import ArticleFactory

VIDEO = "dQw4w9WgXcQ"

TWEET = "1790000000000000001"
POST = "7123456789012345678"
# (canonical address stored, frame loaded on request) of each provider's example
YOUTUBE = (f"https://www.youtube.com/watch?v={VIDEO}", f"https://www.youtube-nocookie.com/embed/{VIDEO}")
VIMEO = ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1")
CHART = ("https://datawrapper.dwcdn.net/Ab1Cd/", "https://datawrapper.dwcdn.net/Ab1Cd/")
X = (f"https://x.com/bmg_bund/status/{TWEET}", f"https://platform.twitter.com/embed/Tweet.html?id={TWEET}&dnt=true")
TOOT = ("https://social.bund.de/@BMG/112233445566", "https://social.bund.de/@BMG/112233445566/embed")
LINKEDIN = (f"https://www.linkedin.com/feed/update/urn:li:activity:{POST}/", f"https://www.linkedin.com/embed/feed/update/urn:li:activity:{POST}")
UGC_POST = (f"https://www.linkedin.com/feed/update/urn:li:ugcPost:{POST}/", f"https://www.linkedin.com/embed/feed/update/urn:li:ugcPost:{POST}")
PHOTO = ("https://www.instagram.com/p/C1a2B3c4D5e/", "https://www.instagram.com/p/C1a2B3c4D5e/embed")
REEL = ("https://www.instagram.com/reel/C1a2B3c4D5e/", "https://www.instagram.com/reel/C1a2B3c4D5e/embed")

ACCEPTED = [
    (f"https://www.youtube.com/watch?v={VIDEO}", *YOUTUBE),
    (f"https://youtube.com/watch?feature=share&v={VIDEO}&t=42s", *YOUTUBE),
    (f"http://m.youtube.com/watch?v={VIDEO}", *YOUTUBE),
    (f"HTTPS://WWW.YouTube.COM/watch?v={VIDEO}", *YOUTUBE),
    (f"https://youtu.be/{VIDEO}?si=abc", *YOUTUBE),
    (f"https://www.youtube.com/shorts/{VIDEO}", *YOUTUBE),
    ("https://vimeo.com/76979871", *VIMEO),
    ("https://player.vimeo.com/video/76979871?h=x", *VIMEO),
    ("https://datawrapper.dwcdn.net/Ab1Cd/3/", *CHART),
    ("https://app.datawrapper.de/chart/Ab1Cd/visualize#refine", *CHART),
    (f"https://x.com/bmg_bund/status/{TWEET}?s=20", *X),
    (f"https://twitter.com/bmg_bund/status/{TWEET}", *X),
    ("https://social.bund.de/@BMG/112233445566", *TOOT),
    (f"https://www.linkedin.com/feed/update/urn:li:activity:{POST}/", *LINKEDIN),
    (f"https://www.linkedin.com/posts/klinikum-beispiel_pflege-reform-ugcPost-{POST}-Ab_c?utm_source=share", *UGC_POST),
    ("https://www.instagram.com/p/C1a2B3c4D5e/", *PHOTO),
    ("https://instagram.com/reel/C1a2B3c4D5e", *REEL),
]

REFUSED = [
    "",
    None,
    "javascript:alert(1)",
    f"javascript://www.youtube.com/watch?v={VIDEO}%0Aalert(1)",
    f"data:text/html,https://www.youtube.com/watch?v={VIDEO}",
    f"//www.youtube.com/watch?v={VIDEO}",
    f"ftp://www.youtube.com/watch?v={VIDEO}",
    f"https://youtube.com.evil.example/watch?v={VIDEO}",
    f"https://evil.example/www.youtube.com/watch?v={VIDEO}",
    f"https://evil.example/?u=https://www.youtube.com/watch?v={VIDEO}",
    f"https://www.youtube.com@evil.example/watch?v={VIDEO}",
    f"https://www.youtube.com\\@evil.example/watch?v={VIDEO}",
    f"https://notyoutube.com/watch?v={VIDEO}",
    f"http://www.youtube.com:8080/watch?v={VIDEO}",
    f"https://www.youtube.com:443/watch?v={VIDEO}",
    f"https://www.youtube.com/watch?v={VIDEO}\n<script>",
    f"https://www.youtube.com/watch?v={VIDEO} onload=x",
    "https://www.youtube.com/watch?v=tooshort",
    "https://datawrapper.dwcdn.net.evil.example/Ab1Cd/1/",
    "https://x.com.evil.example/someone/status/1",
    "https://x.com/someone/likes",
    "http://social.bund.de/@BMG/112233445566",  # Mastodon only over https
    "https://127.0.0.1/@BMG/112233445566",
    "https://social.bund.de:8443/@BMG/112233445566",
    "https://www.linkedin.com/in/someone/",
    "https://www.instagram.com/someone/",
    "https://www.facebook.com/watch/?v=123",
]


@pytest.mark.parametrize(("pasted", "canonical", "frame"), ACCEPTED)
def test_each_provider_resolves_to_its_own_frame(pasted, canonical, frame):
    embed = resolve(pasted, title="")
    assert (embed.url, embed.frame_url) == (canonical, frame)
    assert embed.frame_origin == "{0.scheme}://{0.netloc}".format(urlsplit(frame))
    assert resolve(embed.url, title="").frame_url == frame  # the stored address resolves to the same frame


@pytest.mark.parametrize("url", REFUSED)
def test_anything_else_is_refused(url):
    assert resolve(url, title="") is None


def test_every_provider_has_a_label_a_ratio_and_an_example():
    examples = {resolve(pasted, title="").provider.name for pasted, _, _ in ACCEPTED}
    assert examples == set(embeds.PROVIDERS)
    for provider in embeds.PROVIDERS.values():
        assert str(provider.label) and "/" in provider.ratio


def test_a_title_given_is_kept_and_an_empty_one_becomes_the_provider_name():
    assert resolve(f"https://youtu.be/{VIDEO}", title="  Ein   Video ").title == "Ein Video"
    assert resolve(f"https://youtu.be/{VIDEO}", title="").title == "YouTube"


@pytest.fixture
def oembed_server():
    """A local oEmbed endpoint: answers with ``answer`` and notes the addresses asked about."""
    asked = []
    answer = {"type": "video", "title": "Pflegereform im Bundestag", "author_name": "BMG"}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(parse_qs(urlsplit(self.path).query)["url"][0])
            body = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_port}/oembed", "asked": asked, "answer": answer}
    server.shutdown()
    server.server_close()


def test_title_comes_from_the_providers_oembed(oembed_server, monkeypatch):
    monkeypatch.setitem(embeds.OEMBED_ENDPOINTS, "youtube", oembed_server["url"])
    embed = resolve(f"https://youtu.be/{VIDEO}")
    assert embed.title == "Pflegereform im Bundestag"
    assert oembed_server["asked"] == [f"https://www.youtube.com/watch?v={VIDEO}"]  # only ever the canonical address


@pytest.mark.django_db
def test_an_embed_saved_without_title_stores_the_oembed_title_once(oembed_server, monkeypatch):
    monkeypatch.setitem(embeds.OEMBED_ENDPOINTS, "youtube", oembed_server["url"])
    oembed_server["answer"]["title"] = '<img src=x onerror=alert(1)> "Pflege" & mehr'
    article = ArticleFactory(body=f'<p>Text</p><div class="embed" data-embed="youtube" data-url="https://youtu.be/{VIDEO}"></div>')
    assert article.body == (
        f'<p>Text</p><div class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v={VIDEO}" '
        'data-title="&lt;img src=x onerror=alert(1)&gt; &quot;Pflege&quot; &amp; mehr"></div>'
    )
    article.save()
    assert Article.objects.get(pk=article.pk).body == article.body
    assert len(oembed_server["asked"]) == 1


def test_a_post_without_title_is_named_by_its_author(oembed_server, monkeypatch):
    del oembed_server["answer"]["title"]
    monkeypatch.setitem(embeds.OEMBED_ENDPOINTS, "x", oembed_server["url"])
    assert resolve("https://x.com/bmg_bund/status/1").title == "BMG"


def test_providers_without_oembed_are_never_asked(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("no request expected")

    monkeypatch.setattr(embeds.OEmbedClient, "request", fail)
    assert resolve("https://social.bund.de/@BMG/1").title == "Mastodon"
    assert resolve("https://www.instagram.com/p/C1a2B3c4D5e/").title == "Instagram"


def test_a_refused_connection_falls_back_to_the_provider_name_at_once(monkeypatch):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setitem(embeds.OEMBED_ENDPOINTS, "youtube", f"http://127.0.0.1:{port}/oembed")
    started = time.monotonic()
    assert resolve(f"https://youtu.be/{VIDEO}").title == "YouTube"
    assert time.monotonic() - started < 1


def test_a_silent_endpoint_is_given_up_after_the_timeout(monkeypatch):
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        monkeypatch.setitem(embeds.OEMBED_ENDPOINTS, "vimeo", f"http://127.0.0.1:{silent.getsockname()[1]}/oembed")
        monkeypatch.setattr(embeds, "OEMBED_TIMEOUT", 0.3)
        started = time.monotonic()
        assert resolve("https://vimeo.com/76979871").title == "Vimeo"
        assert time.monotonic() - started < 2


@pytest.mark.parametrize("answer", [b"not json", b"[1, 2]", b'{"title": 42}'])
def test_a_strange_answer_falls_back_to_the_provider_name(monkeypatch, answer):
    monkeypatch.setattr(embeds.OEmbedClient, "fetch", lambda self, url: answer.decode())
    assert resolve("https://datawrapper.dwcdn.net/Ab1Cd/").title == "Datawrapper"
