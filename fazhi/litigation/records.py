"""How lawsuits and hearings are read on every list, drill-down, API answer and export."""

from fazhi.core.records import RecordKind, register
from fazhi.litigation import selectors
from fazhi.litigation.api import HearingSerializer, LawsuitSerializer
from fazhi.litigation.filters import LawsuitFilter
from fazhi.litigation.models import Hearing, Lawsuit

register(
    RecordKind(
        Lawsuit,
        selector=selectors.lawsuits_for,
        serializer=LawsuitSerializer,
        rows_template="litigation/_lawsuit_rows.html",
        ledger="litigation.lawsuits",
        filterset=LawsuitFilter,
    ),
    RecordKind(  # each hearing is shown with its lawsuit
        Hearing, selector=selectors.hearings_for, serializer=HearingSerializer, owner="lawsuit"
    ),
)
