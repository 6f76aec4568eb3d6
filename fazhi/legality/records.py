"""How review requests, opinion items and filings are read on every list, drill-down, API
answer and export."""

from fazhi.core.records import RecordKind, register
from fazhi.legality import selectors
from fazhi.legality.api import FilingSerializer, OpinionItemSerializer, ReviewRequestSerializer
from fazhi.legality.filters import ReviewRequestFilter
from fazhi.legality.models import Filing, OpinionItem, ReviewRequest

register(
    RecordKind(
        ReviewRequest,
        selector=selectors.requests_for,
        serializer=ReviewRequestSerializer,
        rows_template="legality/_request_rows.html",
        ledger="legality.requests",
        filterset=ReviewRequestFilter,
    ),
    RecordKind(  # each opinion is shown with its request
        OpinionItem,
        selector=selectors.items_for,
        serializer=OpinionItemSerializer,
        owner="request",
    ),
    RecordKind(
        Filing,
        selector=selectors.filings_for,
        serializer=FilingSerializer,
        rows_template="legality/_filing_rows.html",
        ledger="legality.filings",
    ),
)
