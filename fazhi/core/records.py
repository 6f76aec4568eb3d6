"""One registration per record kind: how every list, drill-down, API answer and export reads it.

A line of work registers each kind of record it keeps in its `records.py`:

    register(
        RecordKind(
            Lawsuit,
            selector=selectors.lawsuits_for,  # viewer → what they may see, with the list's joins
            serializer=LawsuitSerializer,
            rows_template="litigation/_lawsuit_rows.html",
            ledger="litigation.lawsuits",
            ordering=("-filed_on", "-pk"),
        ),
        RecordKind(Hearing, selector=selectors.hearings_for, serializer=HearingSerializer,
                   owner="lawsuit"),
    )

The API viewsets (`core.api.RecordViewSetMixin`), the records behind a figure (page, Excel and API) and
the system checks read through it: nothing guesses a kind's queryset, serializer or owner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class RecordKind:
    model: type
    # viewer → the records they may see (visible_to), with the joins the lists and API need
    selector: Callable[[Any], QuerySet]
    serializer: type | None = None  # how the API shows one
    rows_template: str = "core/_record_rows.html"  # the list's rows (a figure's records too)
    ledger: str = ""  # the Excel ledger its lists export to ("" → a plain workbook)
    # For a record that belongs to another (a hearing to its lawsuit): the field naming it,
    # shown beside it where the record has no list of its own.
    owner: str = ""
    # Newest first. A large table orders by the date its figures count on, so that the first
    # page comes from that date's index rather than from a scan of the primary key.
    ordering: tuple[str, ...] = ("-pk",)
    rows_context: Callable[[Any], dict] | None = None  # viewer → what the rows need besides
    # The list's FilterSet: its `q` (case number, party, title …) answers the header's search
    # box across every line of work. None: the kind is not searched.
    filterset: type | None = None

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    def records_for(self, viewer) -> QuerySet:
        return self.selector(viewer)

    def context_for(self, viewer) -> dict:
        return self.rows_context(viewer) if self.rows_context else {}


_kinds: dict[type, RecordKind] = {}


def register(*kinds: RecordKind) -> None:
    for kind in kinds:
        if kind.model in _kinds and _kinds[kind.model] != kind:
            raise ImproperlyConfigured(f"record kind {kind.model.__name__} registered twice")
        _kinds[kind.model] = kind


def all_kinds() -> list[RecordKind]:
    autodiscover_modules("records")
    return list(_kinds.values())


def record_kind(model) -> RecordKind:
    autodiscover_modules("records")
    try:
        return _kinds[model]
    except KeyError:
        raise ImproperlyConfigured(
            f"{model._meta.label} has no record kind: register one in its app's records.py "
            "(fazhi.core.records)"
        ) from None


def search_records(viewer, text: str, *, request=None, per_kind: int = 10) -> list[tuple]:
    """The header's search: (kind, records, more?) for every searchable record kind the viewer
    may view, each through its own list's search and the viewer's data scope."""
    found = []
    for kind in all_kinds():
        if kind.filterset is None or "q" not in kind.filterset.base_filters:
            continue
        meta = kind.model._meta
        if not viewer.has_perm(f"{meta.app_label}.view_{meta.model_name}"):
            continue
        filterset = kind.filterset({"q": text}, queryset=kind.records_for(viewer), request=request)
        if not filterset.is_valid():
            continue
        records = list(filterset.qs.order_by(*kind.ordering)[: per_kind + 1])
        if records:
            found.append((kind, records[:per_kind], len(records) > per_kind))
    return found
