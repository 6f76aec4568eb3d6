"""Passwords at 等保 2.0 level 3: three of four character classes, none of the last five again,
a change every 90 days, and a change at first login after an administrator set the password."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from fazhi.org.models import Unit, User

pytestmark = pytest.mark.django_db
CHANGE = "/accounts/password/"


@pytest.mark.parametrize("password", ["zhangsan", "qzxwvplmk", "QWERTYUIOP", "73920185"])
def test_a_password_of_fewer_than_three_character_classes_is_refused_in_chinese(password):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as raised:
        validate_password(password)
    assert any("三种" in m or "只包含数字" in m for m in raised.value.messages)


@pytest.mark.parametrize("password", ["Tianfu-river", "huangshan#2019", "Mianyang2019"])
def test_three_classes_of_eight_characters_are_enough(password):
    validate_password(password)


def change(client, old, new):
    return client.post(CHANGE, {"old_password": old, "new_password1": new, "new_password2": new})


def test_none_of_the_last_five_passwords_may_come_back(district):
    user = district["xinqiao"]
    client = Client()
    client.force_login(user)
    passwords = ["Fazhi-2019", *[f"Fuling-river-{n}" for n in range(1, 6)]]
    for old, new in zip(passwords, passwords[1:], strict=False):
        assert change(client, old, new).status_code == 302
    # The current one and the four before it are remembered; the sixth back is allowed again.
    for reused in passwords[2:]:
        response = change(client, passwords[-1], reused)
        assert response.status_code == 200
        assert "最近 5 次" in response.content.decode()
    assert change(client, passwords[-1], passwords[0]).status_code == 302


def test_an_account_an_administrator_created_must_change_its_password_at_first_login(
    district, login
):
    admin = login("admin")
    response = admin.post(
        reverse("admin:org_user_add"),
        {
            "username": "newclerk",
            "full_name": "新职员",
            "unit": Unit.objects.get(code="510704101").pk,
            "password1": "Chosen-by-admin1",
            "password2": "Chosen-by-admin1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    clerk = Client()
    assert (
        clerk.post(
            "/accounts/login/", {"username": "newclerk", "password": "Chosen-by-admin1"}
        ).status_code
        == 302
    )
    home = clerk.get("/", follow=True)
    assert home.redirect_chain[-1][0] == CHANGE
    assert "管理员设置" in home.content.decode()
    assert clerk.get("/api/v1/indicators/").status_code == 403
    assert change(clerk, "Chosen-by-admin1", "My-own-choice2").status_code == 302
    assert clerk.get("/").status_code == 200
    newclerk = User.objects.get(username="newclerk")
    assert not newclerk.must_change_password
    changes = [e.changes_dict for e in LogEntry.objects.get_for_object(newclerk)]
    assert {"password": ["", "由本人修改"]} in changes  # the change itself is on the trail


def test_a_password_an_administrator_reset_must_be_changed_at_next_login(district, login):
    user = district["xinqiao"]
    response = login("admin").post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {"password1": "Reset-by-admin1", "password2": "Reset-by-admin1", "usable_password": "true"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user.refresh_from_db()
    assert user.must_change_password
    clerk = Client()
    clerk.force_login(user)
    assert clerk.get("/mediation/disputes/").url == CHANGE


def test_a_password_older_than_ninety_days_must_be_changed(district):
    user = district["xinqiao"]
    client = Client()
    client.force_login(user)
    assert client.get("/").status_code == 200  # the demo's users start afresh
    User.objects.filter(pk=user.pk).update(password_changed_at=timezone.now() - timedelta(days=91))
    page = client.get("/", follow=True)
    assert page.redirect_chain[-1][0] == CHANGE
    assert "90 天" in page.content.decode()
    assert client.get("/accounts/logout/").status_code in (200, 302)  # the way out stays open
