"""Managing accounts from the platform's own pages (系统管理 in the platform's look): create a
user with unit, roles and a first password in one step, reset a password, disable or enable an
account, lift a login lock. Every write checks who may manage whom (`rules`) and is audited."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fazhi.org.models import User
from fazhi.org.passwords import require_change
from fazhi.org.rules import can_manage_user, roles_grantable_by


def _refuse_unless_manages(manager: User, target: User) -> None:
    if not can_manage_user(manager, target):
        raise PermissionDenied(_("You may not manage this account."))


@transaction.atomic
def user_create(
    *, by: User, username: str, full_name: str, unit, roles, password: str, phone="", email=""
) -> User:
    """The account in one step; the first password is the administrator's, so the user replaces
    it at the first login."""
    if not by.is_superuser and unit is None:
        raise ValidationError({"unit": _("Choose the unit the user works in.")})
    grantable = set(roles_grantable_by(by).values_list("pk", flat=True))
    if any(role.pk not in grantable for role in roles):
        raise ValidationError(
            {"roles": _("You may not give a role that opens more than you may do.")}
        )
    user = User(username=username, full_name=full_name, unit=unit, phone=phone, email=email)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    user.roles.set(roles)
    require_change(user, by=by, created=True)
    return user


@transaction.atomic
def user_reset_password(*, user: User, password: str, by: User) -> None:
    _refuse_unless_manages(by, user)
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    require_change(user, by=by, created=False)


@transaction.atomic
def user_set_active(*, user: User, active: bool, by: User) -> None:
    _refuse_unless_manages(by, user)
    if user == by and not active:
        raise ValidationError(_("You cannot disable your own account."))
    user.is_active = active
    user.save(update_fields=["is_active"])  # audited: the user model is registered


def user_lock(user: User) -> str:
    """How the account's login counters stand (locked from an address until when), or ""."""
    from axes.models import AccessAttempt

    from fazhi.core.login import lock_of

    locks = [lock_of(a) for a in AccessAttempt.objects.filter(username=user.username)]
    return "；".join(locks)


@transaction.atomic
def user_unlock(*, user: User, by: User) -> int:
    from axes.models import AccessAttempt

    from fazhi.core.login import unlock

    _refuse_unless_manages(by, user)
    return unlock(AccessAttempt.objects.filter(username=user.username), by=by)
