"""Finding 12: the admin has a content security policy too, without inline scripts that lack the nonce."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/", "/admin/articles/article/", "/admin/articles/article/add/", "/admin/login/"])
def test_admin_pages_have_a_strict_script_policy(client, editor, url):
    if url != "/admin/login/":
        client.force_login(editor)
    response = client.get(url)
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())
    assert "'unsafe-inline'" not in policy["script-src"] and "*" not in policy["script-src"]
    nonce = re.search(r"'nonce-([^']+)'", policy["script-src"])
    for script in re.findall(r"<script\b[^>]*>", response.content.decode()):
        assert "src=" in script or (nonce and f'nonce="{nonce.group(1)}"' in script), script


def test_the_editor_import_map_carries_the_nonce(client, editor):
    client.force_login(editor)
    html = client.get("/admin/articles/article/add/").content.decode()
    assert re.search(r'<script type="importmap" nonce="[^"]+">', html) or re.search(r'<script nonce="[^"]+" type="importmap">', html)
