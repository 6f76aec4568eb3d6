"""The audit trail (django-auditlog): writing it for records written in bulk or by an import,
and reading it for people (field labels, choice labels, related records by name only when the
viewer may see them)."""

import json
import re
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
    """One changed field. style: "change" (old → new), "set" (a new record's value), "m2m"
    (old holds the verb: added / removed, new the names) or "diff" (a long text: `pieces`
    holds what was kept, removed and added)."""

    label: str
    old: str
    new: str
    style: str = "change"
    pieces: list = None  # [(kind, text)], kind "same" | "removed" | "added"
    verbatim: bool = False  # a code, login name or ID number: shown as typed, not words

    def text(self) -> str:
        if self.style == "set":
            return self.new
        if self.style == "m2m":
            return f"{self.old} {self.new}"
        if self.style == "diff":
            return "".join(
                {"same": t, "removed": f"［删：{t}］", "added": f"［增：{t}］"}[k]
                for k, t in self.pieces
            )
        return f"{self.old} → {self.new}"


# A text longer than this shows as what changed in it, not as the whole old and new text.
LONG_TEXT = 40
CONTEXT = 12  # characters kept on each side of a change


def text_diff(old: str, new: str) -> list[tuple[str, str]]:
    """What changed between two texts, character by character (Chinese has no spaces to cut
    words at), with the unchanged stretches between changes cut to a few characters."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, old, new, autojunk=False)
    if matcher.ratio() < 0.5:  # rewritten rather than edited: the old text, then the new
        return [("removed", old), ("added", new)]
    # A character or two kept between two changes reads as part of one change.
    opcodes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if opcodes and tag != "equal" and opcodes[-1][0] != "equal":
            _t, a1, _a2, b1, _b2 = opcodes.pop()
            opcodes.append(("replace", a1, i2, b1, j2))
        elif (
            len(opcodes) > 1
            and tag != "equal"
            and opcodes[-1][0] == "equal"
            and opcodes[-1][2] - opcodes[-1][1] <= 2
        ):
            opcodes.pop()
            _t, a1, _a2, b1, _b2 = opcodes.pop()
            opcodes.append(("replace", a1, i2, b1, j2))
        else:
            opcodes.append((tag, i1, i2, j1, j2))
    pieces = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            same = old[i1:i2]
            first, last = index == 0, index == len(opcodes) - 1
            if len(same) > 2 * CONTEXT + 1 or (first or last) and len(same) > CONTEXT:
                head = "" if first else same[:CONTEXT]
                tail = "" if last else same[-CONTEXT:]
                same = f"{head}…{tail}"
            pieces.append(("same", same))
            continue
        if i2 > i1:
            pieces.append(("removed", old[i1:i2]))
        if j2 > j1:
            pieces.append(("added", new[j1:j2]))
    return pieces


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
    # A generic relation (a clock's record) reads as the record, not its two key columns.
    generic = {}
    if model is not None:
        from django.contrib.contenttypes.fields import GenericForeignKey

        for private in model._meta.private_fields:
            if isinstance(private, GenericForeignKey):
                generic[private.name] = private
                excluded |= {private.ct_field, private.fk_field}
    lines = []
    for name, change in changes:
        if model is not None and name == model._meta.pk.name:
            continue  # a record's number in the database says nothing to a reader
        if name in generic and not isinstance(change, dict):
            old, new = (list(change) + [None, None])[:2]
            lines.append(
                ChangeLine(
                    _("Record"),
                    "—" if old in (None, "None", "") else str(old),
                    "—" if new in (None, "None", "") else str(new),
                    style="set" if entry.action == LogEntry.Action.CREATE else "change",
                )
            )
            continue
        if _is_reverse_relation(model, name) or name in excluded:
            # a reverse relation's manager is no field; a field no longer audited was logged
            # by an older registration
            continue
        field = _field(model, name)
        label = str(field.verbose_name) if field is not None else name
        if isinstance(change, dict) and change.get("type") == "m2m":
            lines.append(_m2m_line(label, change, field, viewer))
            continue
        old, new = (list(change) + [None, None])[:2]
        old, new = _display(field, old, viewer), _display(field, new, viewer)
        verbatim = _is_code(field)
        if entry.action == LogEntry.Action.CREATE:
            lines.append(ChangeLine(label, old, new, style="set", verbatim=verbatim))
        elif max(len(old), len(new)) > LONG_TEXT and "—" not in (old, new):
            lines.append(ChangeLine(label, old, new, style="diff", pieces=text_diff(old, new)))
        else:
            lines.append(ChangeLine(label, old, new, verbatim=verbatim))
    return lines


def _is_code(field) -> bool:
    """A value typed as a code rather than words: a login name, a unit code, an ID number."""
    if field is None:
        return False
    return (
        isinstance(field, models.SlugField)
        or field.name in ("username", "code")
        or validate_id_number in field.validators
    )


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
    if isinstance(field, models.DateTimeField):
        return _local_minute(str(value))
    return _references_in_words(str(value))


def _local_minute(value: str) -> str:
    """A time the trail keeps in UTC to the microsecond, as Beijing time to the minute."""
    from datetime import UTC

    from django.utils import timezone
    from django.utils.dateparse import parse_datetime

    moment = parse_datetime(value)
    if moment is None:
        return value
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _references_in_words(text: str) -> str:
    """A report's figure references ({{mediation.disputes}}) as what they count: 〔…〕."""
    if "{{" not in text:
        return text
    from fazhi.indicators.registry import get_indicator

    def words(match):
        key = match.group(1).split("|")[0].strip()
        try:
            return f"〔{get_indicator(key).label}〕"
        except KeyError:
            return match.group(0)

    return re.sub(r"\{\{\s*([^{}]+?)\s*\}\}", words, text)


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


# Django names its default permissions in English: "… | Can add dispute".
DEFAULT_PERMISSION = re.compile(r"^(?P<where>.*\| )?Can (?P<action>add|change|delete|view) .+$")


def _permission_words(text: str) -> str:
    """A permission as the trail stored it ("人民调解 | 矛盾纠纷 | Can add dispute": Django names
    permissions in English) in Chinese: "人民调解 | 矛盾纠纷 | 新增"; a permission of the platform's
    own (查看完整身份证号码) by its label."""
    match = DEFAULT_PERMISSION.match(text)
    if match:
        action = {"add": _("add"), "change": _("change"), "delete": _("delete"), "view": _("view")}
        return f"{match['where'] or ''}{action[match['action']]}"
    where, _sep, name = text.rpartition(" | ")
    from django.apps import apps

    for model in apps.get_models():  # the model's own permissions, by their lazy labels
        for _codename, label in getattr(model._meta, "permissions", ()):
            if str(label) == name or getattr(label, "_args", (None,))[0] == name:
                return f"{where} | {label}" if where else str(label)
    return text


def _m2m_line(label, change, field=None, viewer=None) -> ChangeLine:
    names = [_permission_words(str(o)) for o in change.get("objects", [])]
    related = getattr(field, "related_model", None)
    if viewer is not None and hasattr(getattr(related, "objects", None), "visible_to"):
        # As for a reference: what lies outside the viewer's scope is not named.
        seen = {str(o) for o in related.objects.visible_to(viewer)}
        hidden = sum(1 for name in names if name not in seen)
        names = [name for name in names if name in seen]
        if hidden:
            names.append(_("%(count)d more outside your data scope") % {"count": hidden})
    operation = change.get("operation")
    verb = {"add": _("added"), "delete": _("removed"), "clear": _("cleared")}.get(operation, "")
    return ChangeLine(label, verb, "、".join(names) or "—", style="m2m")
