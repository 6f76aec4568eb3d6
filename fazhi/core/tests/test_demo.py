"""`fazhi demo --year 2019`: the demo district, idempotent, and careful with real data."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from fazhi.org.models import Unit, User

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def test_demo_creates_the_district_and_is_idempotent():
    call_command("demo", "--year", "2019")
    counts = (Unit.objects.count(), User.objects.count())
    call_command("demo", "--year", "2019")
    assert (Unit.objects.count(), User.objects.count()) == counts
    district = Unit.objects.get(code="510704")
    assert district.area_code == "510704" and district.name == "绵阳市游仙区"
    townships = Unit.objects.filter(kind=Unit.Kind.TOWNSHIP)
    assert {"新桥镇", "小枧沟镇"} <= set(townships.values_list("name", flat=True))
    assert all(t.children.filter(kind=Unit.Kind.JUSTICE_OFFICE).exists() for t in townships)
    assert 18 <= Unit.objects.filter(kind=Unit.Kind.DEPARTMENT).count() <= 25
    names = list(Unit.objects.values_list("name", flat=True))
    assert len(names) == len(set(names))  # no two committees (or units) of one name


def test_every_demo_user_can_log_in_with_the_demo_password(district):
    from fazhi.org.demo import demo_usernames

    assert set(district) == demo_usernames()  # the users the demo creates, and no others
    for username in sorted(demo_usernames()):
        client = Client()
        response = client.post("/accounts/login/", {"username": username, "password": "Fazhi-2019"})
        assert response.status_code == 302, username


def test_demo_refuses_a_database_holding_other_data():
    call_command("demo", "--year", "2019")
    User.objects.create(username="real-clerk")
    with pytest.raises(CommandError, match="非演示数据"):
        call_command("demo", "--year", "2019")
    call_command("demo", "--year", "2019", "--force")


def test_if_empty_leaves_a_filled_database_alone():
    Unit.objects.create(code="x", kind=Unit.Kind.DISTRICT, name="某区", path="0001")
    call_command("demo", "--year", "2019", "--if-empty")
    assert Unit.objects.count() == 1


def test_demo_knows_only_2019():
    with pytest.raises(CommandError, match="2019"):
        call_command("demo", "--year", "2020")
