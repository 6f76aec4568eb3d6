"""/api/v1/litigation/…: lawsuits and hearings within the caller's data scope, written through
the same services as the pages. A lawsuit's steps are POST actions on it, each naming the
version the caller read (a stale one answers 409)."""

from rest_framework import serializers, viewsets

from fazhi.core.api import RecordViewSetMixin, router
from fazhi.core.drf import EDIT_VERSION_HELP, ScopedPrimaryKeyField, service_errors
from fazhi.litigation import services
from fazhi.litigation.filters import LawsuitFilter
from fazhi.litigation.forms import DEFENDANT_KINDS
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.litigation.workflow import LAWSUIT
from fazhi.org.models import Unit


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
    version = serializers.IntegerField(required=False, help_text=EDIT_VERSION_HELP)

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


class LawsuitViewSet(
    LAWSUIT.api_actions(serializer=LawsuitSerializer, results={"hearing": HearingSerializer}),
    RecordViewSetMixin,
    viewsets.ModelViewSet,
):
    """Lawsuits whose defendant is within the caller's data scope. Filters as on the page."""

    queryset = Lawsuit.objects.none()  # read through litigation/records.py
    serializer_class = LawsuitSerializer
    filterset_class = LawsuitFilter
    ordering_fields = ["filed_on", "case_number"]
    ordering = ["-filed_on", "-pk"]
    http_method_names = ["get", "post", "patch", "head", "options"]


class HearingViewSet(RecordViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Hearing.objects.none()
    serializer_class = HearingSerializer
    filterset_fields = ["appearance"]
    ordering = ["lawsuit", "held_on"]


router.register("litigation/lawsuits", LawsuitViewSet, basename="litigation-lawsuit")
router.register("litigation/hearings", HearingViewSet, basename="litigation-hearing")
