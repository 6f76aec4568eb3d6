"""How a clock reads on a page: 已逾期 N 天, 剩 N 天, 今日到期 … (calendar days to the due date)."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from fazhi.timelimits import selectors
from fazhi.timelimits.models import Deadline

register = template.Library()


def _today_and_limit(context):
    # Once per page: the due-soon limit reads the holiday calendar.
    if "_clock_today" not in context.render_context:
        on = selectors.today()
        context.render_context["_clock_today"] = (on, selectors.due_soon_limit(on))
    return context.render_context["_clock_today"]


def _days_text(due, on) -> tuple[str, str]:
    """(text, tone) for a running clock due on `due`."""
    days = (due - on).days
    if days < 0:
        text = ngettext("%(days)d day overdue", "%(days)d days overdue", -days) % {"days": -days}
        return text, "overdue"
    if days == 0:
        return _("due today"), "soon"
    return ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}, ""


@register.inclusion_tag("timelimits/_clock_badge.html", takes_context=True)
def clock_badge(context, due):
    """A list's clock cell: the record's earliest running clock (`next_due`), or a dash."""
    if not due:  # no clock runs
        return {"text": ""}
    on, limit = _today_and_limit(context)
    text, tone = _days_text(due, on)
    if not tone and due <= limit:
        tone = "soon"
    return {"text": text, "tone": tone, "due": due}


@register.inclusion_tag("timelimits/_clock_badge.html", takes_context=True)
def deadline_badge(context, deadline):
    """A record page's clock: days left or overdue while it runs, else how it ended."""
    on, _limit = _today_and_limit(context)
    status = selectors.deadline_status(deadline, on)
    S = Deadline.Status
    if status == S.SUSPENDED:
        return {"text": _("suspended"), "tone": "paused"}
    if status in (S.DONE_ON_TIME, S.DONE_LATE):
        tone = "done" if status == S.DONE_ON_TIME else "late"
        return {"text": S(status).label, "tone": tone}
    text, tone = _days_text(deadline.due_date, on)
    if status == S.DUE_SOON:
        tone = "soon"
    return {"text": text, "tone": tone}


@register.simple_tag(takes_context=True)
def most_urgent(context, deadlines):
    """The open, running clock due first among a record's clocks (for its page's heading)."""
    running = [d for d in deadlines if not d.completed_on and not d.suspended_since]
    return min(running, key=lambda d: d.due_date) if running else None
