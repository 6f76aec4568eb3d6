"""The audit trail (django-auditlog): writing it for records written in bulk or by an import,
and reading it for people (field labels, choice labels, related records by name only when the
viewer may see them)."""

import json
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass

from auditlog.context import auditlog_value, set_extra_data
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from fazhi.core.bulk import insert_rows
from fazhi.core.validators import mask_id_number, validate_id_number

# --- writing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WriteSource:
    """Who wrote records, and from which import: the audit entries of the records say so."""

    actor: object = None  # the user (None: the command line)
    ledger: str = ""
    file: str = ""
    import_job: int | None = None

    def additional_data(self) -> dict:
        data = {"ledger": self.ledger, "file": self.file, "import_job": self.import_job}
        return {key: value for key, value in data.items() if value not in ("", None)}


@contextmanager
def writes_from(source: WriteSource):
    """Every audit entry written meanwhile (records saved one by one through the services)
    names `source`'s user and import, also outside a request (an import runs in a thread).
    Inside a request (an import run inline) the request's own context is put back after:
    auditlog leaves its context variable set on leaving."""
    context = {"additional_data": source.additional_data()}
    if source.actor is not None:
        context["actor"] = source.actor
    outer = auditlog_value.get(None)
    try:
        with set_extra_data(context_data=context):
            yield
    finally:
        if outer is not None:
            auditlog_value.set(outer)


LOG_FIELDS = [
    "content_type_id",
    "object_pk",
    "object_id",
    "object_repr",
    "action",
    "changes",
    "actor_id",
    "additional_data",
]


def log_created_bulk(model, records: Iterable[tuple[int, str, dict]], *, source) -> int:
    """The audit entries of records written in bulk (an import), one each as auditlog writes
    for a record saved: (pk, how it reads, {field: value}) each, by `source`'s user."""
    content_type = ContentType.objects.get_for_model(model).pk
    actor = getattr(source.actor, "pk", None)
    extra = json.dumps(source.additional_data() or None, ensure_ascii=False)
    rows = [
        (
            content_type,
            str(pk),
            pk,
            text,
            LogEntry.Action.CREATE,
            json.dumps(
                {n: ["None", str(v)] for n, v in values.items() if v not in ("", None)},
                ensure_ascii=False,
            ),
            actor,
            extra,
        )
        for pk, text, values in records
    ]
    # serialised here, once per entry: the driver's JSON adapter costs several times more
    return insert_rows(LogEntry, LOG_FIELDS, rows, json_as_text=True)


def log_personal_data_viewed(viewer, model, shown, *, what: str, via: str) -> int:
    """An entry per record of `model` whose full personal data (`what`: full ID numbers)
    `viewer` was shown, and how (`via`: page, API, export, document); `shown`: (pk, how the
    record reads) pairs. Written in bulk: an export shows thousands. Nothing for the command
    line (no viewer)."""
    if viewer is None or not getattr(viewer, "pk", None):
        return 0
    content_type = ContentType.objects.get_for_model(model).pk
    extra = json.dumps({"viewed": str(what), "via": str(via)}, ensure_ascii=False)
    action = LogEntry.Action.ACCESS
    rows = [
        (content_type, str(pk), pk, str(text)[:200], action, "null", viewer.pk, extra)
        for pk, text in shown
    ]
    return insert_rows(LogEntry, LOG_FIELDS, rows, json_as_text=True) if rows else 0


# --- reading ----------------------------------------------------------------------------------


@dataclass
class ChangeLine:
    """One changed field. style: "change" (old → new), "set" (a new record's value) or
    "m2m" (old holds the verb: added / removed, new the names)."""

    label: str
    old: str
    new: str
    style: str = "change"

    def text(self) -> str:
        if self.style == "set":
            return self.new
        if self.style == "m2m":
            return f"{self.old} {self.new}"
        return f"{self.old} → {self.new}"


@dataclass
class HistoryItem:
    entry: LogEntry
    actor_name: str
    lines: list[ChangeLine]

    @property
    def imported_from(self) -> str:
        """The file of the import that wrote the change, if one did."""
        return (self.entry.additional_data or {}).get("file", "")


