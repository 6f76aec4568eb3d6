"""Every org route, as an insider and as an outsider: web pages and API alike."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from fazhi.core.testing import page_statements
from fazhi.org import services
from fazhi.org.models import Role, Unit, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_township(district):
    return {
        "unit": Unit.objects.get(name="小枧沟镇"),
        "user": User.objects.get(username="xiaojiangou"),
    }


def test_township_user_list_of_users_leaves_out_other_townships(district, login, other_township):
    response = login("xinqiao").get(reverse("org:user_list"))
    assert response.status_code == 200
    assert "李新桥" in response.text and "陈调解" in response.text
    assert "张小枧" not in response.text and "xiaojiangou" not in response.text


def test_township_user_cannot_open_another_townships_user(district, login, other_township):
    url = reverse("org:user_detail", args=[other_township["user"].pk])
    assert login("xinqiao").get(url).status_code == 404


def test_township_user_cannot_open_another_townships_unit(district, login, other_township):
    url = reverse("org:unit_detail", args=[other_township["unit"].pk])
    assert login("xinqiao").get(url).status_code == 404


def test_township_user_list_of_units_leaves_out_other_townships(district, login):
    response = login("xinqiao").get(reverse("org:unit_list"))
    assert response.status_code == 200
    assert "新桥镇司法所" in response.text
    assert "小枧沟" not in response.text


def test_insider_opens_own_townships_user_and_unit(district, login):
    client = login("xinqiao")
    mediator = User.objects.get(username="mediator")
    assert client.get(reverse("org:user_detail", args=[mediator.pk])).status_code == 200
    response = client.get(reverse("org:unit_detail", args=[mediator.unit_id]))
    assert response.status_code == 200
    assert "陈调解" in response.text


def test_user_list_filters_by_search(district, login):
    response = login("leader").get(reverse("org:user_list"), {"q": "小枧"})
    assert "张小枧" in response.text and "李新桥" not in response.text


def test_htmx_request_gets_only_the_rows(district, login):
    response = login("leader").get(
        reverse("org:unit_list"), {"kind": "TOWNSHIP"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in response.text
    assert "新桥镇" in response.text and "区市场监督管理局" not in response.text


def test_htmx_history_restore_gets_the_whole_page(district, login):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    response = login("leader").get(reverse("org:unit_list"), headers=headers)
    assert "<html" in response.text
    assert "HX-Request" in response["Vary"]


def test_user_list_needs_the_view_user_permission(district, login):
    # The liaison's role carries no org.view_user: the page is refused and not in the menu.
    client = login("liaison")
    assert client.get(reverse("org:user_list")).status_code == 403
    home = client.get(reverse("home"))
    assert reverse("org:user_list") not in home.text
    assert reverse("org:unit_list") in home.text


def test_anonymous_visitor_is_sent_to_login(db):
    for url in [reverse("home"), reverse("org:unit_list"), reverse("org:user_list")]:
        response = Client_get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def Client_get(url):
    from django.test import Client

    return Client().get(url)


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(page_statements(captured))


def test_list_query_count_does_not_grow_with_rows(district, login):
    client = login("leader")
    urls = [reverse("org:unit_list"), reverse("org:user_list")]
    before = [_queries(client, url) for url in urls]
    township = Unit.objects.get(name="魏城镇")
    for i in range(10):
        unit = services.unit_create(
            parent=township, code=f"v{i}", kind=Unit.Kind.VILLAGE, name=f"村{i}"
        )
        User.objects.create(username=f"u{i}", unit=unit).roles.set(Role.objects.all()[:2])
    assert [_queries(client, url) for url in urls] == before
    assert max(before) <= 15


# --- API -----------------------------------------------------------------------------------


def api_as(username):
    client = APIClient()
    client.force_authenticate(User.objects.get(username=username))
    return client


def test_api_lists_are_scoped_and_paginated(district):
    body = api_as("xinqiao").get("/api/v1/units/").json()
    assert body["count"] == 3
    assert {u["name"] for u in body["results"]} == {
        "新桥镇",
        "新桥镇司法所",
        "新桥镇人民调解委员会",
    }
    users = api_as("xinqiao").get("/api/v1/users/").json()
    assert {u["username"] for u in users["results"]} == {"xinqiao", "mediator"}


def test_api_page_size_parameter(district):
    body = api_as("leader").get("/api/v1/units/", {"page_size": 5}).json()
    assert body["count"] == Unit.objects.count()
    assert len(body["results"]) == 5
    assert body["next"]


def test_api_detail_answers_404_to_an_outsider(district, other_township):
    client = api_as("xinqiao")
    assert client.get(f"/api/v1/units/{other_township['unit'].pk}/").status_code == 404
    assert client.get(f"/api/v1/users/{other_township['user'].pk}/").status_code == 404
    assert api_as("leader").get(f"/api/v1/users/{other_township['user'].pk}/").status_code == 200


def test_api_refuses_anonymous_and_accepts_a_token(district):
    anonymous = APIClient().get("/api/v1/units/")
    assert anonymous.status_code == 401 and anonymous["WWW-Authenticate"] == "Token"
    _token, key = AuthToken.objects.create(user=User.objects.get(username="leader"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/units/").json()["count"] == Unit.objects.count()


def test_api_user_list_needs_view_user_permission(district):
    assert api_as("liaison").get("/api/v1/users/").status_code == 403


def test_api_is_read_only_for_units_and_users(district):
    # Even a superuser cannot write: units and users are managed in 系统管理.
    for url in ["/api/v1/units/", "/api/v1/users/"]:
        assert api_as("admin").post(url, {"name": "x"}, format="json").status_code == 405


def test_openapi_schema_and_docs_are_served(district, login):
    client = login("leader")
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/units/" in schema.content
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert "swagger-ui" in docs.text


def test_browsable_api_filter_form_offers_only_visible_units(district):
    for url in ["/api/v1/units/", "/api/v1/users/"]:
        response = api_as("xinqiao").get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200
        html = response.content.decode()
        assert "新桥镇司法所" in html
        assert "小枧沟" not in html and "区市场监督管理局" not in html, url


def test_filter_parameter_does_not_reveal_whether_another_unit_exists(district, other_township):
    client = api_as("xinqiao")
    hidden = client.get("/api/v1/units/", {"parent": other_township["unit"].pk})
    missing = client.get("/api/v1/units/", {"parent": 999999})
    assert hidden.status_code == missing.status_code == 400
    assert (
        api_as("xiaojiangou")
        .get("/api/v1/units/", {"parent": other_township["unit"].pk})
        .json()["count"]
        == 1
    )


def test_api_schema_and_docs_need_a_login(db):
    assert APIClient().get("/api/v1/schema/").status_code in (401, 403)
    assert APIClient().get("/api/v1/docs/").status_code in (401, 403)


def test_liaison_sees_own_department_and_nothing_of_the_townships(district, login):
    client = login("liaison")
    own = Unit.objects.get(name="区市场监督管理局")
    assert client.get(reverse("org:unit_detail", args=[own.pk])).status_code == 200
    township = Unit.objects.get(name="新桥镇")
    assert client.get(reverse("org:unit_detail", args=[township.pk])).status_code == 404


def test_mediator_sees_own_committee_without_its_users(district, login):
    client = login("mediator")
    committee = Unit.objects.get(name="新桥镇人民调解委员会")
    url = reverse("org:unit_detail", args=[committee.pk])
    response = client.get(url)
    assert response.status_code == 200
    # The mediator role carries no org.view_user: the unit page lists no users.
    assert 'fz-muted small" translate="no">mediator<' not in response.text
    office = Unit.objects.get(name="新桥镇司法所")
    assert client.get(reverse("org:unit_detail", args=[office.pk])).status_code == 404
    assert client.get(reverse("org:user_list")).status_code == 403
    assert 'fz-muted small" translate="no">mediator<' in login("leader").get(url).text


def test_logout_by_typed_url_asks_first_and_post_logs_out(district, login):
    client = login("leader")
    response = client.get("/accounts/logout/")
    assert response.status_code == 200 and "确定要退出登录吗" in response.text
    assert client.get(reverse("home")).status_code == 200
    client.post("/accounts/logout/")
    assert client.get(reverse("home")).status_code == 302


def test_favicon_is_served_from_our_own_static_files(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("fazhi/favicon.svg")
