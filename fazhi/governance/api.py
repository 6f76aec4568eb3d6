"""The 依法治区 API: tasks and findings, read through the viewer's scope, with their steps
(progress, confirmation, rectification) as actions."""

from rest_framework import serializers, viewsets

from fazhi.core.api import RecordViewSetMixin, read_only_serializer, router
from fazhi.governance.models import Finding, Task
from fazhi.governance.workflow import FINDING, TASK


class TaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = Task
        fields = [
            "id",
            "plan",
            "number",
            "title",
            "lead_unit",
            "co_units",
            "leader",
            "assigned_on",
            "due_on",
            "status",
            "percent",
            "completed_on",
            "confirmed_on",
            "version",
        ]
        read_only_fields = fields


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = [
            "id",
            "inspection",
            "unit",
            "problem",
            "basis",
            "found_on",
            "due_on",
            "status",
            "rectification",
            "reported_on",
            "accepted_on",
            "returned_reason",
            "version",
        ]
        read_only_fields = fields


class TaskViewSet(
    TASK.api_actions(serializer=TaskSerializer), RecordViewSetMixin, viewsets.ReadOnlyModelViewSet
):
    queryset = Task.objects.none()
    serializer_class = TaskSerializer


class FindingViewSet(
    FINDING.api_actions(serializer=FindingSerializer),
    RecordViewSetMixin,
    viewsets.ReadOnlyModelViewSet,
):
    queryset = Finding.objects.none()
    serializer_class = FindingSerializer


router.register("governance/tasks", TaskViewSet, basename="governance-task")
router.register("governance/findings", FindingViewSet, basename="governance-finding")


def register_serializers() -> dict:
    """A serializer for every kind of 依法治区 record a figure counts."""
    from fazhi.governance import models as m
    from fazhi.governance.registers import ALL

    found = {Task: TaskSerializer, Finding: FindingSerializer}
    for _prefix, register in ALL:
        if register.model not in found:
            fields = [n for n in register.form._meta.fields if n != "evidence"]
            found[register.model] = read_only_serializer(register.model, fields)
    found[m.AssessmentResult] = read_only_serializer(
        m.AssessmentResult, ["scheme", "unit", "total", "rank"]
    )
    found[m.NoticeMention] = read_only_serializer(m.NoticeMention, ["notice", "named_unit"])
    found[m.DemonstrationParticipant] = read_only_serializer(
        m.DemonstrationParticipant, ["application", "participant"]
    )
    return found
