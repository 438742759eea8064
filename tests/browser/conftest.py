import os
from pathlib import Path

import pytest

# Browser tests use live_server, so they run in transactional tests, which pytest-django
# orders after all others; each one flushes the database afterwards (the roles come back
# through post_migrate), so they create the content they need themselves.
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: .ci/run installs Debian's chromium")
        pytest.skip("Debian's Chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; the ORM in the same thread is safe here.
    patch = pytest.MonkeyPatch()
    patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    patch.undo()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-artifacts/ for a person to look at."""

    def take(name, target=None):
        ARTIFACTS.mkdir(exist_ok=True)
        (target or page).screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)

    return take


@pytest.fixture(autouse=True)
def pages_closed_before_the_flush(request, transactional_db):
    """Close every browser window a test opened before its database is flushed.

    Set up after the database fixture, so torn down before it: an editor page
    left open keeps polling (presence, autosave), and a request that holds a
    row lock while the flush truncates the tables deadlocks it.
    """
    yield
    if "browser" in request.fixturenames:
        for context in request.getfixturevalue("browser").contexts:
            context.close()
