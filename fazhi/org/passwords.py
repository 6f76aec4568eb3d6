"""Passwords as 等保 2.0 level 3 asks: three of four character classes, no reuse of the last
five, a change every FAZHI_PASSWORD_MAX_AGE_DAYS (90) days, and a change at first login when an
administrator set the password. The validators plug into Django's AUTH_PASSWORD_VALIDATORS, so
every form that sets a password (the user's own change, the admin's create and reset) applies
them; `PasswordPolicyMiddleware` sends a user whose change is due to the change page."""

from __future__ import annotations

import string
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _

CLASSES = [
    set(string.ascii_uppercase),
    set(string.ascii_lowercase),
    set(string.digits),
]


def character_classes(password: str) -> int:
    """How many of capital letters, small letters, digits and symbols `password` holds."""
    found = sum(1 for chars in CLASSES if chars.intersection(password))
    symbols = any(not c.isalnum() or not c.isascii() for c in password)
    return found + symbols


class CharacterClassesValidator:
    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        if character_classes(password) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self):
        return _(
            "The password must mix at least three of: capital letters, small letters, "
            "digits and symbols."
        )


class PasswordHistoryValidator:
    """Refuses the user's last `remember` passwords and remembers each new one (its hash)."""

    def __init__(self, remember: int = 5):
        self.remember = remember

    def validate(self, password, user=None):
        if user is None or user.pk is None:
            return
        for stored in user.password_history.values_list("password", flat=True)[: self.remember]:
            if check_password(password, stored):
                raise ValidationError(self.get_help_text(), code="password_reused")

    def password_changed(self, password, user=None):
        from fazhi.org.models import PasswordHistory, User

        if user is None or user.pk is None:
            return
        PasswordHistory.objects.create(user=user, password=user.password)
        kept = user.password_history.values_list("pk", flat=True)[: self.remember]
        user.password_history.exclude(pk__in=list(kept)).delete()
        # The password's age; saved with update() so no second save() runs the hooks again.
        user.password_changed_at = timezone.now()
        User.objects.filter(pk=user.pk).update(password_changed_at=user.password_changed_at)

    def get_help_text(self):
        return _("The password must differ from your last %(count)d passwords.") % {
            "count": self.remember
        }


def password_change_due(user) -> bool:
    """An administrator set the password, or it is older than the maximum age."""
    if user.must_change_password:
        return True
    days = settings.FAZHI_PASSWORD_MAX_AGE_DAYS
    if not days or user.password_changed_at is None:
        return False
    return user.password_changed_at < timezone.now() - timedelta(days=days)


def require_change(user, *, by, created: bool) -> None:
    """After an administrator (`by`) created the account or reset its password: the user
    replaces it at the next login; the reset is on the audit trail."""
    from auditlog.models import LogEntry

    get_user_model().objects.filter(pk=user.pk).update(must_change_password=True)
    if not created:  # a new account's creation is audited already
        LogEntry.objects.log_create(
            user,
            force_log=True,
            action=LogEntry.Action.UPDATE,
            changes={"password": ["", str(_("reset by an administrator"))]},
            actor=by,
        )


class PasswordPolicyMiddleware:
    """A signed-in user whose password change is due sees only the change page (and may log
    out); the API answers 403 until the password is changed on the web."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and password_change_due(user)
            and not self._exempt(request.path)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": _("Your password must be changed first: log in on the web.")},
                    status=403,
                )
            return redirect(reverse("password_change"))
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        allowed = [
            reverse("password_change"),
            reverse("password_change_done"),
            reverse("logout"),
            settings.STATIC_URL,
            "/i18n/",
            "/healthz",
            "/favicon.ico",
        ]
        return any(path.startswith(prefix) for prefix in allowed)


class PasswordChangeView(auth_views.PasswordChangeView):
    """The user's own change: says why when it is due, and ends the administrator's demand."""

    success_url = reverse_lazy("password_change_done")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            change_due=password_change_due(self.request.user),
            max_age_days=settings.FAZHI_PASSWORD_MAX_AGE_DAYS,
            **kwargs,
        )

    def form_valid(self, form):
        from auditlog.models import LogEntry

        response = super().form_valid(form)
        get_user_model().objects.filter(pk=form.user.pk).update(must_change_password=False)
        LogEntry.objects.log_create(
            form.user,
            force_log=True,
            action=LogEntry.Action.UPDATE,
            changes={"password": ["", str(_("changed by the user"))]},
            actor=form.user,
        )
        return response
