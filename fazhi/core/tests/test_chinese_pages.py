"""No code, key or English word on a page in Chinese mode: every page the menu leads to, and the
first record and form each list leads to, rendered for every demo role. Indicator keys appear
only where a person writes references, labelled as such."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from fazhi.org.demo import demo_usernames
from fazhi.org.models import User

pytestmark = pytest.mark.django_db

# Words a Chinese office uses as they are.
ALLOWED = {"Excel", "Word", "PDF", "HTML", "API", "WPS", "OFD", "ZIP", "MB", "KB", "xlsx"}
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
