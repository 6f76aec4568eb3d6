"""Units from the platform's own pages: created in the right place of the tree, moved only
where the tree allows, placed only within the manager's scope."""

import pytest
from django.urls import reverse

from fazhi.org.demo import grant
from fazhi.org.models import Role, Unit

pytestmark = pytest.mark.django_db


def _fields(unit, **changes):
    return {
        "name": unit.name,
        "short_name": unit.short_name,
        "code": unit.code,
        "kind": unit.kind,
        "parent": unit.parent_id or "",
        "area_code": unit.area_code,
        "credit_code": unit.credit_code,
        "is_active": "on" if unit.is_active else "",
        **changes,
    }


def test_a_unit_is_created_under_its_parent(district, login):
    xinqiao = Unit.objects.get(name="新桥镇")
    response = login("admin").post(
        reverse("org:unit_create"),
        {"name": "新桥镇金龙村", "code": "510704101-jl", "kind": "VILLAGE", "parent": xinqiao.pk},
    )
    village = Unit.objects.get(code="510704101-jl")
    assert response.status_code == 302 and response.url == village.get_absolute_url()
    assert village.parent == xinqiao and village.path.startswith(xinqiao.path)
    assert village.depth == xinqiao.depth + 1


def test_a_move_under_its_own_subordinate_is_refused_with_a_message(district, login):
    xinqiao = Unit.objects.get(name="新桥镇")
    office = Unit.objects.get(name="新桥镇司法所")
    response = login("admin").post(
        reverse("org:unit_edit", args=[xinqiao.pk]), _fields(xinqiao, parent=office.pk)
    )
    assert response.status_code == 200
    assert "不能把单位移到它自己或其下级单位之下" in response.text
    assert Unit.objects.get(pk=xinqiao.pk).parent == xinqiao.parent


@pytest.fixture
def township_manager(district):
    grant(Role.objects.get(code="township_staff"), ["org.add_unit", "org.change_unit"])


def test_a_township_places_units_only_inside_its_scope_and_edits_its_own_township(
    township_manager, login
):
    client = login("xinqiao")
    other = Unit.objects.get(name="小枧沟镇")
    refused = client.post(
        reverse("org:unit_create"),
        {"name": "外镇村", "code": "510704102-x", "kind": "VILLAGE", "parent": other.pk},
    )
    assert refused.status_code == 200 and not Unit.objects.filter(code="510704102-x").exists()
    no_parent = client.post(
        reverse("org:unit_create"), {"name": "无上级", "code": "x-root", "kind": "VILLAGE"}
    )
    assert no_parent.status_code == 200 and not Unit.objects.filter(code="x-root").exists()
    xinqiao = Unit.objects.get(name="新桥镇")  # its parent, the district, lies outside the scope
    saved = client.post(
        reverse("org:unit_edit", args=[xinqiao.pk]), _fields(xinqiao, short_name="新桥")
    )
    assert saved.status_code == 302
    xinqiao.refresh_from_db()
    assert xinqiao.short_name == "新桥" and xinqiao.parent.code == "510704"
    assert client.get(reverse("org:unit_edit", args=[other.pk])).status_code == 404
    committee = Unit.objects.get(name="新桥镇人民调解委员会")
    moved = client.post(
        reverse("org:unit_edit", args=[committee.pk]), _fields(committee, parent=other.pk)
    )
    assert moved.status_code == 200
    assert Unit.objects.get(pk=committee.pk).parent.name == "新桥镇"
