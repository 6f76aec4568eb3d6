"""Writes of units: creation and moves keep the materialised path consistent.

Every write that assigns paths takes the tree lock first, so two clerks creating or moving units
at the same moment are served one after the other and never compute paths from a stale parent.
"""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F, Max, Value
from django.db.models.functions import Concat, Length, Substr
from django.utils.translation import gettext as _

from fazhi.org.models import MAX_CHILDREN, PATH_STEP, Unit

# Key of the PostgreSQL advisory lock that serialises writes to the unit tree.
TREE_LOCK_KEY = 7_510_704


def lock_tree() -> None:
    """Serialise tree writes until the current transaction ends.

    PostgreSQL: a transaction-level advisory lock. SQLite: every write transaction already holds
    the database's single write lock from its start (transaction_mode IMMEDIATE in settings).
    """
    if not connection.in_atomic_block:
        raise RuntimeError("lock_tree() must run inside transaction.atomic()")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TREE_LOCK_KEY])


def _next_child_path(parent: Unit | None) -> str:
    last = Unit.objects.filter(parent=parent).aggregate(last=Max("path"))["last"]
    position = int(last[-PATH_STEP:]) + 1 if last else 1
    if position > MAX_CHILDREN:
        raise ValidationError(
            {
                "parent": _("A unit can have at most %(max)d subordinate units.")
                % {"max": MAX_CHILDREN}
            }
        )
    head = parent.path if parent else ""
    return f"{head}{position:0{PATH_STEP}d}"


def check_room_under(parent: Unit | None) -> None:
    """Refuse, with the reason, when `parent` has no free position for another unit."""
    _next_child_path(parent)


def _fresh(unit: Unit | None) -> Unit | None:
    """The unit as stored now (after taking the lock), or None."""
    return Unit.objects.get(pk=unit.pk) if unit is not None else None


@transaction.atomic
def unit_create(*, parent: Unit | None, **fields) -> Unit:
    lock_tree()
    parent = _fresh(parent)
    unit = Unit(parent=parent, **fields)
    unit.path = _next_child_path(parent)
    unit.depth = len(unit.path) // PATH_STEP - 1
    unit.full_clean()
    unit.save()
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, **fields) -> Unit:
    """Change a unit's fields; a new parent moves the whole subtree with one UPDATE."""
    lock_tree()
    stored = Unit.objects.get(pk=unit.pk)
    new_parent = _fresh(fields.pop("parent", stored.parent))
    for name, value in fields.items():
        setattr(unit, name, value)
    unit.path, unit.depth, unit.parent = stored.path, stored.depth, stored.parent
    if (new_parent.pk if new_parent else None) != stored.parent_id:
        check_move(unit, new_parent)
        _move(unit, new_parent)
    unit.full_clean()
    unit.save()
    return unit


def check_move(unit: Unit, new_parent: Unit | None) -> None:
    """A unit cannot move under itself or one of its subordinate units."""
    if new_parent is not None:
        low, high = unit.subtree_bounds()
        if low <= new_parent.path < high:
            raise ValidationError({"parent": _("A unit cannot be moved under itself.")})


def _move(unit: Unit, new_parent: Unit | None) -> None:
    old_path = unit.path
    new_path = _next_child_path(new_parent)
    low, high = unit.subtree_bounds()
    depth_change = (len(new_path) - len(old_path)) // PATH_STEP
    Unit.objects.filter(path__gte=low, path__lt=high).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1, Length("path"))),
        depth=F("depth") + depth_change,
    )
    unit.parent = new_parent
    unit.path = new_path
    unit.depth = unit.depth + depth_change
