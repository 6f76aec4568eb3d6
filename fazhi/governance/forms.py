"""Forms of the 依法治区 pages: they collect and type the input; the rules are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import StyledForm
from fazhi.core.registers import RegisterForm
from fazhi.core.workflow import DatedStepForm, StepForm
from fazhi.governance import models as m
from fazhi.org.models import Unit

DATE = forms.DateInput(attrs={"type": "date"})
TEXT = forms.Textarea(attrs={"rows": 3})
UNITS = forms.CheckboxSelectMultiple


# The organs the office works with: the district's party and government offices, departments,
# townships, the bureau and the court — not the mediation committees or service sites.
ORGANS = (
    Unit.Kind.PARTY_OFFICE,
    Unit.Kind.JUSTICE_BUREAU,
    Unit.Kind.DEPARTMENT,
    Unit.Kind.TOWNSHIP,
    Unit.Kind.COURT,
)
# Whom the assessment scores and whose own annual reports the office tracks.
ASSESSED = (Unit.Kind.DEPARTMENT, Unit.Kind.TOWNSHIP)


def organs_for(viewer):
    return Unit.objects.visible_to(viewer).filter(kind__in=ORGANS, is_active=True).order_by("path")


class OrganForm(RegisterForm):
    unit_kinds = ORGANS


class BodyForm(OrganForm):
    class Meta:
        model = m.Body
        fields = ["kind", "name", "unit", "established_on", "dissolved_on", "rules"]
        widgets = {"established_on": DATE, "dissolved_on": DATE, "rules": TEXT}


class BodyMemberForm(StyledForm, forms.Form):
    member_unit = forms.ModelChoiceField(label=_("member unit"), queryset=Unit.objects.none())
    post = forms.CharField(label=_("post in the body"), max_length=60)

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member_unit"].queryset = organs_for(viewer)


class MeetingForm(OrganForm):
    class Meta:
        model = m.Meeting
        fields = ["body", "title", "held_on", "topics", "decisions"]
        widgets = {"held_on": DATE, "topics": TEXT, "decisions": TEXT}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["body"].queryset = m.Body.objects.visible_to(viewer)


class WorkPlanForm(OrganForm):
    class Meta:
        model = m.WorkPlan
        fields = ["year", "title", "document_number", "unit", "issued_on"]
        widgets = {"issued_on": DATE}


class TaskForm(OrganForm):
    co_units = forms.ModelMultipleChoiceField(
        label=_("co-operating units"), queryset=Unit.objects.none(), required=False, widget=UNITS
    )

    class Meta:
        model = m.Task
        fields = [
            "plan",
            "meeting",
            "number",
            "title",
            "lead_unit",
            "co_units",
            "leader",
            "assigned_on",
            "due_on",
        ]
        widgets = {"assigned_on": DATE, "due_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["plan"].queryset = m.WorkPlan.objects.visible_to(viewer)
        self.fields["meeting"].queryset = m.Meeting.objects.visible_to(viewer)
        if not self.instance.pk:
            from fazhi.timelimits.selectors import today

            self.fields["assigned_on"].initial = today()


class InspectionForm(OrganForm):
    inspected_units = forms.ModelMultipleChoiceField(
        label=_("units inspected"), queryset=Unit.objects.none(), widget=UNITS
    )

    class Meta:
        model = m.Inspection
        fields = [
            "kind",
            "title",
            "document_number",
            "unit",
            "started_on",
            "ended_on",
            "inspected_units",
        ]
        widgets = {"started_on": DATE, "ended_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)


class FindingForm(OrganForm):
    class Meta:
        model = m.Finding
        fields = ["inspection", "unit", "problem", "basis", "found_on", "due_on"]
        widgets = {"found_on": DATE, "due_on": DATE, "problem": TEXT}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        inspections = m.Inspection.objects.visible_to(viewer)
        self.fields["inspection"].queryset = inspections
        # Once the inspection is known, only the units it covered are offered.
        chosen = self.data.get("inspection") or self.initial.get("inspection")
        chosen = chosen or getattr(self.instance, "inspection_id", None)
        inspection = inspections.filter(pk=chosen).first() if str(chosen or "").isdigit() else None
        if inspection is not None:
            units = self.fields["unit"].queryset
            self.fields["unit"].queryset = units.filter(
                pk__in=inspection.inspected_units.values("pk")
            )


class NoticeForm(OrganForm):
    named_units = forms.ModelMultipleChoiceField(
        label=_("units named"), queryset=Unit.objects.none(), widget=UNITS
    )

    class Meta:
        model = m.Notice
        fields = ["tone", "title", "document_number", "unit", "issued_on", "inspection"]
        widgets = {"issued_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["inspection"].queryset = m.Inspection.objects.visible_to(viewer)
        if self.instance.pk:
            self.initial["named_units"] = list(
                self.instance.mentions.values_list("named_unit", flat=True)
            )


class HonourForm(OrganForm):
    class Meta:
        model = m.Honour
        fields = [
            "honoured",
            "title",
            "level",
            "conferred_by",
            "conferred_on",
            "document_number",
            "unit",
            "evidence",
        ]
        widgets = {"conferred_on": DATE}


class InnovationEntryForm(OrganForm):
    class Meta:
        model = m.InnovationEntry
        fields = ["title", "unit", "contest", "awarded_on", "result", "page_views", "likes"]
        widgets = {"awarded_on": DATE}


class MediaReportForm(OrganForm):
    class Meta:
        model = m.MediaReport
        fields = ["outlet", "headline", "published_on", "subject", "unit"]
        widgets = {"published_on": DATE}


class ResearchTopicForm(OrganForm):
    class Meta:
        model = m.ResearchTopic
        fields = ["title", "unit", "started_on", "finished_on", "result"]
        widgets = {"started_on": DATE, "finished_on": DATE, "result": TEXT}


class TopicReportForm(OrganForm):
    class Meta:
        model = m.TopicReport
        fields = [
            "kind",
            "title",
            "recipient",
            "reported_on",
            "unit",
            "instruction",
            "instructed_on",
        ]
        widgets = {"reported_on": DATE, "instructed_on": DATE, "instruction": TEXT}


class DemonstrationForm(OrganForm):
    participating_units = forms.ModelMultipleChoiceField(
        label=_("units taking part"), queryset=Unit.objects.none(), widget=UNITS
    )

    class Meta:
        model = m.DemonstrationApplication
        fields = ["kind", "title", "unit", "edition", "started_on", "submitted_on", "status"]
        widgets = {"started_on": DATE, "submitted_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        if self.instance.pk:
            self.initial["participating_units"] = list(
                self.instance.participants.values_list("participant", flat=True)
            )


# --- steps ----------------------------------------------------------------------------------


class ProgressForm(DatedStepForm):
    on_label = _("Reported on")
    text = forms.CharField(label=_("Progress"), widget=TEXT)
    percent = forms.IntegerField(label=_("Percent done"), min_value=0, max_value=100)
    attachment = forms.FileField(label=_("Attachment"), required=False, validators=m.EVIDENCE)


class ReturnForm(StepForm):
    reason = forms.CharField(label=_("Reason for returning"), max_length=300, widget=TEXT)


class RectificationForm(DatedStepForm):
    on_label = _("Reported on")
    rectification = forms.CharField(label=_("What was rectified"), widget=TEXT)
    evidence = forms.FileField(label=_("Evidence"), required=False, validators=m.EVIDENCE)


class AssessmentSchemeForm(OrganForm):
    class Meta:
        model = m.AssessmentScheme
        fields = ["year", "title", "document_number", "unit", "pass_line", "city_score"]


class AssessmentItemForm(StyledForm, forms.Form):
    name = forms.CharField(label=_("Assessment item"), max_length=200)
    points = forms.DecimalField(label=_("Points"), max_digits=6, decimal_places=2, min_value=0)


def assessed_for(viewer):
    units = Unit.objects.visible_to(viewer).filter(kind__in=ASSESSED, is_active=True)
    return units.order_by("path")


class ScoreForm(StyledForm, forms.Form):
    """A unit's deductions, one pair of fields per item of the scheme (the unit chosen first,
    so that its earlier deductions are shown, never silently replaced)."""

    # The unit's result as the scorer saw it ("" when not scored yet): see the service.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, scheme, **kwargs):
        self.scheme = scheme
        self.items = list(scheme.items.all())
        super().__init__(*args, **kwargs)
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.DecimalField(
                label=_("%(item)s: points deducted") % {"item": item},
                max_digits=6,
                decimal_places=2,
                min_value=0,
                max_value=item.points,
                required=False,
            )
            self.fields[f"reason_{item.pk}"] = forms.CharField(
                label=_("Reason"), max_length=300, required=False
            )
        from fazhi.core.forms import bootstrap

        bootstrap(self)

    def deductions(self) -> dict:
        data = self.cleaned_data
        return {
            item.pk: (data.get(f"item_{item.pk}") or 0, data.get(f"reason_{item.pk}") or "")
            for item in self.items
        }


class LeaderDutyForm(OrganForm):
    class Meta:
        model = m.LeaderDuty
        fields = [
            "unit",
            "year",
            "leader_name",
            "leader_post",
            "study_sessions",
            "agenda_items",
            "report_form",
            "reported_on",
            "evaluation_score",
            "assessment_points",
        ]
        widgets = {"reported_on": DATE}


class UnitReportForm(OrganForm):
    class Meta:
        model = m.UnitReport
        fields = [
            "unit",
            "year",
            "sent_on",
            "published_on",
            "published_at",
            "has_required_parts",
            "report",
        ]
        widgets = {"sent_on": DATE, "published_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        from fazhi.reports.models import AnnualReport

        self.fields["report"].queryset = AnnualReport.objects.visible_to(viewer)


class OpenYearForm(StyledForm, forms.Form):
    year = forms.IntegerField(label=_("Year reported on"), min_value=2000, max_value=2999)


class ModelVillageForm(OrganForm):
    unit_kinds = (Unit.Kind.TOWNSHIP,)

    class Meta:
        model = m.ModelVillage
        fields = ["name", "unit", "level", "named_on", "named_by", "evidence"]
        widgets = {"named_on": DATE}


class RecheckForm(DatedStepForm):
    on_label = _("Re-checked on")
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (m.ModelVillage.Status.RETAINED, m.ModelVillage.Status.RETAINED.label),
            (m.ModelVillage.Status.REVOKED, m.ModelVillage.Status.REVOKED.label),
            (m.ModelVillage.Status.CANCELLED, m.ModelVillage.Status.CANCELLED.label),
        ],
    )


class IndicatorWorkForm(StyledForm, forms.Form):
    lead_units = forms.ModelMultipleChoiceField(
        label=_("lead units"), queryset=Unit.objects.none(), required=False, widget=UNITS
    )
    self_score = forms.DecimalField(
        label=_("self-assessed score"), max_digits=6, decimal_places=2, required=False, min_value=0
    )
    gaps = forms.CharField(label=_("gaps"), required=False, widget=TEXT)
    evidence = forms.FileField(label=_("evidence"), required=False, validators=m.EVIDENCE)

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_units"].queryset = organs_for(viewer)
