"""Accounts managed from the platform's own pages: one step to create a user with unit, roles and
a first password (replaced at the first login); reset, disable and enable, unlock — each only for
an account the manager may manage, each on the audit trail."""

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fazhi.org.demo import grant
from fazhi.org.models import Role, Unit, User

pytestmark = pytest.mark.django_db
FIRST = "Chosen-by-admin1"


def _create(client, **changes):
    data = {
        "username": "newclerk",
        "full_name": "新职员",
        "unit": Unit.objects.get(code="510704101").pk,
        "roles": [Role.objects.get(code="township_staff").pk],
        "password1": FIRST,
        "password2": FIRST,
        **changes,
    }
    return client.post(reverse("org:user_create"), data)


def test_an_administrator_creates_an_account_in_one_step_and_the_user_replaces_the_password(
    district, login
):
    response = _create(login("admin"))
    clerk = User.objects.get(username="newclerk")
    assert response.status_code == 302 and response.url == clerk.get_absolute_url()
    assert clerk.unit.code == "510704101" and [r.code for r in clerk.roles.all()] == [
        "township_staff"
    ]
    assert clerk.must_change_password
    assert LogEntry.objects.get_for_object(clerk).filter(action=LogEntry.Action.CREATE).exists()
    first_login = Client()
    assert (
        first_login.post(
            "/accounts/login/", {"username": "newclerk", "password": FIRST}
        ).status_code
        == 302
    )
    assert first_login.get("/", follow=True).redirect_chain[-1][0] == "/accounts/password/"


def test_a_weak_password_or_a_taken_name_is_refused_in_chinese(district, login):
    client = login("admin")
    weak = _create(client, password1="12345678", password2="12345678")
    assert weak.status_code == 200 and "密码" in weak.text
    taken = _create(client, username="xinqiao")
    assert "该用户名已被使用" in taken.text
    assert not User.objects.filter(username="newclerk").exists()


@pytest.fixture
def township_manager(district):
    """The township justice office's staff, allowed to manage the accounts of its township."""
    grant(
        Role.objects.get(code="township_staff"),
        ["org.add_user", "org.change_user", "org.view_role"],
    )
    return User.objects.get(username="xinqiao")


def test_a_manager_gives_only_roles_within_their_own_rights_and_scope(township_manager, login):
    client = login("xinqiao")
    offered = {
        r.code
        for r in client.get(reverse("org:user_create")).context["form"].fields["roles"].queryset
    }
    assert "township_staff" in offered and "mediator" in offered
    assert not offered & {"sysadmin", "leader", "section_staff", "observer"}
    refused = _create(client, roles=[Role.objects.get(code="leader").pk])
    assert refused.status_code == 200 and not User.objects.filter(username="newclerk").exists()
    outside = _create(client, unit=Unit.objects.get(code="510704102").pk)  # 小枧沟镇
    assert outside.status_code == 200 and not User.objects.filter(username="newclerk").exists()


def test_reset_disable_enable_and_unlock(township_manager, login):
    mediator = User.objects.get(username="mediator")
    AccessAttempt.objects.create(
        username="mediator",
        ip_address="10.0.0.9",
        failures_since_start=5,
        attempt_time=timezone.now(),
        user_agent="x",
        get_data="",
        post_data="",
        http_accept="",
        path_info="/accounts/login/",
    )
    client = login("xinqiao")
    page = client.get(mediator.get_absolute_url()).text
    assert "解除登录锁定" in page and "停用账号" in page

    client.post(
        reverse("org:user_password", args=[mediator.pk]),
        {"password1": "New-Secret-22", "password2": "New-Secret-22"},
    )
    mediator.refresh_from_db()
    assert mediator.check_password("New-Secret-22") and mediator.must_change_password

    client.post(reverse("org:user_unlock", args=[mediator.pk]))
    assert not AccessAttempt.objects.filter(username="mediator").exists()

    client.post(reverse("org:user_active", args=[mediator.pk]), {"active": "0"})
    mediator.refresh_from_db()
    assert not mediator.is_active
    assert (
        Client()
        .post("/accounts/login/", {"username": "mediator", "password": "New-Secret-22"})
        .status_code
        == 200
    )
    client.post(reverse("org:user_active", args=[mediator.pk]), {"active": "1"})
    mediator.refresh_from_db()
    assert mediator.is_active
    assert LogEntry.objects.get_for_object(mediator).count() >= 3  # reset, disabled, enabled


def test_no_one_manages_an_account_outside_their_reach(township_manager, login):
    client = login("xinqiao")
    other = User.objects.get(username="xiaojiangou")  # another township
    assert (
        client.post(reverse("org:user_active", args=[other.pk]), {"active": "0"}).status_code == 404
    )
    boss = User.objects.create(
        username="boss", unit=Unit.objects.get(name="新桥镇司法所"), is_superuser=True
    )
    assert client.get(reverse("org:user_password", args=[boss.pk])).status_code == 403
    leader = User.objects.get(username="leader")  # an all-data account: more than he sees
    assert client.post(
        reverse("org:user_active", args=[leader.pk]), {"active": "0"}
    ).status_code in (403, 404)
    assert client.get(reverse("org:user_password", args=[leader.pk])).status_code in (403, 404)
    other.refresh_from_db(), leader.refresh_from_db()
    assert other.is_active and leader.is_active
    assert login("liaison").get(reverse("org:user_create")).status_code == 403
