"""System administration (Django admin) of units and users: tree-safe, audited, staff only."""

import pytest
from auditlog.models import LogEntry

from fazhi.org.models import Unit, User

pytestmark = pytest.mark.django_db


def test_admin_creates_a_unit_in_the_right_place_of_the_tree(district, login):
    township = Unit.objects.get(name="新桥镇")
    response = login("admin").post(
        "/admin/org/unit/add/",
        {
            "code": "510704101-v01",
            "kind": "VILLAGE",
            "name": "新桥村",
            "short_name": "",
            "parent": township.pk,
            "area_code": "",
            "credit_code": "",
            "sort_order": 0,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    village = Unit.objects.get(code="510704101-v01")
    low, high = township.subtree_bounds()
    assert low < village.path < high and village.depth == township.depth + 1
    entry = LogEntry.objects.get_for_object(village).get()
    assert entry.action == LogEntry.Action.CREATE and entry.actor.username == "admin"


def test_admin_refuses_a_wrong_credit_code_in_chinese(district, login):
    unit = Unit.objects.get(name="区市场监督管理局")
    response = login("admin").post(
        f"/admin/org/unit/{unit.pk}/change/",
        {
            "code": unit.code,
            "kind": unit.kind,
            "name": unit.name,
            "short_name": unit.short_name,
            "parent": unit.parent_id,
            "area_code": "",
            "credit_code": "11510704MB0000000X",
            "sort_order": 0,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "统一社会信用代码" in response.text and "错误" in response.text


def test_admin_creates_a_user_in_a_unit_and_refuses_a_weak_password(district, login):
    client = login("admin")
    unit = Unit.objects.get(name="魏城镇司法所")
    form = {
        "username": "weicheng",
        "full_name": "刘魏城",
        "unit": unit.pk,
        "usable_password": "true",
    }
    weak = client.post(
        "/admin/org/user/add/", {**form, "password1": "12345678", "password2": "12345678"}
    )
    assert weak.status_code == 200
    assert "只包含数字" in weak.text
    assert not User.objects.filter(username="weicheng").exists()
    strong = {**form, "password1": "Fz-sfs-8812-qa", "password2": "Fz-sfs-8812-qa"}
    response = client.post("/admin/org/user/add/", strong)
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="weicheng")
    assert user.unit == unit and user.full_name == "刘魏城"


def test_non_staff_users_cannot_enter_the_admin(district, login):
    for username in ["leader", "xinqiao", "liaison"]:
        response = login(username).get("/admin/org/user/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
