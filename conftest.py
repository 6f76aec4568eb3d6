"""Project-wide test fixtures: the demo district's units, roles and users of every scope."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM use there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def district(seeded):
    """The demo district (游仙区) with its units, roles and the six demo users."""
    from io import StringIO

    from fazhi.org import demo
    from fazhi.org.models import User

    demo.load(2019, StringIO())
    return {u.username: u for u in User.objects.all()}


def seed_reference_rows():
    """The rows the data migrations seed (holiday calendar, time-limit rules …), put back when a
    transactional test (browser tests) or a module's demo emptied the tables: each app that seeds
    such rows puts its own back (`seed_reference_rows()` on its AppConfig)."""
    from django.apps import apps

    for config in apps.get_app_configs():
        if hasattr(config, "seed_reference_rows"):
            config.seed_reference_rows()


@pytest.fixture
def seeded(db):
    """The rows the data migrations seed: a transactional test (browser tests) empties every
    table when it ends, so tests that run after one and need these rows ask for this fixture."""
    seed_reference_rows()


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The whole 2019 demo, loaded once for a test module (each test's own changes are rolled
    back) and removed when the module ends. A module using it should hold only demo tests."""
    from io import StringIO

    from django.core.management import call_command

    with django_db_blocker.unblock():
        seed_reference_rows()
        call_command("demo", year=2019, stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def demo(demo_data, db):
    """The whole 2019 demo district (loaded once per module, see `demo_data`)."""


@pytest.fixture
def login(client):
    """Log the test client in as a demo user by username; returns the client."""
    from fazhi.org.models import User

    def _login(username):
        client.force_login(User.objects.get(username=username))
        return client

    return _login


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium driven by Playwright; skipped when absent unless REQUIRE_BROWSER=1."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} does not exist")
        pytest.skip(f"{CHROMIUM} not installed: browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser tab of 1366x768 (a bureau PC's screen) with `page.base_url` set."""
    context = chromium.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.base_url = live_server.url
    yield tab
    context.close()


@pytest.fixture(autouse=True)
def _no_cached_figures(settings):
    """Figures are computed afresh in tests: a test's writes never commit, so the counter the
    cache is keyed by never moves. The tests of the cache itself switch it back on."""
    from django.core.cache import cache

    settings.FIGURES_CACHE = False
    cache.clear()