def history_for(obj, viewer, limit: int = 50, parts=()) -> list[HistoryItem]:
    """The latest changes of `obj` (and of `parts`, records that make it up, such as a
    report's paragraphs), newest first, with who made them (named only when the viewer may see
    that user) and readable change lines."""
    wanted = Q()
    for record in [obj, *parts]:
        content_type = ContentType.objects.get_for_model(record)
        key = {"object_id": record.pk} if isinstance(record.pk, int) else {"object_pk": record.pk}
        wanted |= Q(content_type=content_type, **key)  # as LogEntry.objects.get_for_object
    entries = list(
        LogEntry.objects.filter(wanted)
        # Views of personal data are for the auditor (系统管理 → 审计记录), not the record's
        # history, which they would crowd out.
        .exclude(action=LogEntry.Action.ACCESS)
        .select_related("actor", "content_type")
        .order_by("-timestamp")[:limit]
    )
    actor_ids = {e.actor_id for e in entries if e.actor_id}
    visible = set(
        get_user_model()
        .objects.visible_to(viewer)
        .filter(pk__in=actor_ids)
        .values_list("pk", flat=True)
    )
    items = []
    for entry in entries:
        if entry.actor_id is None:
            actor = _("system")
        elif entry.actor_id in visible:
            actor = entry.actor.get_full_name()
        else:
            actor = _("(a user outside your data scope)")
        items.append(HistoryItem(entry, actor, describe_changes(entry, viewer)))
    return items


def describe_changes(entry: LogEntry, viewer) -> list[ChangeLine]:
    if entry.action == LogEntry.Action.ACCESS:
        viewed = entry.additional_data or {}
        if "viewed" in viewed:
            text = f"{viewed['viewed']}（{viewed.get('via', '')}）"
            return [ChangeLine(_("Viewed"), "", text, style="set")]
    model = entry.content_type.model_class() if entry.content_type_id else None
    order = {f.name: i for i, f in enumerate(model._meta.get_fields())} if model else {}
    changes = sorted((entry.changes_dict or {}).items(), key=lambda item: order.get(item[0], 999))
    excluded = _excluded_fields(model)
    lines = []
    for name, change in changes:
        if _is_reverse_relation(model, name) or name in excluded:
            # a reverse relation's manager is no field; a field no longer audited was logged
            # by an older registration
            continue
        field = _field(model, name)
        label = str(field.verbose_name) if field is not None else name
        if isinstance(change, dict) and change.get("type") == "m2m":
            lines.append(_m2m_line(label, change))
            continue
        old, new = (list(change) + [None, None])[:2]
        lines.append(
            ChangeLine(
                label,
                _display(field, old, viewer),
                _display(field, new, viewer),
                style="set" if entry.action == LogEntry.Action.CREATE else "change",
            )
        )
    return lines


def _excluded_fields(model) -> set[str]:
    from auditlog.registry import auditlog

    if model is None or not auditlog.contains(model):
        return set()
    return set(auditlog.get_model_fields(model)["exclude_fields"])


def _is_reverse_relation(model, name) -> bool:
    try:
        field = model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return False
    return field is not None and field.auto_created and not field.concrete


def _field(model, name):
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if getattr(field, "concrete", False) or field.many_to_many else None


def _display(field, value, viewer) -> str:
    if value in (None, "None", ""):
        return "—"
    if field is None:
        return str(value)
    if validate_id_number in field.validators and not _may_see_id_numbers(field, viewer):
        return mask_id_number(str(value))
    if isinstance(field, models.BooleanField):
        return _("yes") if str(value) in ("True", "true", "1") else _("no")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        return _related_name(field.related_model, [value], viewer)[0]
    return str(value)


def _may_see_id_numbers(field, viewer) -> bool:
    """ID numbers show in full only to roles granted `<app>.view_id_numbers` (viewer None: the
    superusers' audit trail)."""
    return viewer is None or viewer.has_perm(f"{field.model._meta.app_label}.view_id_numbers")


def _related_name(model, pks, viewer) -> list[str]:
    """Names of related records, or a neutral label for those outside the viewer's scope
    (viewer None: unrestricted, for the superusers' audit trail)."""
    queryset = model._default_manager.all()
    if viewer is not None and hasattr(queryset, "visible_to"):
        queryset = queryset.visible_to(viewer)
    found = {str(o.pk): str(o) for o in queryset.filter(pk__in=[p for p in pks if p])}
    return [found.get(str(pk), _("(a record outside your data scope)")) for pk in pks]


def _m2m_line(label, change) -> ChangeLine:
    names = [str(o) for o in change.get("objects", [])]
    operation = change.get("operation")
    verb = {"add": _("added"), "delete": _("removed"), "clear": _("cleared")}.get(operation, "")
    return ChangeLine(label, verb, "、".join(names) or "—", style="m2m")
