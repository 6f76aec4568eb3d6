"""How reconsideration cases are read on every list, drill-down, API answer and export."""

from fazhi.core.records import RecordKind, register
from fazhi.reconsideration import selectors
from fazhi.reconsideration.api import CaseSerializer
from fazhi.reconsideration.filters import CaseFilter
from fazhi.reconsideration.models import Case

register(
    RecordKind(
        Case,
        selector=selectors.cases_for,
        serializer=CaseSerializer,
        rows_template="reconsideration/_case_rows.html",
        ledger="reconsideration.cases",
        filterset=CaseFilter,
    ),
)
