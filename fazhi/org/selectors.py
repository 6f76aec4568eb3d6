"""Reads of units and users, always through the viewer's data scope."""

from django.db.models import Count, Q, QuerySet

from fazhi.org.models import Role, Unit, User
from fazhi.org.scope import get_visible_or_404


def units_for(viewer: User) -> QuerySet:
    return Unit.objects.visible_to(viewer).select_related("parent")


def users_for(viewer: User) -> QuerySet:
    return User.objects.visible_to(viewer).select_related("unit").prefetch_related("roles")


def unit_list(*, viewer: User, kind: str = "", search: str = "", active: str = "") -> QuerySet:
    units = Unit.objects.visible_to(viewer).select_related("parent")
    if kind:
        units = units.filter(kind=kind)
    if search:
        units = units.filter(Q(name__icontains=search) | Q(code__icontains=search))
    if active in ("1", "0"):
        units = units.filter(is_active=active == "1")
    return units.annotate(user_count=Count("users")).order_by("path")


def get_unit_for_user(user: User, pk) -> Unit:
    return get_visible_or_404(Unit.objects.select_related("parent"), user, pk)


def unit_children(*, viewer: User, unit: Unit) -> QuerySet:
    return Unit.objects.visible_to(viewer).filter(parent=unit)


def user_list(*, viewer: User, search: str = "") -> QuerySet:
    users = User.objects.visible_to(viewer).select_related("unit").prefetch_related("roles")
    if search:
        users = users.filter(Q(username__icontains=search) | Q(full_name__icontains=search))
    return users.order_by("unit__path", "username")


def get_user_for_user(user: User, pk) -> User:
    return get_visible_or_404(
        User.objects.select_related("unit").prefetch_related("roles"), user, pk
    )


def scope_description(user: User) -> list[str]:
    """Human-readable data scope of `user`, one line per role."""
    if user.is_superuser:
        return [str(Role.DataScope.ALL.label)]
    lines = []
    for role in user.roles.all():
        line = f"{role.name}：{role.get_data_scope_display()}"
        if role.data_scope == Role.DataScope.UNIT_AND_BELOW and user.unit_id:
            line += f"（{user.unit.scope_root().name}）"  # a justice office covers its township
        elif role.data_scope == Role.DataScope.UNIT and user.unit_id:
            line += f"（{user.unit.name}）"
        lines.append(line)
    return lines
