"""The enforcement record kinds: how lists, figures' records, the API and the search read them."""

from fazhi.core.records import RecordKind, register
from fazhi.enforcement import registers as r
from fazhi.enforcement.api import SERIALIZERS
from fazhi.enforcement.models import ExamCandidate

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
)
