"""How disputes, committees and mediators are read on every list, drill-down, API answer and
export."""

from fazhi.core.records import RecordKind, register
from fazhi.mediation import selectors
from fazhi.mediation.api import CommitteeSerializer, DisputeSerializer, MediatorSerializer
from fazhi.mediation.filters import DisputeFilter
from fazhi.mediation.models import Committee, Dispute, Mediator

register(
    RecordKind(
        Dispute,
        selector=selectors.disputes_for,
        serializer=DisputeSerializer,
        rows_template="mediation/_dispute_rows.html",
        ledger="mediation.disputes",
        filterset=DisputeFilter,
        ordering=("-closed_on", "-pk"),  # the disputes' figures count by closing date
    ),
    RecordKind(
        Committee,
        selector=selectors.committees_for,
        serializer=CommitteeSerializer,
        rows_template="mediation/_committee_rows.html",
        ledger="mediation.committees",
    ),
    RecordKind(
        Mediator,
        selector=selectors.mediators_for,
        serializer=MediatorSerializer,
        rows_template="mediation/_mediator_rows.html",
        ledger="mediation.mediators",
        rows_context=lambda viewer: {"full_ids": selectors.may_see_id_numbers(viewer)},
    ),
)
