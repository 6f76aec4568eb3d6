"""The enforcement record kinds: how lists, figures' records, the API and the search read them."""

from fazhi.core.records import RecordKind, register
from fazhi.enforcement import registers as r
from fazhi.enforcement.api import SERIALIZERS
from fazhi.enforcement.models import Caseload, CertificateReview, Deduction, ExamCandidate

register(
    *(
        RecordKind(
            reg.model,
            selector=reg.selector,
            serializer=SERIALIZERS[reg.model],
            rows_template="core/_register_rows.html",
            rows_context=reg.rows_context,
            filterset=reg.filterset,
            ordering=reg.ordering or (f"-{reg.date_field}", "-pk"),
            ledger=reg.ledger,
        )
        for _prefix, reg in r.ALL
    ),
    RecordKind(
        ExamCandidate,
        selector=lambda viewer: ExamCandidate.objects.visible_to(viewer).select_related(
            "sitting", "officer__unit"
        ),
        serializer=SERIALIZERS[ExamCandidate],
        owner="sitting",
    ),
    RecordKind(
        CertificateReview,
        selector=lambda viewer: CertificateReview.objects.visible_to(viewer).select_related(
            "certificate__officer__unit"
        ),
        serializer=SERIALIZERS[CertificateReview],
        owner="certificate",
    ),
    RecordKind(
        Deduction,
        selector=lambda viewer: Deduction.objects.visible_to(viewer).select_related(
            "case_file", "item"
        ),
        serializer=SERIALIZERS[Deduction],
        owner="case_file",
    ),
    RecordKind(
        Caseload,
        selector=lambda viewer: Caseload.objects.visible_to(viewer).select_related("officer__unit"),
        serializer=SERIALIZERS[Caseload],
        owner="officer",
    ),
)
