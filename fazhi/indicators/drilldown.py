"""Where a figure's records are listed: each app names, per model, the rows template and the
queryset of its own list page (with its joins) and the ledger its lists export to. A figure's
drill-down page then shows exactly `indicator.records(...)` the way the app's list shows them."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class RecordList:
    rows_template: str = "indicators/_generic_rows.html"
    queryset: Callable[..., QuerySet] | None = None  # viewer → the list page's queryset
    ledger: str = ""  # the Excel ledger the list exports to ("" → a plain workbook)
    context: Callable[..., dict] | None = None  # viewer → extra context the rows need
    # Newest first. A large table orders by the date its figures count on, so the first page
    # comes from that date's index rather than from a scan of the primary key.
    ordering: tuple[str, ...] = ("-pk",)


_lists: dict[type, RecordList] = {}


def register_record_list(model, record_list: RecordList) -> None:
    _lists[model] = record_list


def record_list_for(model) -> RecordList:
    return _lists.get(model, RecordList())
