"""/api/v1/legality/…: review requests, opinion items and filings (read; writes follow with the
pages), within the caller's data scope."""

from rest_framework import serializers, viewsets

from fazhi.core.api import ScopedViewSetMixin, router
from fazhi.legality.models import Filing, OpinionItem, ReviewRequest


class ReviewRequestSerializer(serializers.ModelSerializer):
    submitting_unit_name = serializers.CharField(source="submitting_unit.name", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = ReviewRequest
        fields = [
            "id",
            "kind",
            "kind_display",
            "submitting_unit",
            "submitting_unit_name",
            "title",
            "received_on",
            "status",
            "status_display",
            "concluded_on",
            "letter_number",
            "signed_opinion",
            "version",
        ]


class OpinionItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = OpinionItem
        fields = ["id", "request", "text", "category", "adoption"]


class FilingSerializer(serializers.ModelSerializer):
    filing_unit_name = serializers.CharField(source="filing_unit.name", read_only=True)
    on_time = serializers.BooleanField(read_only=True)

    class Meta:
        model = Filing
        fields = [
            "id",
            "kind",
            "filing_unit",
            "filing_unit_name",
            "title",
            "document_number",
            "published_on",
            "filed_on",
            "due_on",
            "on_time",
            "result",
        ]


class ReviewRequestViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Legality review requests of the units within the caller's data scope."""

    queryset = ReviewRequest.objects.select_related("submitting_unit")
    serializer_class = ReviewRequestSerializer
    filterset_fields = ["kind", "status"]
    search_fields = ["title", "letter_number"]
    ordering = ["-received_on", "-pk"]


class OpinionItemViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = OpinionItem.objects.all()
    serializer_class = OpinionItemSerializer
    filterset_fields = ["category", "adoption"]
    ordering = ["request", "pk"]


class FilingViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Filing.objects.select_related("filing_unit")
    serializer_class = FilingSerializer
    filterset_fields = ["kind", "result"]
    search_fields = ["title", "document_number"]
    ordering = ["-filed_on", "-pk"]


router.register("legality/requests", ReviewRequestViewSet, basename="legality-request")
router.register("legality/opinion-items", OpinionItemViewSet, basename="legality-item")
router.register("legality/filings", FilingViewSet, basename="legality-filing")
