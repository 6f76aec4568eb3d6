"""/api/v1/reconsideration/cases/: read, register, correct and take each workflow step, through
the same services and data scope as the pages. Every write names the `version` read; a case
saved by someone else meanwhile answers 409. The steps (accept, decide …) are POST actions on a
case, made from reconsideration/workflow.py."""

from rest_framework import serializers, viewsets

from fazhi.core.api import RecordViewSetMixin, router
from fazhi.core.drf import EDIT_VERSION_HELP, ScopedPrimaryKeyField, service_errors
from fazhi.org.models import Unit
from fazhi.reconsideration import services
from fazhi.reconsideration.filters import CaseFilter
from fazhi.reconsideration.forms import RESPONDENT_KINDS
from fazhi.reconsideration.models import Case
from fazhi.reconsideration.workflow import CASE


class CaseSerializer(serializers.ModelSerializer):
    respondent = ScopedPrimaryKeyField(queryset=Unit.objects.filter(kind__in=RESPONDENT_KINDS))
    respondent_name = serializers.CharField(source="respondent.name", read_only=True)
    law_display = serializers.CharField(source="get_law_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    procedure_display = serializers.CharField(source="get_procedure_display", read_only=True)
    decision_display = serializers.CharField(source="get_decision_display", read_only=True)
    version = serializers.IntegerField(required=False, help_text=EDIT_VERSION_HELP)

    class Meta:
        model = Case
        fields = [
            "id",
            "applicants",
            "agent",
            "respondent",
            "respondent_name",
            "act_type",
            "act_number",
            "act_date",
            "received_on",
            "law",
            "law_display",
            "status",
            "status_display",
            "supplement_requested_on",
            "supplement_received_on",
            "accepted_on",
            "procedure",
            "procedure_display",
            "not_accepted_on",
            "copy_sent_on",
            "reply_received_on",
            "hearing_held_on",
            "decision",
            "decision_display",
            "decided_on",
            "decision_number",
            "lawsuit_followed",
            "version",
        ]
        # The steps' dates and outcomes change only through the steps (the actions below).
        read_only_fields = [
            "status",
            "supplement_requested_on",
            "supplement_received_on",
            "accepted_on",
            "procedure",
            "not_accepted_on",
            "copy_sent_on",
            "reply_received_on",
            "hearing_held_on",
            "decision",
            "decided_on",
            "decision_number",
        ]

    def create(self, validated):
        validated.pop("version", None)
        if validated.pop("lawsuit_followed", False):
            raise serializers.ValidationError(
                {"lawsuit_followed": ["新登记的申请尚未办结，不能标记为复议后起诉。"]}
            )
        with service_errors():
            return services.case_register(user=self.context["request"].user, **validated)

    def update(self, case, validated):
        if "version" not in validated:
            raise serializers.ValidationError(
                {"version": ["修改时必须带上读取记录时的版本号（version）。"]}
            )
        # The respondent and the day received decide the scope, the law and the clocks.
        fixed = {
            name: ["登记后不能修改；登记有误的，请作废后重新登记。"]
            for name in ("respondent", "received_on")
            if name in validated and validated[name] != getattr(case, name)
        }
        if fixed:
            raise serializers.ValidationError(fixed)
        fields = {k: v for k, v in validated.items() if k in services.DESCRIPTIVE_FIELDS}
        with service_errors():
            return services.case_update(
                case=case, version=validated["version"], user=self.context["request"].user, **fields
            )


class CaseViewSet(
    CASE.api_actions(serializer=CaseSerializer), RecordViewSetMixin, viewsets.ModelViewSet
):
    """Reconsideration cases whose respondent is within the caller's data scope. Filters as on
    the page; the workflow steps are POST actions on a case."""

    queryset = Case.objects.none()  # read through reconsideration/records.py
    serializer_class = CaseSerializer
    filterset_class = CaseFilter
    ordering_fields = ["received_on", "accepted_on", "decided_on"]
    ordering = ["-received_on", "-pk"]
    http_method_names = ["get", "post", "patch", "head", "options"]


router.register("reconsideration/cases", CaseViewSet, basename="reconsideration-case")
