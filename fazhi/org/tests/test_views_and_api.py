"""Every org route, as an insider and as an outsider: web pages and API alike."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

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
    return len(captured)


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
    assert APIClient().get("/api/v1/units/").status_code in (401, 403)
    token = Token.objects.create(user=User.objects.get(username="leader"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/v1/units/").json()["count"] == Unit.objects.count()


def test_api_user_list_needs_view_user_permission(district):
    assert api_as("liaison").get("/api/v1/users/").status_code == 403


def test_api_is_read_only_for_units(district):
    response = api_as("leader").post("/api/v1/units/", {"name": "x"}, format="json")
    assert response.status_code in (403, 405)


def test_openapi_schema_and_docs_are_served(district, login):
    client = login("leader")
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/units/" in schema.content
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert "swagger-ui" in docs.text
