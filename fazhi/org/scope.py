"""Data scope (数据权限): which records a user may see, as one `Q` per queryset.

A model opts in by using `ScopedQuerySet` and naming two lookups on the model:
- `scope_unit_field`: the path from the model to its `Unit` ("" when the model is Unit);
- `scope_owner_field` (optional): the path to the user who owns the record ("pk" for User).

A user's scope is the union of their roles' scopes (all / custom units and below / own unit and
below / own unit / own records). Superusers see everything; a user with no role sees nothing.
Every list, detail, API, export and indicator builds on `visible_to(user)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.http import Http404

if TYPE_CHECKING:
    from fazhi.org.models import User

NOTHING = Q(pk__in=[])


def in_subtree(unit_field: str, unit) -> Q:
    """Records whose unit (reached through `unit_field`) lies in `unit`'s subtree."""
    low, high = unit.subtree_bounds()
    prefix = f"{unit_field}__" if unit_field else ""
    return Q(**{f"{prefix}path__gte": low, f"{prefix}path__lt": high})


def _is_unit(unit_field: str, unit_id: int) -> Q:
    return Q(**{unit_field or "pk": unit_id})


def _roles_of(user: User) -> list:
    """The user's roles, read once per user object (one request) rather than per queryset."""
    roles = getattr(user, "_scope_roles", None)
    if roles is None:
        roles = list(user.roles.all())
        user._scope_roles = roles
    return roles


def scope_q(user: User, *, unit_field: str, owner_field: str | None = None) -> Q:
    """The filter selecting what `user` may see of a model with these scope fields."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.is_superuser:
        return Q()
    from fazhi.org.models import Role  # the models module imports this one

    q = NOTHING
    for role in _roles_of(user):
        scope = role.data_scope
        if scope == Role.DataScope.ALL:
            return Q()
        if scope == Role.DataScope.CUSTOM:
            for unit in role.custom_units.all():
                q |= in_subtree(unit_field, unit)
        elif scope == Role.DataScope.SELF and owner_field:
            q |= Q(**{owner_field: user.pk})
        elif user.unit_id is None:
            continue  # the unit-based scopes need a unit
        elif scope == Role.DataScope.UNIT_AND_BELOW:
            q |= in_subtree(unit_field, user.unit.scope_root())
        elif scope in (Role.DataScope.UNIT, Role.DataScope.SELF):
            # SELF on a kind of record with no owner falls back to the own unit.
            q |= _is_unit(unit_field, user.unit_id)
    return q


def acts_for(user: User, unit) -> bool:
    """Whether `user` works for `unit`: its own staff, or those of the justice office that
    serves a township (they report on the township's work)."""
    if user.unit_id is None:
        return False
    own = user.unit_id == unit.pk
    serving = user.unit.kind in user.unit.SERVES_PARENT and user.unit.parent_id == unit.pk
    return own or serving


def scope_models() -> list:
    """The models a user's data scope is read from: a change to them changes what a viewer
    may see (cached figures are keyed by the viewer's roles, not by what the roles say)."""
    from fazhi.org.models import Role, Unit

    return [Unit, Role, Role.custom_units.through]


def sees_everything(user: User) -> bool:
    """True when the user's data scope is the whole database (no query once roles are read)."""
    if user.is_superuser:
        return True
    from fazhi.org.models import Role

    return any(role.data_scope == Role.DataScope.ALL for role in _roles_of(user))


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user: User) -> ScopedQuerySet:
        model = self.model
        q = scope_q(
            user,
            unit_field=model.scope_unit_field,
            owner_field=getattr(model, "scope_owner_field", None),
        )
        return self.filter(q)


def get_visible_or_404(queryset: ScopedQuerySet, user: User, pk) -> models.Model:
    """The record `pk` if `user` may see it; 404 otherwise (outsiders learn nothing)."""
    try:
        return queryset.visible_to(user).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None


class ReachedQuerySet(ScopedQuerySet):
    """Visible within the viewer's scope as usual, and besides to the units it reached: the
    work points and the meeting that gave a unit its tasks, the inspection that found problems
    in it, the evaluation that drew a department's case files. (`reached_through`: the path
    from the record to those units, e.g. "findings__unit".)"""

    def visible_to(self, user):
        model = self.model
        own = scope_q(user, unit_field=model.scope_unit_field)
        if not own:  # every record (an empty Q would swallow the alternative below)
            return self.filter(own)
        reached = scope_q(user, unit_field=model.reached_through)
        ids = model._base_manager.filter(reached).values("pk")
        return self.filter(own | models.Q(pk__in=ids))
