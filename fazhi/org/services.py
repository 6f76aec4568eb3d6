"""Writes of units: creation and moves keep the materialised path consistent."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Value
from django.db.models.functions import Concat, Length, Substr
from django.utils.translation import gettext as _

from fazhi.org.models import PATH_STEP, Unit


def _next_child_path(parent: Unit | None) -> str:
    siblings = Unit.objects.filter(parent=parent) if parent else Unit.objects.filter(parent=None)
    last = siblings.aggregate(last=Max("path"))["last"]
    position = int(last[-PATH_STEP:]) + 1 if last else 1
    if position >= 10**PATH_STEP:
        raise ValueError("too many children under one unit")
    head = parent.path if parent else ""
    return f"{head}{position:0{PATH_STEP}d}"


@transaction.atomic
def unit_create(*, parent: Unit | None, **fields) -> Unit:
    if parent is not None:
        # Lock the parent so two concurrent creations cannot take the same position.
        parent = Unit.objects.select_for_update().get(pk=parent.pk)
    unit = Unit(parent=parent, **fields)
    unit.path = _next_child_path(parent)
    unit.depth = len(unit.path) // PATH_STEP - 1
    unit.full_clean()
    unit.save()
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, **fields) -> Unit:
    """Change a unit's fields; a new parent moves the whole subtree with one UPDATE."""
    stored = Unit.objects.select_for_update().get(pk=unit.pk)
    new_parent = fields.pop("parent", stored.parent)
    for name, value in fields.items():
        setattr(unit, name, value)
    unit.path, unit.depth = stored.path, stored.depth
    if (new_parent.pk if new_parent else None) != stored.parent_id:
        _move(unit, new_parent)
    unit.full_clean()
    unit.save()
    return unit


def _move(unit: Unit, new_parent: Unit | None) -> None:
    if new_parent is not None:
        low, high = unit.subtree_bounds()
        if low <= new_parent.path < high:
            raise ValidationError({"parent": _("A unit cannot be moved under itself.")})
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
