"""Login throttling on top of django-axes: a username is locked from one address after
AXES_FAILURE_LIMIT failures (someone elsewhere who knows the username cannot lock its owner
out), and an address that keeps failing across usernames is throttled as a whole after
FAZHI_ADDRESS_FAILURE_LIMIT failures. Both last AXES_COOLOFF_TIME from the last failure; a
superuser lifts either in 系统管理 → 登录失败计数."""

from __future__ import annotations

import math
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone


def _address(request) -> str | None:
    return getattr(request, "axes_ip_address", None) or get_client_ip_address(request)


def _recent(attempts):
    return attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)


def address_failures(request) -> int:
    """Failed logins from the request's address, over every username, still counting."""
    attempts = _recent(AccessAttempt.objects.filter(ip_address=_address(request)))
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


def address_throttled(request) -> bool:
    return address_failures(request) >= settings.FAZHI_ADDRESS_FAILURE_LIMIT


class LoginHandler(AxesDatabaseHandler):
    """axes' database handler, with the address throttle added to its lock."""

    def is_locked(self, request, credentials: dict | None = None) -> bool:
        return super().is_locked(request, credentials) or address_throttled(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        # axes decides here whether the failure answers with the lock page (its own lock only).
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and address_throttled(request):
            request.axes_locked_out = True


def locked_until(request, username: str | None) -> datetime:
    """When the lock on the username from this address (or on the address) ends."""
    attempts = AccessAttempt.objects.filter(ip_address=_address(request))
    if username:
        attempts = attempts.filter(username=username)
    last = _recent(attempts).aggregate(last=Max("attempt_time"))["last"] or timezone.now()
    return last + settings.AXES_COOLOFF_TIME


def locked_out(request, original_response=None, credentials=None):
    """The page (status 429) saying which lock applies and until when, in the user's time."""
    username = get_client_username(request, credentials)
    whole_address = address_throttled(request)
    until = locked_until(request, None if whole_address else username)
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    context = {
        "whole_address": whole_address,
        "until": timezone.localtime(until),
        "minutes_left": minutes,
        "address": _address(request),
    }
    return render(request, "registration/locked_out.html", context, status=429)


def lock_of(attempt: AccessAttempt) -> str:
    """How a failure counter stands, for the administrator: locked until when, or not."""
    from django.utils.translation import gettext as _

    until = attempt.attempt_time + settings.AXES_COOLOFF_TIME
    if until <= timezone.now():
        return _("expired")
    if attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT:
        return _("account locked from this address until %(time)s") % {
            "time": timezone.localtime(until).strftime("%H:%M")
        }
    return _("counting")


def unlock(attempts, *, by) -> int:
    """Clear the failure counters `attempts`, each on the audit trail as lifted by `by`."""
    from auditlog.models import LogEntry

    count = 0
    for attempt in attempts:
        LogEntry.objects.log_create(
            attempt,
            action=LogEntry.Action.DELETE,
            changes={"failures_since_start": [str(attempt.failures_since_start), None]},
            actor=by,
            additional_data={"unlocked": attempt.username, "address": attempt.ip_address},
        )
        attempt.delete()
        count += 1
    return count
