"""Audit: every change of a unit, role or user keeps who, when and what changed."""

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.urls import reverse

from fazhi.org import services
from fazhi.org.models import Unit, User

pytestmark = pytest.mark.django_db


def test_an_edit_keeps_who_when_and_the_changed_fields(district):
    unit = Unit.objects.get(code="510704101")
    admin = district["admin"]
    with set_actor(admin):
        services.unit_update(unit=unit, short_name="新桥")
    entry = LogEntry.objects.get_for_object(unit).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == admin
    assert entry.timestamp is not None
    assert entry.changes_dict["short_name"] == ["", "新桥"]


def test_an_edit_through_the_admin_is_recorded_with_its_author(district, login):
    unit = Unit.objects.get(code="510704101")
    client = login("admin")
    url = f"/admin/org/unit/{unit.pk}/change/"
    form = {
        "code": unit.code,
        "kind": unit.kind,
        "name": "新桥镇人民政府",
        "short_name": "",
        "parent": unit.parent_id,
        "area_code": "",
        "credit_code": "",
        "is_active": "on",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LogEntry.objects.get_for_object(unit).latest("timestamp")
    assert entry.actor == district["admin"]
    assert entry.changes_dict["name"] == ["新桥镇", "新桥镇人民政府"]


def test_the_units_page_shows_its_history(district, login):
    unit = Unit.objects.get(code="510704101")
    with set_actor(district["admin"]):
        services.unit_update(unit=unit, short_name="新桥")
    response = login("leader").get(reverse("org:unit_detail", args=[unit.pk]))
    assert "变更记录" in response.text
    assert "系统管理员" in response.text and "新桥" in response.text


def test_role_changes_of_a_user_are_recorded_and_passwords_are_not(district):
    user = User.objects.get(username="liaison")
    user.set_password("another-secret-1")
    user.save()
    entry = LogEntry.objects.get_for_object(user).latest("timestamp")
    assert "password" not in entry.changes_dict


def test_the_audit_trail_is_read_only_in_the_admin(district, login):
    entry = LogEntry.objects.first()
    client = login("admin")
    assert client.get("/admin/auditlog/logentry/").status_code == 200
    assert client.get("/admin/auditlog/logentry/add/").status_code == 403
    response = client.post(f"/admin/auditlog/logentry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_history_does_not_name_units_outside_the_viewers_scope(district, login):
    mediator = User.objects.get(username="mediator")
    home, away = mediator.unit, Unit.objects.get(name="小枧沟司法所")
    with set_actor(district["admin"]):
        for unit in (away, home):
            mediator.unit = unit
            mediator.save()
    xinqiao_view = login("xinqiao").get(reverse("org:user_detail", args=[mediator.pk]))
    assert "小枧沟" not in xinqiao_view.text
    assert "不在您数据权限范围内的记录" in xinqiao_view.text
    leader_view = login("leader").get(reverse("org:user_detail", args=[mediator.pk]))
    assert "小枧沟司法所" in leader_view.text


def test_history_of_a_new_record_lists_only_what_a_person_entered(district, login):
    unit = services.unit_create(
        parent=Unit.objects.get(name="新桥镇"), code="v9", kind=Unit.Kind.VILLAGE, name="新桥村"
    )
    response = login("leader").get(reverse("org:unit_detail", args=[unit.pk]))
    history = response.text[response.text.index('data-testid="history"') :]
    assert (
        "名称：新桥村" in history
        and "类型：村（社区）" in history
        and "上级单位：新桥镇" in history
    )
    for noise in ["None", "树路径", "org.Unit", "ID："]:
        assert noise not in history


def test_role_changes_read_as_added_roles(district, login):
    response = login("leader").get(reverse("org:user_detail", args=[district["xinqiao"].pk]))
    assert "角色：添加 司法所工作人员" in response.text
    assert "type →" not in response.text


def test_the_audit_trail_page_reads_in_chinese(district, login):
    unit = Unit.objects.get(code="510704101")
    with set_actor(district["admin"]):
        services.unit_update(unit=unit, short_name="新桥")
    response = login("admin").get("/admin/auditlog/logentry/")
    assert "简称：— → 新桥" in response.text


def test_history_does_not_name_an_author_outside_the_viewers_scope(district, login):
    committee = Unit.objects.get(name="新桥镇人民调解委员会")
    with set_actor(district["xiaojiangou"]):
        services.unit_update(unit=committee, short_name="新桥调委会")
    response = login("xinqiao").get(reverse("org:unit_detail", args=[committee.pk]))
    assert "张小枧" not in response.text
    assert "不在您数据权限范围内的用户" in response.text
    assert "张小枧" in login("leader").get(reverse("org:unit_detail", args=[committee.pk])).text
