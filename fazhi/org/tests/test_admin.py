"""System administration (Django admin) of units and users: tree-safe, audited, staff only."""

import pytest
from auditlog.models import LogEntry

from fazhi.org.models import Role, Unit, User

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


UNIT_FORM = {"short_name": "", "area_code": "", "credit_code": "", "is_active": "on"}


def unit_form(unit, **changes):
    return {
        **UNIT_FORM,
        "code": unit.code,
        "kind": unit.kind,
        "name": unit.name,
        "parent": unit.parent_id or "",
        **changes,
    }


def test_moving_a_unit_under_its_own_subordinate_is_refused_with_a_message(district, login):
    xinqiao = Unit.objects.get(name="新桥镇")
    office = Unit.objects.get(name="新桥镇司法所")
    response = login("admin").post(
        f"/admin/org/unit/{xinqiao.pk}/change/", unit_form(xinqiao, parent=office.pk)
    )
    assert response.status_code == 200
    assert "不能把单位移到它自己或其下级单位之下" in response.text
    assert Unit.objects.get(pk=xinqiao.pk).parent == xinqiao.parent


def test_a_unit_as_its_own_parent_gets_the_same_message_not_a_constraint_name(district, login):
    xinqiao = Unit.objects.get(name="新桥镇")
    response = login("admin").post(
        f"/admin/org/unit/{xinqiao.pk}/change/", unit_form(xinqiao, parent=xinqiao.pk)
    )
    assert response.status_code == 200
    assert "不能把单位移到它自己或其下级单位之下" in response.text
    assert "unit_not_own_parent" not in response.text


@pytest.fixture
def township_admin(district):
    """xinqiao as a staff user whose role manages units and users of 新桥镇 only."""
    from django.contrib.auth.models import Permission

    role = Role.objects.create(
        code="township_admin", name="司法所管理员", data_scope=Role.DataScope.UNIT_AND_BELOW
    )
    role.permissions.set(
        Permission.objects.filter(
            codename__in=[
                "add_tokenproxy",
                "view_tokenproxy",
                "view_accesslog",
                "view_accessattempt",
                "view_accessfailurelog",
                "view_unit",
                "add_unit",
                "change_unit",
                "view_user",
                "add_user",
                "change_user",
            ],
        )
    )
    user = district["xinqiao"]
    user.is_staff = True
    user.save()
    user.roles.set([role])
    return user


def test_scoped_staff_cannot_place_units_outside_their_scope(township_admin, login):
    client = login("xinqiao")
    other = Unit.objects.get(name="小枧沟镇")
    form = {**UNIT_FORM, "code": "v1", "kind": "VILLAGE", "name": "某村", "parent": other.pk}
    response = client.post("/admin/org/unit/add/", form)
    assert response.status_code == 200 and not Unit.objects.filter(code="v1").exists()
    root = client.post("/admin/org/unit/add/", {**form, "parent": ""})
    assert root.status_code == 200 and not Unit.objects.filter(code="v1").exists()
    inside = client.post(
        "/admin/org/unit/add/", {**form, "parent": Unit.objects.get(name="新桥镇").pk}
    )
    assert inside.status_code == 302
    committee = Unit.objects.get(name="新桥镇人民调解委员会")
    client.post(f"/admin/org/unit/{committee.pk}/change/", unit_form(committee, parent=other.pk))
    assert Unit.objects.get(pk=committee.pk).parent.name == "新桥镇"
    assert client.get(f"/admin/org/unit/{other.pk}/change/").status_code == 302  # not found


def test_scoped_staff_cannot_raise_rights_or_move_users_out(township_admin, login):
    client = login("xinqiao")
    user = User.objects.get(username="xinqiao")
    page = client.get(f"/admin/org/user/{User.objects.get(username='mediator').pk}/change/")
    assert page.status_code == 200
    assert 'name="is_superuser"' not in page.text and 'name="roles"' not in page.text
    mediator = User.objects.get(username="mediator")
    form = {
        "username": "mediator",
        "full_name": "陈调解（改）",
        "phone": "",
        "email": "",
        "unit": mediator.unit_id,
        "is_active": "on",
        "is_superuser": "on",
        "is_staff": "on",
    }
    assert client.post(f"/admin/org/user/{mediator.pk}/change/", form).status_code == 302
    mediator.refresh_from_db()
    assert mediator.full_name == "陈调解（改）"  # the edit went through ...
    assert not mediator.is_superuser and not mediator.is_staff  # ... without the rights
    form["unit"] = Unit.objects.get(name="小枧沟司法所").pk
    client.post(f"/admin/org/user/{mediator.pk}/change/", form)
    mediator.refresh_from_db()
    assert mediator.unit.name == "新桥镇人民调解委员会"
    assert user.is_staff and not user.is_superuser


def test_scoped_staff_cannot_take_over_a_superuser_or_a_wider_account(township_admin, login):
    office = Unit.objects.get(name="新桥镇司法所")
    boss = User.objects.create(username="boss", unit=office, is_superuser=True, is_staff=True)
    wide = User.objects.create(username="wide", unit=office)
    wide.roles.set([Role.objects.get(code="leader")])  # all data
    client = login("xinqiao")
    for target in (boss, wide):
        reset = client.post(
            f"/admin/org/user/{target.pk}/password/",
            {"password1": "Taken-over-2019", "password2": "Taken-over-2019"},
        )
        assert reset.status_code == 403
        target.refresh_from_db()
        assert not target.check_password("Taken-over-2019")
        change = client.post(f"/admin/org/user/{target.pk}/change/", {"username": "x"})
        assert change.status_code == 403
    mediator = User.objects.get(username="mediator")
    reset = client.post(
        f"/admin/org/user/{mediator.pk}/password/",
        {"password1": "Mediator-new-2019", "password2": "Mediator-new-2019"},
    )
    assert reset.status_code == 302


def test_scoped_staff_can_edit_their_own_township_whose_parent_they_do_not_see(
    township_admin, login
):
    township = Unit.objects.get(name="新桥镇")
    response = login("xinqiao").post(
        f"/admin/org/unit/{township.pk}/change/", unit_form(township, short_name="新桥")
    )
    assert response.status_code == 302
    township.refresh_from_db()
    assert township.short_name == "新桥" and township.parent.name == "绵阳市游仙区"


def test_a_full_parent_is_refused_with_a_message_not_an_error_page(district, login):
    township = Unit.objects.get(name="新桥镇")
    Unit.objects.create(
        code="last",
        kind=Unit.Kind.VILLAGE,
        name="第9998村",
        parent=township,
        path=township.path + "9998",
        depth=township.depth + 1,
    )
    form = {**UNIT_FORM, "code": "v2", "kind": "VILLAGE", "name": "多余村", "parent": township.pk}
    response = login("admin").post("/admin/org/unit/add/", form)
    assert response.status_code == 200
    assert "最多只能有 9998 个下级单位" in response.text


def test_roles_and_the_audit_trail_are_for_superusers_only(township_admin, login):
    client = login("xinqiao")
    assert client.get("/admin/org/role/").status_code == 403
    assert client.get("/admin/auditlog/logentry/").status_code == 403
    assert client.get("/admin/org/apitoken/").status_code == 403
    for page in ["accessattempt", "accesslog", "accessfailurelog"]:
        assert client.get(f"/admin/axes/{page}/").status_code == 403
    assert login("admin").get("/admin/org/role/").status_code == 200
    assert login("admin").get("/admin/org/apitoken/").status_code == 200
