"""The data scope as a matrix, generated from the URL resolver so that a new route is covered
without anyone adding it: every route that names a record, for every demo user, with records
outside that user's scope (GET and POST) answers 403/404 (or a redirect) and never shows the
record; every list route, given filter parameters that point outside the scope, shows none of
the records outside it. The same demo district serves the check that every page a role reaches
reads in Chinese (below)."""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from fazhi.core.records import all_kinds
from fazhi.org.demo import demo_usernames, demo_users
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
        answered = {}  # (method, address) → (status, page text)
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
                        # Records of several kinds share a key (1, 2 …): one request per
                        # address, its page checked for each kind's texts.
                        if (method, url) not in answered:
                            response = getattr(client, method)(url)
                            tried += 1
                            status = response.status_code
                            body = "" if status in REFUSED or status == 204 else _text(response)
                            answered[method, url] = (status, body)
                        status, body = answered[method, url]
                        if status in REFUSED or status == 204:
                            continue
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


# --- no code, key or English word on a page (the same demo district) -----------------------
# No code, key or English word on a page in Chinese mode: every page the menu leads to, and the
# first record and form each list leads to, rendered for every demo role. Indicator keys appear
# only where a person writes references, labelled as such.


# Words a Chinese office uses as they are.
ALLOWED = {
    "Excel",
    "Word",
    "PDF",
    "HTML",
    "API",
    "WPS",
    "OFD",
    "ZIP",
    "MB",
    "KB",
    "xlsx",
    "GB",
}  # GB: 国标
ENGLISH = re.compile(r"[A-Za-z]{2,}")
KEY = re.compile(r"\b[a-z_]+\.[a-z_]+\b")  # mediation.disputes, legality.normative_document
SKIPPED_LINKS = re.compile(r"^/(admin|api|static|media|i18n)/|export=|\.xlsx|\.docx|/download")


class _VisibleText(HTMLParser):
    """The text a reader sees: text nodes outside scripts and styles, and the words of
    placeholders, titles and labels."""

    HIDDEN = {"script", "style", "template"}
    VOID = {"input", "img", "br", "hr", "meta", "link"}

    def __init__(self):
        super().__init__()
        self.parts, self.links, self._hidden, self._stack = [], [], 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # Not read: scripts, and what is marked as not Chinese on purpose — a language's own
        # name on the language switch (lang="en"), a reference key where a person writes
        # references (translate="no", beside its label).
        if (
            tag in self.HIDDEN
            or attrs.get("lang", "zh")[:2] != "zh"
            or attrs.get("translate") == "no"
        ):
            self._hidden += 1
            self._stack.append(tag)
        for name in ("placeholder", "title", "aria-label", "alt"):
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "a" and attrs.get("href", "").startswith("/"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if self._stack and tag == self._stack[-1]:
            self._stack.pop()
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.parts.append(data.strip())


def _read(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="zh-hans")
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return None
    parser = _VisibleText()
    parser.feed(response.content.decode())
    return parser


def _problems(text: str) -> list[str]:
    words = {w for w in ENGLISH.findall(text) if w not in ALLOWED}
    return sorted(words | set(KEY.findall(text)))


def _pages_of(client) -> dict[str, list[str]]:
    """path → what is wrong on it, for the menu's pages and the first record each leads to."""
    home = _read(client, "/")
    found, queue, seen = {}, list(home.links), set()
    menu = set(queue)
    while queue:
        path = queue.pop(0)
        base = path.split("?")[0]
        if base in seen or SKIPPED_LINKS.search(path):
            continue
        seen.add(base)
        page = _read(client, path)
        if page is None:
            continue
        problems = _problems(" ".join(page.parts))
        if problems:
            found[path] = problems
        if path in menu:  # one record and one form behind each menu page
            records = [link for link in page.links if re.search(r"/\d+/$", link)]
            forms = [link for link in page.links if link.endswith("/new/")]
            queue += records[:1] + forms[:1]
    return found


@pytest.mark.parametrize("username", sorted(demo_usernames()))
def test_no_page_a_role_reaches_shows_an_english_word_or_a_key(demo, username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    assert _pages_of(client) == {}
