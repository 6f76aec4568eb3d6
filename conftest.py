"""Project-wide test fixtures: the demo district's units, roles and users of every scope."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM use there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def district(seeded):
    """The demo district (游仙区) with its units, roles and the demo users."""
    from fazhi.org.models import User

    _DISTRICT.load()
    return {u.username: u for u in User.objects.all()}


class _DistrictRows:
    """The rows `fazhi.org.demo.load` writes (units, roles, users, their audit entries …),
    written through the services by the first test of a process that asks for the district and
    kept; later tests get the same rows inserted as they were, in a fraction of the time. Four
    tests in five ask for the district: loading it afresh each time was half the suite's time.

    The rows point at content types and permissions: a transactional test's flush recreates
    those under other keys, and the district is then loaded afresh and kept again."""

    def __init__(self):
        self.rows = None  # [(model, [instances], keep their keys)] once captured
        self.basis = None  # the content types and permissions they were captured against

    def _keys_free(self) -> bool:
        return _keys_free_of(self.rows)

    def load(self):
        from io import StringIO

        from django.apps import apps
        from django.db import transaction

        from fazhi.org import demo

        if self.rows is not None and self.basis == _basis() and self._keys_free():
            # One transaction: foreign keys are checked at its end, whatever the order.
            with transaction.atomic():
                for model, instances, keep_keys in self.rows:
                    if not keep_keys:  # bulk_create gave them the last keys: new ones again
                        for instance in instances:
                            instance.pk = None
                    model._base_manager.bulk_create(instances)
            _move_key_sequences_past([model for model, _i, keep_keys in self.rows if keep_keys])
            return
        models = [m for m in apps.get_models(include_auto_created=True) if _integer_key(m)]
        before = {m: _last_key(m) for m in models}
        demo.load(2019, StringIO())
        rows = []
        for model in models:
            new = list(model._base_manager.filter(pk__gt=before[model]).order_by("pk"))
            if new:
                rows.append((model, new))
        referenced = {
            field.related_model
            for model, _new in rows
            for field in model._meta.concrete_fields
            if field.is_relation
        }
        # Rows nothing points at (audit entries) get new keys each time: a test may have
        # written such rows already under the captured keys.
        self.rows = [(model, new, model in referenced) for model, new in rows]
        self.basis = _basis()


def _keys_free_of(rows) -> bool:
    """No row of the test's database holds a key the kept rows would be inserted under."""
    return not any(
        model._base_manager.filter(pk__in=[i.pk for i in instances]).exists()
        for model, instances, keep_keys in rows
        if keep_keys
    )


def _move_key_sequences_past(models):
    """Rows inserted under their own keys leave PostgreSQL's key sequences where they were: after
    a flush (which restarts them at 1) the next row created would take a kept row's key."""
    from django.core.management.color import no_style
    from django.db import connection

    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _basis() -> tuple:
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    return (
        tuple(ContentType.objects.order_by("pk").values_list("pk", "app_label", "model")),
        tuple(Permission.objects.order_by("pk").values_list("pk", "codename")),
    )


def _integer_key(model) -> bool:
    from django.db import models as fields

    return isinstance(model._meta.pk, fields.AutoField | fields.BigAutoField)


def _last_key(model) -> int:
    return model._base_manager.order_by("-pk").values_list("pk", flat=True).first() or 0


_DISTRICT = _DistrictRows()


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
