"""Helpers every line of work's services share (the workflow kit's service half): the row lock
with the version check, and the rule that a recorded event never lies in the future. The
clocks' helpers are the time-limit engine's (fazhi.timelimits.services)."""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from fazhi.core.versioning import StaleEdit, lock_for_edit

__all__ = ["StaleEdit", "loading_history", "lock_for_edit", "not_in_future"]


def not_in_future(day: date | None, field: str) -> None:
    """A step records what happened: never a day after today (the platform's today)."""
    from fazhi.timelimits import selectors  # read at call time: tests set the day

    if day is not None and day > selectors.today():
        raise ValidationError({field: _("A day in the future cannot be recorded.")})


_loading_history = ContextVar("loading_history", default=False)


@contextmanager
def loading_history():
    """Records of the past being loaded (the demo district): the services write them as ever,
    but no one is notified — a notice is for what waits for someone now."""
    token = _loading_history.set(True)
    try:
        yield
    finally:
        _loading_history.reset(token)


def is_loading_history() -> bool:
    return _loading_history.get()
