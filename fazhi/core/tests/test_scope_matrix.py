"""The data scope as a matrix, generated from the URL resolver so that a new route is covered
without anyone adding it: every route that names a record, for every demo user, with records
outside that user's scope (GET and POST) answers 403/404 (or a redirect) and never shows the
record; every list route, given filter parameters that point outside the scope, shows none of
the records outside it."""

import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from fazhi.core.records import all_kinds
from fazhi.org.demo import demo_users
from fazhi.org.models import Unit, User

pytestmark = pytest.mark.django_db

# Routes that name no record of a line of work: the login, the admin (its own checks, tested in
# org), static files, the API's schema and docs, the language switch.
SKIPPED = re.compile(
    r"^(admin/|accounts/|i18n/|static/|media/|api/v1/schema|api/v1/docs|healthz|favicon)"
)
REFUSED = {301, 302, 400, 403, 404, 405}
PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
FILTERS = ["unit", "committee", "township", "respondent", "defendant", "department", "submitter"]


@dataclass
class Route:
    pattern: str  # e.g. "mediation/disputes/<int:pk>/edit/"
    model: type | None  # the API viewset's model, when known

    @property
    def record_params(self) -> list[str]:
        return [m["name"] for m in PARAM.finditer(self.pattern) if m["converter"] == "int"]

    def path(self, value) -> str:
        def fill(match):
            return str(value) if match["converter"] == "int" else "x"

        return "/" + PARAM.sub(fill, self.pattern).replace("^", "").replace("$", "")


def routes() -> list[Route]:
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            text = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, text)
            elif isinstance(entry, URLPattern) and not SKIPPED.match(text):
                cls = getattr(entry.callback, "cls", None)
                queryset = getattr(cls, "queryset", None)
                found.append(Route(text, getattr(queryset, "model", None)))

    walk(get_resolver().url_patterns, "")
    # DRF's format-suffix duplicates (…\.(?P<format>[a-z0-9]+)/?$) add nothing.
    return [r for r in found if "format" not in r.pattern]


def _help_texts() -> str:
    """Every model field's help text: an example in one ("e.g. （2019）川0704行初12号") may read
    like a demo record and names none."""
    from django.apps import apps

    return "\n".join(
        str(field.help_text)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if getattr(field, "help_text", "")
    )


def outside(user) -> dict[type, list]:
    """For each record kind, up to three of its records `user` may not see."""
    result = {}
    for kind in all_kinds():
        visible = kind.records_for(user).values("pk")
        hidden = list(kind.model._default_manager.exclude(pk__in=visible).order_by("pk")[:3])
        if hidden:
            result[kind.model] = hidden
    return result


def distinctive(records, user, model) -> list[str]:
    """How hidden records read, where no record the user sees reads the same."""
    kind = next(k for k in all_kinds() if k.model is model)
    seen = {str(r) for r in kind.records_for(user)[:5000]}
    return [str(r) for r in records if len(str(r)) >= 4 and str(r) not in seen]


def kind_of(route: Route, hidden: dict) -> type | None:
    """The model a page route names: the one whose records' own address it extends."""
    if route.model is not None:
        return route.model
    for model, records in hidden.items():
        record = records[0]
        url = getattr(record, "get_absolute_url", None)
        if url is None:
            continue
        own = url()
        if route.path(record.pk).startswith(own):
            return model
    return None


def test_no_route_shows_a_record_outside_the_users_scope(demo):
    help_texts = _help_texts()
    all_routes = routes()
    assert len(all_routes) > 60  # the resolver really was walked
    tried = leaks = 0
    problems = []
    for demo_user in demo_users():
        user = User.objects.get(username=demo_user.username)
        hidden = outside(user)
        if not hidden:
            continue  # sees everything
        client = Client()
        client.force_login(user)
        # Words every page shows (the district's name in the header, "系统管理员" in a hint)
        # name no hidden record.
        chrome = _text(client.get("/")) + help_texts
        texts = {
            m: [t for t in distinctive(records, user, m) if t not in chrome]
            for m, records in hidden.items()
        }
        every_text = [t for ts in texts.values() for t in ts]
        for route in all_routes:
            if route.record_params:
                model = kind_of(route, hidden)
                candidates = (
                    [(model, r) for r in hidden.get(model, [])][:1]
                    if model
                    else [(m, rs[0]) for m, rs in hidden.items()]
                )
                for record_model, record in candidates:
                    url = route.path(record.pk)
                    for method in ("get", "post"):
                        response = getattr(client, method)(url)
                        tried += 1
                        status = response.status_code
                        if status in REFUSED or status == 204:
                            continue
                        body = _text(response)
                        shown = [t for t in texts.get(record_model, []) if t in body]
                        if model is not None or shown:
                            leaks += 1
                            problems.append(f"{user} {method.upper()} {url} → {status} {shown}")
            else:
                params = _outside_filters(user, hidden, every_text)
                response = client.get(route.path(0), params)
                tried += 1
                if response.status_code in REFUSED:
                    continue
                body = _text(response)
                # The searched text is echoed in the search box; every other hidden one counts.
                shown = [t for t in every_text if t in body and t != params.get("q")]
                if shown:
                    leaks += 1
                    problems.append(f"{user} GET {route.pattern} {params} → {shown[:3]}")
    print(f"scope matrix: {len(all_routes)} routes, {tried} requests, {leaks} leaks")
    assert not problems, "\n".join(problems[:30])


def _outside_filters(user, hidden, texts) -> dict:
    """Filter parameters that point outside the user's scope: another unit, hidden records."""
    other_unit = Unit.objects.exclude(pk__in=Unit.objects.visible_to(user).values("pk")).first()
    params = dict.fromkeys(FILTERS, other_unit.pk) if other_unit else {}
    if other_unit:
        params["unit"] = other_unit.code
    if texts:
        params["q"] = texts[0]
    return params


def _text(response) -> str:
    if getattr(response, "streaming", False):
        return ""  # a download: its rows come from the same scoped querysets as the list
    try:
        return response.content.decode("utf-8", "replace")
    except Exception:
        return ""
