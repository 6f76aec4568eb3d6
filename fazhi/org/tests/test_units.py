"""The unit tree: creation, moves, validation of codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection

from fazhi.org import services
from fazhi.org.models import PATH_STEP, Unit
from fazhi.org.tests.race import new_unit_moved_along, race_create_and_move

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


def assert_tree_is_consistent():
    """Every unit's path is its parent's path plus one 4-digit step, and depth matches."""
    for unit in Unit.objects.select_related("parent"):
        head = unit.parent.path if unit.parent else ""
        assert unit.path[: len(head)] == head and len(unit.path) == len(head) + PATH_STEP, unit
        assert unit.depth == len(unit.path) // PATH_STEP - 1, unit


def test_the_demo_tree_is_consistent(district):
    assert_tree_is_consistent()


def test_a_unit_takes_at_most_9998_subordinates_and_the_last_keeps_its_subtree(district):
    township = Unit.objects.get(name="新桥镇")
    last = Unit.objects.create(
        code="last",
        kind=Unit.Kind.VILLAGE,
        name="第9998村",
        parent=township,
        path=township.path + "9998",
        depth=township.depth + 1,
    )
    child = services.unit_create(parent=last, code="c", kind=Unit.Kind.OTHER, name="村小组")
    low, high = last.subtree_bounds()
    assert len(high) == len(low) and low < child.path < high
    assert set(Unit.objects.filter(path__gte=low, path__lt=high)) == {last, child}
    with pytest.raises(ValidationError) as raised:
        services.unit_create(parent=township, code="x", kind=Unit.Kind.VILLAGE, name="多余村")
    assert "最多" in str(raised.value)


@pytest.mark.django_db(transaction=True)
def test_concurrent_create_and_move_are_serialised(district):
    """Without the tree lock the move misses the unit being created, which keeps a path under
    the old place and drops out of its township's subtree."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database has no second connection")
    assert race_create_and_move() == []
    assert new_unit_moved_along()
    assert_tree_is_consistent()


def test_concurrent_create_and_move_queue_on_sqlite_too(tmp_path):
    """The same race on the embedded SQLite database, in a process of its own (the test
    database lives in memory and has one connection): writers queue, nothing fails."""
    script = Path(__file__).with_name("sqlite_race.py")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    env.update(DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'race.sqlite3'}")
    result = subprocess.run(
        [sys.executable, str(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"errors": [], "moved_along": True}
