"""/api/v1/reconsideration/cases/: read, within the caller's data scope (writes follow with the
pages)."""

from rest_framework import serializers, viewsets

from fazhi.core.api import ScopedViewSetMixin, router
from fazhi.reconsideration.models import Case


class CaseSerializer(serializers.ModelSerializer):
    respondent_name = serializers.CharField(source="respondent.name", read_only=True)
    decision_display = serializers.CharField(source="get_decision_display", read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "applicants",
            "respondent",
            "respondent_name",
            "act_type",
            "act_number",
            "act_date",
            "received_on",
            "law",
            "status",
            "accepted_on",
            "procedure",
            "not_accepted_on",
            "decision",
            "decision_display",
            "decided_on",
            "decision_number",
            "lawsuit_followed",
            "version",
        ]


class CaseViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Reconsideration cases whose respondent is within the caller's data scope."""

    queryset = Case.objects.select_related("respondent")
    serializer_class = CaseSerializer
    filterset_fields = ["status", "decision", "law"]
    search_fields = ["applicants", "act_number", "decision_number"]
    ordering = ["-received_on", "-pk"]


router.register("reconsideration/cases", CaseViewSet, basename="reconsideration-case")
