"""System administration (Django admin) of units and users: tree-safe, audited, staff only."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

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


def test_the_admin_is_for_superusers_only_staff_manage_from_the_platforms_pages(
    township_admin, login
):
    """A staff user with a narrower role manages units and accounts from the platform's own
    pages (tests in test_unit_pages and test_accounts); Django's admin is the superusers'."""
    client = login("xinqiao")
    for page in ["/admin/", "/admin/org/unit/", "/admin/org/user/", "/admin/org/unit/add/"]:
        response = client.get(page)
        assert response.status_code == 302 and "/admin/login/" in response.url, page
    assert "/admin/" not in client.get("/").text  # no 系统管理 link in the menu
    assert login("admin").get("/admin/org/unit/").status_code == 200


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
    pages = ["/admin/org/role/", "/admin/auditlog/logentry/", "/admin/org/apitoken/"]
    pages += [f"/admin/axes/{page}/" for page in ["accessattempt", "accesslog", "accessfailurelog"]]
    for page in pages:
        assert client.get(page).status_code == 302, page  # to the admin's login
    assert login("admin").get("/admin/org/role/").status_code == 200
    assert login("admin").get("/admin/org/apitoken/").status_code == 200


def test_the_audit_trail_filters_by_user_record_kind_and_period_in_chinese(district, login):
    from django.contrib.contenttypes.models import ContentType

    client = login("admin")
    client.post(
        reverse("org:user_active", args=[User.objects.get(username="mediator").pk]), {"active": "0"}
    )
    admin_user = User.objects.get(username="admin")
    page = client.get("/admin/auditlog/logentry/")
    text = page.content.decode()
    assert "记录类型" in text and "content type" not in text.lower()
    assert "系统管理员（admin）" in text  # the users who made entries, by name
    kind = ContentType.objects.get_for_model(User)
    mine = client.get(
        "/admin/auditlog/logentry/",
        {"actor__id__exact": admin_user.pk, "content_type__id__exact": kind.pk},
    )
    assert mine.status_code == 200
    shown = mine.context["cl"].result_list
    assert shown and all(
        e.actor_id == admin_user.pk and e.content_type_id == kind.pk for e in shown
    )
    assert "ID：" not in mine.content.decode()
    clocks = client.get("/admin/auditlog/logentry/").content.decode()
    assert "object id" not in clocks and "content type：" not in clocks
