"""/api/v1/litigation/…: lawsuits and hearings (read), within the caller's data scope."""

from rest_framework import serializers, viewsets

from fazhi.core.api import ScopedViewSetMixin, router
from fazhi.litigation.models import Hearing, Lawsuit


class HearingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Hearing
        fields = ["id", "lawsuit", "held_on", "appearance", "official_name", "official_post"]


class LawsuitSerializer(serializers.ModelSerializer):
    defendant_name = serializers.CharField(source="defendant.name", read_only=True)
    stage = serializers.CharField(read_only=True)

    class Meta:
        model = Lawsuit
        fields = [
            "id",
            "court",
            "case_number",
            "instance",
            "plaintiffs",
            "defendant",
            "defendant_name",
            "cause",
            "filed_on",
            "complaint_received_on",
            "defence_submitted_on",
            "first_hearing_on",
            "stage",
            "outcome",
            "outcome_served_on",
            "appealed",
            "version",
        ]


class LawsuitViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Lawsuits whose defendant is within the caller's data scope."""

    queryset = Lawsuit.objects.select_related("defendant")
    serializer_class = LawsuitSerializer
    filterset_fields = ["outcome", "instance"]
    search_fields = ["case_number", "plaintiffs", "cause"]
    ordering = ["-filed_on", "-pk"]


class HearingViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Hearing.objects.all()
    serializer_class = HearingSerializer
    filterset_fields = ["appearance"]
    ordering = ["lawsuit", "held_on"]


router.register("litigation/lawsuits", LawsuitViewSet, basename="litigation-lawsuit")
router.register("litigation/hearings", HearingViewSet, basename="litigation-hearing")
