"""/api/v1/mediation/…: committees, mediators and disputes, read and written through the same
services and data scope as the pages."""

from django.utils.translation import gettext as _
from rest_framework import serializers, viewsets

from fazhi.core.api import RecordViewSetMixin, router
from fazhi.core.drf import EDIT_VERSION_HELP, ScopedPrimaryKeyField, service_errors
from fazhi.core.validators import mask_id_number
from fazhi.mediation import selectors, services
from fazhi.mediation.filters import CommitteeFilter, DisputeFilter, MediatorFilter
from fazhi.mediation.models import Committee, Dispute, Mediator, Party
from fazhi.mediation.workflow import DISPUTE
from fazhi.org.models import Unit


def _masks_ids(serializer) -> bool:
    request = serializer.context.get("request")
    return request is None or not selectors.may_see_id_numbers(request.user)


def _shown_in_full(serializer, record) -> None:
    """Note a record whose full ID numbers the answer carries: the view logs them at once."""
    request = serializer.context.get("request")
    if request is not None:
        request._full_ids_shown = [*getattr(request, "_full_ids_shown", []), record]


class LogsFullIdsShown:
    """A viewset whose answers may carry full ID numbers puts them on the audit trail."""

    def finalize_response(self, request, response, *args, **kwargs):
        shown = getattr(request, "_full_ids_shown", None)
        if shown and response.status_code < 400:
            model = type(shown[0])
            selectors.note_full_ids_shown(
                request.user, model, [(r.pk, r) for r in shown], via=_("API")
            )
            request._full_ids_shown = []
        return super().finalize_response(request, response, *args, **kwargs)


class CommitteeSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="pk", read_only=True)
    code = serializers.CharField(source="unit.code", max_length=32)
    name = serializers.CharField(source="unit.name", max_length=100)
    parent = ScopedPrimaryKeyField(
        source="unit.parent", queryset=Unit.objects.all(), help_text="上级单位（乡镇、村或行业）"
    )
    committee_type_display = serializers.CharField(
        source="get_committee_type_display", read_only=True
    )

    class Meta:
        model = Committee
        fields = [
            "id",
            "code",
            "name",
            "parent",
            "committee_type",
            "committee_type_display",
            "has_standard_room",
            "star_rating",
            "established_on",
            "is_active",
        ]

    PARENT_KINDS = {
        Unit.Kind.DISTRICT,
        Unit.Kind.TOWNSHIP,
        Unit.Kind.VILLAGE,
        Unit.Kind.DEPARTMENT,
        Unit.Kind.JUSTICE_BUREAU,
    }

    def validate(self, data):
        unit = data.get("unit", {})
        parent = unit.get("parent")
        if parent is not None and parent.kind not in self.PARENT_KINDS:
            raise serializers.ValidationError(
                {"parent": ["调委会设在乡镇（街道）、村（社区）、区或部门之下。"]}
            )
        if self.instance is not None:
            moved = parent is not None and parent.pk != self.instance.unit.parent_id
            recoded = "code" in unit and unit["code"] != self.instance.unit.code
            if moved or recoded:
                raise serializers.ValidationError(
                    {"non_field_errors": ["单位编码和上级单位请在单位管理中修改。"]}
                )
        return data

    def create(self, validated):
        unit = validated.pop("unit")
        with service_errors():
            return services.committee_create(
                parent=unit["parent"], code=unit["code"], name=unit["name"], **validated
            )

    def update(self, committee, validated):
        unit = validated.pop("unit", {})
        with service_errors():
            return services.committee_update(
                committee=committee, name=unit.get("name"), **validated
            )


class MediatorSerializer(serializers.ModelSerializer):
    committee = ScopedPrimaryKeyField(queryset=Committee.objects.all())
    committee_name = serializers.CharField(source="committee.unit.name", read_only=True)
    employment_display = serializers.CharField(source="get_employment_display", read_only=True)

    class Meta:
        model = Mediator
        fields = [
            "id",
            "name",
            "gender",
            "id_number",
            "phone",
            "committee",
            "committee_name",
            "employment",
            "employment_display",
            "purchased_service",
            "hired_on",
            "left_on",
        ]
        # Uniqueness is the service's check (with its Chinese message), not a second query.
        validators = []

    def to_representation(self, mediator):
        data = super().to_representation(mediator)
        if _masks_ids(self):
            data["id_number"] = mask_id_number(data["id_number"])
        elif data["id_number"]:
            _shown_in_full(self, mediator)
        return data

    def create(self, validated):
        with service_errors():
            return services.mediator_create(**validated)

    def update(self, mediator, validated):
        with service_errors():
            return services.mediator_update(mediator=mediator, **validated)


