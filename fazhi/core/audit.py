"""Reading the audit trail (django-auditlog) for display on a record's page."""

from auditlog.models import LogEntry


def history_for(obj, limit: int = 50) -> list[LogEntry]:
    """The latest changes of `obj`, newest first, with who made them."""
    return list(LogEntry.objects.get_for_object(obj).select_related("actor")[:limit])
