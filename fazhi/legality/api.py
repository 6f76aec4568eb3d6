"""/api/v1/legality/…: review requests (submit, review, conclude), opinion items and filings
(register, review), through the same services and data scope as the pages."""

from rest_framework import serializers, viewsets
from rest_framework.exceptions import PermissionDenied

from fazhi.core.api import RecordViewSetMixin, router
from fazhi.core.drf import ModelViewPermissions, ScopedPrimaryKeyField, service_errors
from fazhi.legality import services
from fazhi.legality.filters import FilingFilter, ReviewRequestFilter
from fazhi.legality.models import Filing, OpinionItem, ReviewRequest
from fazhi.legality.selectors import may_edit
from fazhi.legality.workflow import FILING, REVIEW
from fazhi.org.models import Unit
from fazhi.timelimits import selectors as timelimits

VERSION_REQUIRED = "修改时必须带上读取记录时的版本号（version）。"


def _require_version(data):
    if data.get("version") in (None, ""):
        raise serializers.ValidationError({"version": [VERSION_REQUIRED]})
    return data["version"]


class OpinionItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = OpinionItem
        fields = ["id", "request", "text", "category", "adoption"]
        read_only_fields = ["request"]


class ReviewRequestSerializer(serializers.ModelSerializer):
    submitting_unit = ScopedPrimaryKeyField(queryset=Unit.objects.all())
    submitting_unit_name = serializers.CharField(source="submitting_unit.name", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    items = OpinionItemSerializer(many=True, read_only=True)
    version = serializers.IntegerField(required=False)

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
            "items",
            "version",
        ]
        read_only_fields = ["status", "concluded_on", "letter_number", "signed_opinion"]

    def create(self, validated):
        validated.pop("version", None)
        user = self.context["request"].user
        if not user.has_perm("legality.change_reviewrequest"):
            validated["received_on"] = timelimits.today()  # received the day it is submitted
        with service_errors():
            return services.request_submit(user=user, **validated)

    def update(self, review, validated):
        if not may_edit(self.context["request"].user, review):
            raise PermissionDenied("只有审查人员或报送单位（在办理完成前）可以修改。")
        version = _require_version(validated)
        unchanged = ("kind", "submitting_unit", "received_on")
        if any(k in validated and validated[k] != getattr(review, k) for k in unchanged):
            raise serializers.ValidationError(
                {
                    "non_field_errors": [
                        "事项类型、报送单位和收文日期决定审查时限，不能修改；请撤回后重新报送。"
                    ]
                }
            )
        with service_errors():
            return services.request_update(
                request=review,
                version=version,
                title=validated.get("title", review.title),
                user=self.context["request"].user,
            )


class MayEditPermissions(ModelViewPermissions):
    """Submitting and editing: the reviewers (change) or the submitting department (add), the
    latter only while the request is open (checked on the record, as on the pages)."""

    perms_map = {
        **ModelViewPermissions.perms_map,
        "POST": ["%(app_label)s.add_%(model_name)s"],
        "PUT": ["%(app_label)s.add_%(model_name)s"],
        "PATCH": ["%(app_label)s.add_%(model_name)s"],
    }


class ReviewRequestViewSet(
    REVIEW.api_actions(serializer=ReviewRequestSerializer),
    RecordViewSetMixin,
    viewsets.ModelViewSet,
):
    """Legality review requests of the units within the caller's data scope. Workflow actions
    (POST, with the `version` read): start-review, issue-opinion, return, withdraw, adoption
    (legality/workflow.py)."""

    queryset = ReviewRequest.objects.none()  # read through legality/records.py
    serializer_class = ReviewRequestSerializer
    filterset_class = ReviewRequestFilter
    ordering_fields = ["received_on", "concluded_on"]
    ordering = ["-received_on", "-pk"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    permission_classes = [MayEditPermissions]

    def get_queryset(self):
        return super().get_queryset().prefetch_related("items")  # shown with each request


class OpinionItemViewSet(RecordViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = OpinionItem.objects.none()
    serializer_class = OpinionItemSerializer
    filterset_fields = ["category", "adoption"]
    ordering = ["request", "pk"]


class FilingSerializer(serializers.ModelSerializer):
    filing_unit = ScopedPrimaryKeyField(queryset=Unit.objects.all())
    filing_unit_name = serializers.CharField(source="filing_unit.name", read_only=True)
    on_time = serializers.BooleanField(read_only=True)
    version = serializers.IntegerField(required=False)

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
            "reviewed_on",
            "version",
        ]
        read_only_fields = ["due_on", "result", "reviewed_on"]

    def create(self, validated):
        validated.pop("version", None)
        user = self.context["request"].user
        if not user.has_perm("legality.change_filing"):
            validated["filed_on"] = timelimits.today()  # filed the day it is submitted
        with service_errors():
            return services.filing_register(user=user, **validated)

    def update(self, filing, validated):
        version = _require_version(validated)
        validated.pop("version")
        with service_errors():
            return services.filing_update(filing=filing, version=version, **validated)


class FilingViewSet(
    FILING.api_actions(serializer=FilingSerializer), RecordViewSetMixin, viewsets.ModelViewSet
):
    """Filings of the units within the caller's data scope; POST <id>/review/ records the
    result (with the `version` read)."""

    queryset = Filing.objects.none()
    serializer_class = FilingSerializer
    filterset_class = FilingFilter
    ordering_fields = ["filed_on", "published_on"]
    ordering = ["-filed_on", "-pk"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]


router.register("legality/requests", ReviewRequestViewSet, basename="legality-request")
router.register("legality/opinion-items", OpinionItemViewSet, basename="legality-item")
router.register("legality/filings", FilingViewSet, basename="legality-filing")
