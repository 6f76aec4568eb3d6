"""Every page a user can reach renders, and none loads anything from outside the intranet."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from fazhi.org.models import Unit, User

pytestmark = pytest.mark.django_db


class AssetCollector(HTMLParser):
    """Collects every URL a browser would fetch or follow from a page."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "action", "data-src", "poster", "srcset") and value:
                self.urls.append(value)


def external_urls(html: str, own_host: str = "testserver") -> list[str]:
    """URLs pointing at another host (absolute links back to the app's own host are fine)."""
    collector = AssetCollector()
    collector.feed(html)
    found = collector.urls + re.findall(r"url\(['\"]?([^)'\"]*)", html)
    own = re.compile(rf"^(https?:)?//{re.escape(own_host)}(:\d+)?(/|$)", re.I)
    return [u for u in found if re.match(r"^(https?:)?//", u.strip(), re.I) and not own.match(u)]


def test_the_detector_catches_an_external_script():
    page = '<script src="https://cdn.example.com/x.js"></script><a href="/ok/">x</a>'
    assert external_urls(page) == ["https://cdn.example.com/x.js"]
    assert external_urls('<link href="//fonts.example.com/css">') == ["//fonts.example.com/css"]
    assert external_urls("<div style=\"background:url('https://x.example/a.png')\">") == [
        "https://x.example/a.png"
    ]
    assert external_urls('<a href="http://testserver/api/v1/">api</a>') == []


def simple_get_routes():
    """Every named route without arguments, found by walking the URL configuration."""
    names = []

    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                walk(p.url_patterns, ns)
            elif isinstance(p, URLPattern) and p.name and p.pattern.regex.groups == 0:
                names.append(namespace + p.name)

    walk(get_resolver().url_patterns)
    return names


def pages_to_check():
    unit = Unit.objects.get(code="510704101")
    user = User.objects.get(username="xinqiao")
    urls = {
        reverse("home"),
        reverse("org:unit_list"),
        reverse("org:unit_detail", args=[unit.pk]),
        reverse("org:user_list"),
        reverse("org:user_detail", args=[user.pk]),
        reverse("password_change"),
        "/admin/",
        "/admin/org/unit/",
        f"/admin/org/unit/{unit.pk}/change/",
        "/admin/org/user/",
        "/admin/org/role/",
        "/api/v1/docs/",
        "/api/v1/",
        "/api/v1/timelimits/due-date/?start=2024-09-27&amount=5&unit=working_days",
        "/timelimits/calculator/?start=2024-08-02&amount=60&unit=calendar_days",
    }
    for name in simple_get_routes():
        if not name.startswith("admin:") and name not in (
            "login",
            "logout",
            "set_language",
            "due-date-list",  # needs its query: added above
        ):
            urls.add(reverse(name))
    return sorted(urls)


def test_no_page_references_an_external_asset(district, login):
    client = login("admin")
    checked = 0
    for url in pages_to_check():
        response = client.get(url, headers={"Accept": "text/html,*/*;q=0.8"})
        if response.status_code == 405:
            continue  # a form's POST-only target, not a page
        assert response.status_code == 200, url
        if "html" in response.get("Content-Type", ""):
            assert external_urls(response.content.decode()) == [], url
            checked += 1
    assert checked >= 12


def test_login_and_lockout_pages_load_nothing_external(district, client):
    response = client.get(reverse("login"))
    assert external_urls(response.text) == []


def test_every_page_is_served_in_chinese(district, login):
    response = login("leader").get(reverse("org:unit_list"))
    assert "单位管理" in response.text and "退出登录" in response.text
