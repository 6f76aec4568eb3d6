"""/api/v1/litigation/…: lawsuits and hearings within the caller's data scope, written through
the same services as the pages. A lawsuit's steps are POST actions on it, each naming the
version the caller read (a stale one answers 409)."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.core.api import ScopedViewSetMixin, router
from fazhi.core.drf import ScopedPrimaryKeyField, service_errors
from fazhi.litigation import services
from fazhi.litigation.filters import LawsuitFilter
from fazhi.litigation.forms import DEFENDANT_KINDS
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.org.models import Unit

VERSION_HELP = "读取记录时的版本号；记录在此期间被他人修改时拒绝保存（409）。"


class HearingSerializer(serializers.ModelSerializer):
    appearance_display = serializers.CharField(source="get_appearance_display", read_only=True)

    class Meta:
        model = Hearing
        fields = [
            "id",
            "lawsuit",
            "held_on",
            "appearance",
            "appearance_display",
            "official_name",
            "official_post",
        ]


class LawsuitSerializer(serializers.ModelSerializer):
    defendant = ScopedPrimaryKeyField(queryset=Unit.objects.filter(kind__in=DEFENDANT_KINDS))
    defendant_name = serializers.CharField(source="defendant.name", read_only=True)
    stage = serializers.CharField(read_only=True)
    stage_display = serializers.CharField(source="get_stage_display", read_only=True)
    outcome_display = serializers.CharField(source="get_outcome_display", read_only=True)
    version = serializers.IntegerField(
        required=False, help_text="修改时必须带上读取时的版本号；" + VERSION_HELP
    )

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
            "stage_display",
            "outcome",
            "outcome_display",
            "outcome_served_on",
            "appealed",
            "appealed_on",
            "appellant",
            "closed_on",
            "version",
        ]
        # Only the description is written here; the steps are the actions below.
        read_only_fields = [
            "complaint_received_on",
            "defence_submitted_on",
            "first_hearing_on",
            "outcome",
            "outcome_served_on",
            "appealed",
            "appealed_on",
            "appellant",
            "closed_on",
        ]
        # Uniqueness and the case number's form are the service's checks (one message each).
        validators = []
        extra_kwargs = {"case_number": {"validators": []}}

    def create(self, validated):
        validated.pop("version", None)
        with service_errors():
            return services.lawsuit_register(user=self.context["request"].user, **validated)

    def update(self, lawsuit, validated):
        if "version" not in validated:
            raise serializers.ValidationError(
                {"version": ["修改时必须带上读取记录时的版本号（version）。"]}
            )
        version = validated.pop("version")
        with service_errors():
            return services.lawsuit_update(
                lawsuit=lawsuit, version=version, user=self.context["request"].user, **validated
            )


class StepSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text=VERSION_HELP)


class DaySerializer(StepSerializer):
    on = serializers.DateField()


class HearingStepSerializer(StepSerializer):
    held_on = serializers.DateField()
    appearance = serializers.ChoiceField(choices=Hearing.Appearance.choices)
    official_name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    official_post = serializers.CharField(max_length=50, required=False, allow_blank=True)


class OutcomeStepSerializer(StepSerializer):
    outcome = serializers.ChoiceField(choices=Lawsuit.Outcome.choices)
    served_on = serializers.DateField()


class AppealStepSerializer(DaySerializer):
    appellant = serializers.ChoiceField(choices=Lawsuit.Appellant.choices)


def requires(*perms: str) -> type[permissions.BasePermission]:
    """A permission class asking for these permissions: a step is a POST, which DRF's method
    map would read as "add a lawsuit"."""

    class Requires(permissions.BasePermission):
        def has_permission(self, request, view):
            return request.user.has_perms(perms)

    return Requires


CHANGE = [requires("litigation.view_lawsuit", "litigation.change_lawsuit")]
ADD_HEARING = [requires("litigation.view_lawsuit", "litigation.add_hearing")]


class LawsuitViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """Lawsuits whose defendant is within the caller's data scope. Filters as on the page."""

    queryset = Lawsuit.objects.select_related("defendant")
    serializer_class = LawsuitSerializer
    filterset_class = LawsuitFilter
    ordering_fields = ["filed_on", "case_number"]
    ordering = ["-filed_on", "-pk"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def _step(self, request, serializer_class, service):
        lawsuit = self.get_object()  # 404 outside the caller's scope
        step = serializer_class(data=request.data)
        step.is_valid(raise_exception=True)
        with service_errors():
            result = service(lawsuit=lawsuit, user=request.user, **step.validated_data)
        if isinstance(result, Hearing):
            return Response(HearingSerializer(result).data, status=status.HTTP_201_CREATED)
        return Response(self.get_serializer(result).data)

    @extend_schema(request=DaySerializer, responses=LawsuitSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path="complaint-received",
        url_name="complaint-received",
        permission_classes=CHANGE,
    )
    def complaint_received(self, request, pk=None):
        """The complaint copy received on `on`: the 15-day defence clock starts."""
        return self._step(request, DaySerializer, services.lawsuit_complaint_received)

    @extend_schema(request=DaySerializer, responses=LawsuitSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path="defence-submitted",
        url_name="defence-submitted",
        permission_classes=CHANGE,
    )
    def defence_submitted(self, request, pk=None):
        return self._step(request, DaySerializer, services.lawsuit_defence_submitted)

    @extend_schema(request=HearingStepSerializer, responses=HearingSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path="hearings",
        url_name="hearings",
        permission_classes=ADD_HEARING,
    )
    def hearings(self, request, pk=None):
        """A hearing held; the head, a deputy head or another responsible official who
        appeared is named with their post."""
        return self._step(request, HearingStepSerializer, services.hearing_record)

    @extend_schema(request=OutcomeStepSerializer, responses=LawsuitSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path="outcome",
        url_name="outcome",
        permission_classes=CHANGE,
    )
    def outcome(self, request, pk=None):
        """The judgment or ruling served: a defence clock still running ends; an appealable
        outcome starts the appeal clock (15 / 10 days), a final one (second instance,
        withdrawal allowed) none."""
        return self._step(request, OutcomeStepSerializer, services.lawsuit_outcome)

    @extend_schema(request=AppealStepSerializer, responses=LawsuitSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path="appeal",
        url_name="appeal",
        permission_classes=CHANGE,
    )
    def appeal(self, request, pk=None):
        return self._step(request, AppealStepSerializer, services.lawsuit_appeal)

    @extend_schema(request=DaySerializer, responses=LawsuitSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path="close",
        url_name="close",
        permission_classes=CHANGE,
    )
    def close(self, request, pk=None):
        return self._step(request, DaySerializer, services.lawsuit_close)


class HearingViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Hearing.objects.all()
    serializer_class = HearingSerializer
    filterset_fields = ["appearance"]
    ordering = ["lawsuit", "held_on"]


router.register("litigation/lawsuits", LawsuitViewSet, basename="litigation-lawsuit")
router.register("litigation/hearings", HearingViewSet, basename="litigation-hearing")
