"""Who may manage whom: plain rules used by the admin (and later by any user-management page)."""

from fazhi.org.models import Role, User

# Scopes tied to the holder's own unit: inside a manager's subtree they never reach beyond it.
UNIT_BOUND_SCOPES = {Role.DataScope.UNIT_AND_BELOW, Role.DataScope.UNIT, Role.DataScope.SELF}


def can_manage_user(manager: User, target: User) -> bool:
    """A superuser manages everyone. Anyone else manages (edits, resets the password of,
    deactivates) only plain users inside their scope: not superusers, not staff, and no holder
    of an all-data or custom-units role, whose account would open more than the manager sees."""
    if manager.is_superuser:
        return True
    if target.is_superuser or target.is_staff:
        return False
    if not User.objects.visible_to(manager).filter(pk=target.pk).exists():
        return False
    return all(role.data_scope in UNIT_BOUND_SCOPES for role in target.roles.all())


def roles_grantable_by(manager: User):
    """The roles `manager` may give an account: any, for a superuser; for anyone else the roles
    tied to the holder's own unit whose every permission the manager holds — an account they
    create never opens more than they may do themselves."""
    roles = Role.objects.order_by("name")
    if manager.is_superuser:
        return roles
    held = manager.get_all_permissions()
    allowed = []
    for role in roles.filter(data_scope__in=UNIT_BOUND_SCOPES).prefetch_related(
        "permissions__content_type"
    ):
        perms = {f"{p.content_type.app_label}.{p.codename}" for p in role.permissions.all()}
        if perms <= held:
            allowed.append(role.pk)
    return roles.filter(pk__in=allowed)