class PartySerializer(serializers.ModelSerializer):
    # Checked by the service (a masked number sent back unchanged stands for the stored one).
    id_number = serializers.CharField(max_length=18, required=False, allow_blank=True)

    class Meta:
        model = Party
        fields = ["kind", "name", "gender", "id_number", "credit_code", "phone", "address"]


class DisputeSerializer(serializers.ModelSerializer):
    committee = ScopedPrimaryKeyField(queryset=Committee.objects.all())
    committee_name = serializers.CharField(source="committee.unit.name", read_only=True)
    lead_mediator = ScopedPrimaryKeyField(queryset=Mediator.objects.all())
    lead_mediator_name = serializers.CharField(source="lead_mediator.name", read_only=True)
    other_mediators = ScopedPrimaryKeyField(
        queryset=Mediator.objects.all(), many=True, required=False
    )
    parties = PartySerializer(many=True)
    dispute_type_display = serializers.CharField(source="get_dispute_type_display", read_only=True)
    source_display = serializers.CharField(source="get_source_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    agreement_amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, min_value=0
    )
    version = serializers.IntegerField(
        required=False,
        help_text=EDIT_VERSION_HELP,
    )

    class Meta:
        model = Dispute
        fields = [
            "id",
            "number",
            "committee",
            "committee_name",
            "dispute_type",
            "dispute_type_display",
            "source",
            "source_display",
            "received_on",
            "facts",
            "lead_mediator",
            "lead_mediator_name",
            "other_mediators",
            "status",
            "status_display",
            "closed_on",
            "agreement_form",
            "agreement_amount",
            "agreed_terms",
            "performance_method",
            "performance",
            "judicial_confirmation_applied_on",
            "parties",
            "version",
        ]
        read_only_fields = ["number"]
        validators = []

    def to_representation(self, dispute):
        data = super().to_representation(dispute)
        if _masks_ids(self):
            for party in data["parties"]:
                party["id_number"] = mask_id_number(party["id_number"])
        elif any(party["id_number"] for party in data["parties"]):
            _shown_in_full(self, dispute)
        return data

    def create(self, validated):
        validated.pop("version", None)
        with service_errors():
            return services.dispute_create(user=self.context["request"].user, **validated)

    def update(self, dispute, validated):
        if "version" not in validated:
            raise serializers.ValidationError(
                {"version": ["修改时必须带上读取记录时的版本号（version）。"]}
            )
        if "parties" in validated:
            validated["parties"] = _unmask(validated["parties"], list(dispute.parties.all()))
        with service_errors():
            return services.dispute_update(
                dispute=dispute, user=self.context["request"].user, **validated
            )


def _unmask(parties: list[dict], stored: list[Party]) -> list[dict]:
    """A masked ID number sent back as it was read (by a role that may not see it) keeps the
    stored number of the party at that position; any other masked value is refused."""
    for position, party in enumerate(parties):
        value = party.get("id_number") or ""
        if "*" not in value:
            continue
        original = stored[position] if position < len(stored) else None
        if original is None or original.masked_id_number != value:
            raise serializers.ValidationError(
                {"parties": {position: {"id_number": ["请填写完整的身份证号码。"]}}}
            )
        party["id_number"] = original.id_number
    return parties


class CommitteeViewSet(RecordViewSetMixin, viewsets.ModelViewSet):
    """Mediation committees within the caller's data scope."""

    queryset = Committee.objects.none()  # read through mediation/records.py
    serializer_class = CommitteeSerializer
    filterset_class = CommitteeFilter
    ordering_fields = ["unit__path", "unit__name"]
    ordering = ["unit__path"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]


class MediatorViewSet(LogsFullIdsShown, RecordViewSetMixin, viewsets.ModelViewSet):
    """Mediators of the committees within the caller's data scope."""

    queryset = Mediator.objects.none()
    serializer_class = MediatorSerializer
    filterset_class = MediatorFilter
    ordering_fields = ["name", "hired_on"]
    ordering = ["committee__unit__path", "name", "pk"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]


class DisputeViewSet(
    LogsFullIdsShown,
    DISPUTE.api_actions(serializer=DisputeSerializer),
    RecordViewSetMixin,
    viewsets.ModelViewSet,
):
    """Disputes of the committees within the caller's data scope. Filters as on the page; the
    steps (start, close) are POST actions on a dispute (mediation/workflow.py)."""

    queryset = Dispute.objects.none()
    serializer_class = DisputeSerializer
    filterset_class = DisputeFilter
    ordering_fields = ["received_on", "closed_on", "number"]
    ordering = ["-received_on", "-pk"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().prefetch_related("other_mediators")  # shown by the API


router.register("mediation/committees", CommitteeViewSet, basename="mediation-committee")
router.register("mediation/mediators", MediatorViewSet, basename="mediation-mediator")
router.register("mediation/disputes", DisputeViewSet, basename="mediation-dispute")
