"""The unit tree: creation, moves, validation of codes."""

import pytest
from django.core.exceptions import ValidationError

from fazhi.org import services
from fazhi.org.models import Unit

pytestmark = pytest.mark.django_db


def test_children_get_consecutive_paths_under_their_parent(district):
    township = Unit.objects.get(name="新桥镇")
    village = services.unit_create(
        parent=township, code="510704101-v01", kind=Unit.Kind.VILLAGE, name="新桥村"
    )
    assert village.path.startswith(township.path)
    assert village.depth == township.depth + 1
    assert list(village.ancestors().values_list("name", flat=True)) == ["绵阳市游仙区", "新桥镇"]


def test_moving_a_unit_moves_its_whole_subtree(district):
    office = Unit.objects.get(name="新桥镇司法所")
    committee = Unit.objects.get(name="新桥镇人民调解委员会")
    weicheng = Unit.objects.get(name="魏城镇")
    xinqiao = Unit.objects.get(name="新桥镇")
    services.unit_update(unit=xinqiao, parent=weicheng)
    office.refresh_from_db()
    committee.refresh_from_db()
    xinqiao.refresh_from_db()
    low, high = weicheng.subtree_bounds()
    assert all(low <= u.path < high for u in (xinqiao, office, committee))
    assert office.depth == xinqiao.depth + 1 == weicheng.depth + 2


def test_a_unit_cannot_move_under_its_own_subtree(district):
    xinqiao = Unit.objects.get(name="新桥镇")
    office = Unit.objects.get(name="新桥镇司法所")
    with pytest.raises(ValidationError) as raised:
        services.unit_update(unit=xinqiao, parent=office)
    assert "不能把单位移到它自己或其下级单位之下" in str(raised.value)


def test_credit_code_with_a_wrong_check_character_is_refused(district):
    with pytest.raises(ValidationError) as raised:
        services.unit_create(
            parent=None,
            code="x1",
            kind=Unit.Kind.LAW_FIRM,
            name="某律师事务所",
            credit_code="91510700MA6X0QWE12",
        )
    assert "credit_code" in raised.value.message_dict


def test_valid_credit_code_is_accepted(district):
    from fazhi.core.validators import credit_code_check_char

    code = "31510000MD0123456"
    unit = services.unit_create(
        parent=None,
        code="x2",
        kind=Unit.Kind.LAW_FIRM,
        name="某律师事务所",
        credit_code=code + credit_code_check_char(code),
    )
    assert unit.pk
