"""The 依法治区 record kinds: how lists, figures' records, the API and the search read them."""

from fazhi.core.records import RecordKind, register
from fazhi.governance import registers as r
from fazhi.governance.api import register_serializers
from fazhi.governance.models import (
    AssessmentResult,
    DemonstrationParticipant,
    NoticeMention,
)

SERIALIZERS = register_serializers()

register(
    *(
        RecordKind(
            reg.model,
            selector=reg.selector,
            serializer=SERIALIZERS.get(reg.model),
            rows_template="core/_register_rows.html",
            rows_context=reg.rows_context,
            filterset=reg.filterset,
            ordering=(f"-{reg.date_field}", "-pk"),
            ledger=reg.ledger,
        )
        for _prefix, reg in r.ALL
    ),
    RecordKind(
        NoticeMention,
        selector=lambda viewer: NoticeMention.objects.visible_to(viewer).select_related(
            "notice", "named_unit"
        ),
        owner="notice",
        serializer=SERIALIZERS[NoticeMention],
    ),
    RecordKind(
        AssessmentResult,
        selector=lambda viewer: AssessmentResult.objects.visible_to(viewer).select_related(
            "scheme", "unit"
        ),
        owner="scheme",
        serializer=SERIALIZERS[AssessmentResult],
        ledger="governance.assessment_scores",
    ),
    RecordKind(
        DemonstrationParticipant,
        selector=lambda viewer: DemonstrationParticipant.objects.visible_to(viewer).select_related(
            "application", "participant"
        ),
        owner="application",
        serializer=SERIALIZERS[DemonstrationParticipant],
    ),
)
