"""/api/v1/legality/…: review requests (submit, review, conclude), opinion items and filings
(register, review), through the same services and data scope as the pages."""

from django.db import transaction
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from fazhi.core.api import ScopedViewSetMixin, router
from fazhi.core.drf import (
    ModelChangePermissions,
    ModelViewPermissions,
    ScopedPrimaryKeyField,
    service_errors,
)
from fazhi.legality import selectors, services
from fazhi.legality.filters import FilingFilter, ReviewRequestFilter
from fazhi.legality.forms import reviewers_for
from fazhi.legality.models import Filing, OpinionItem, ReviewRequest
from fazhi.legality.selectors import may_edit
from fazhi.org.models import Unit, User
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


class DatedActionSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    on = serializers.DateField()


class StartReviewSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    reviewers = serializers.PrimaryKeyRelatedField(
        many=True, queryset=User.objects.all(), required=False
    )

    def validate_reviewers(self, users):
        allowed = set(reviewers_for(self.context["request"].user).values_list("pk", flat=True))
        if any(u.pk not in allowed for u in users):
            raise serializers.ValidationError("审查人员须是可以办理合法性审查的人员。")
        return users


class NewItemSerializer(serializers.Serializer):
    text = serializers.CharField()
    category = serializers.ChoiceField(choices=OpinionItem.Category.choices)
    adoption = serializers.ChoiceField(
        choices=OpinionItem.Adoption.choices, default=OpinionItem.Adoption.PENDING
    )


class OpinionSerializer(DatedActionSerializer):
    with_letter = serializers.BooleanField(default=True)
    signed_opinion = serializers.CharField(required=False, allow_blank=True, default="")
    items = NewItemSerializer(many=True, required=False, default=list)


class MayEditPermissions(ModelViewPermissions):
    """Editing and withdrawing: the reviewers (change) or the submitting department (add),
    the latter only while the request is open (checked on the record, as on the pages)."""

    perms_map = {
        **ModelViewPermissions.perms_map,
        "POST": ["%(app_label)s.add_%(model_name)s"],
        "PUT": ["%(app_label)s.add_%(model_name)s"],
        "PATCH": ["%(app_label)s.add_%(model_name)s"],
    }


class ReviewRequestViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """Legality review requests of the units within the caller's data scope. Workflow actions
    (POST, with the `version` read): start-review, issue-opinion, return, withdraw."""

    queryset = ReviewRequest.objects.select_related("submitting_unit").prefetch_related("items")
    serializer_class = ReviewRequestSerializer
    filterset_class = ReviewRequestFilter
    ordering_fields = ["received_on", "concluded_on"]
    ordering = ["-received_on", "-pk"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    permission_classes = [MayEditPermissions]

    def _act(self, serializer_class, service, **extra):
        review = self.get_object()
        data = serializer_class(data=self.request.data, context={"request": self.request})
        data.is_valid(raise_exception=True)
        with service_errors(), transaction.atomic():
            review = service(request=review, user=self.request.user, **data.validated_data, **extra)
        return Response(ReviewRequestSerializer(review, context={"request": self.request}).data)

    @action(
        detail=True,
        methods=["post"],
        url_path="start-review",
        permission_classes=[ModelChangePermissions],
    )
    def start_review(self, request, pk=None):
        return self._act(StartReviewSerializer, services.request_start_review)

    @action(
        detail=True,
        methods=["post"],
        url_path="issue-opinion",
        permission_classes=[ModelChangePermissions],
    )
    def issue_opinion(self, request, pk=None):
        return self._act(
            OpinionSerializer,
            services.request_issue_opinion,
            reviewing_unit=selectors.reviewing_unit_for(request.user),
        )

    @action(
        detail=True,
        methods=["post"],
        url_path="return",
        url_name="return",
        permission_classes=[ModelChangePermissions],
    )
    def return_(self, request, pk=None):
        return self._act(DatedActionSerializer, services.request_return)

    @action(detail=True, methods=["post"], permission_classes=[MayEditPermissions])
    def withdraw(self, request, pk=None):
        """The submitting department may withdraw its request while it is open."""
        if not may_edit(request.user, self.get_object()):
            raise PermissionDenied("只有审查人员或报送单位（在办理完成前）可以撤回。")
        return self._act(DatedActionSerializer, services.request_withdraw)


class OpinionItemViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = OpinionItem.objects.all()
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


class FilingReviewSerializer(DatedActionSerializer):
    result = serializers.ChoiceField(choices=Filing.Result.choices)


class FilingViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """Filings of the units within the caller's data scope; POST <id>/review/ records the
    result (with the `version` read)."""

    queryset = Filing.objects.select_related("filing_unit")
    serializer_class = FilingSerializer
    filterset_class = FilingFilter
    ordering_fields = ["filed_on", "published_on"]
    ordering = ["-filed_on", "-pk"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    @action(detail=True, methods=["post"], permission_classes=[ModelChangePermissions])
    def review(self, request, pk=None):
        filing = self.get_object()
        data = FilingReviewSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with service_errors():
            filing = services.filing_review(filing=filing, user=request.user, **data.validated_data)
        return Response(FilingSerializer(filing, context={"request": request}).data)


router.register("legality/requests", ReviewRequestViewSet, basename="legality-request")
router.register("legality/opinion-items", OpinionItemViewSet, basename="legality-item")
router.register("legality/filings", FilingViewSet, basename="legality-filing")
