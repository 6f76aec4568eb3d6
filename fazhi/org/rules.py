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
