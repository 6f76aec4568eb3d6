from django import forms
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import StyledForm, bootstrap
from fazhi.core.registers import RegisterForm
from fazhi.core.workflow import DatedStepForm, StepForm
from fazhi.enforcement import models as m
from fazhi.org.models import Unit

DATE = forms.DateInput(attrs={"type": "date"})
TEXT = forms.Textarea(attrs={"rows": 3})
# Who holds enforcement powers: departments and townships.
ENFORCING = (Unit.Kind.DEPARTMENT, Unit.Kind.TOWNSHIP, Unit.Kind.JUSTICE_BUREAU)


class EnforcementForm(RegisterForm):
    unit_kinds = ENFORCING


class OrganForm(EnforcementForm):
    class Meta:
        model = m.Organ
        fields = ["unit", "legal_basis", "penalty", "compulsion", "inspection", "licensing"]
        widgets = {"legal_basis": forms.Textarea(attrs={"rows": 3})}


class OfficerForm(EnforcementForm):
    class Meta:
        model = m.Officer
        fields = [
            "name",
            "id_number",
            "unit",
            "post",
            "staff_status",
            "legal_qualification",
            "entrusted_organisation",
            "training_hours",
        ]


class CertificateForm(EnforcementForm):
    class Meta:
        model = m.Certificate
        fields = [
            "officer",
            "kind",
            "number",
            "issued_by",
            "issued_on",
            "expires_on",
            "status",
            "status_since",
            "renewal",
        ]
        widgets = {"issued_on": DATE, "expires_on": DATE, "status_since": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["officer"].queryset = m.Officer.objects.visible_to(viewer).select_related(
            "unit"
        )
        self.fields["renewal"].queryset = m.RenewalBatch.objects.visible_to(viewer)


class RenewalForm(EnforcementForm):
    unit_kinds = (Unit.Kind.JUSTICE_BUREAU,)

    class Meta:
        model = m.RenewalBatch
        fields = ["title", "unit", "renewed_on"]
        widgets = {"renewed_on": DATE}


class ExamSittingForm(EnforcementForm):
    unit_kinds = (Unit.Kind.JUSTICE_BUREAU,)

    class Meta:
        model = m.ExamSitting
        fields = ["title", "kind", "unit", "held_on", "pass_line"]
        widgets = {"held_on": DATE}


class ExamResultForm(StyledForm, forms.Form):
    officer = forms.ModelChoiceField(label=_("officer"), queryset=m.Officer.objects.none())
    score = forms.IntegerField(label=_("score"), min_value=0, max_value=100)

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = m.Officer.objects.visible_to(viewer).select_related(
            "unit"
        )


class CertificateReviewForm(StyledForm, forms.Form):
    year = forms.IntegerField(label=_("review year"), min_value=1990, max_value=2100)
    reviewed_on = forms.DateField(label=_("reviewed on"), widget=DATE)
    result = forms.ChoiceField(label=_("review result"), choices=m.CertificateReview.Result.choices)
    note = forms.CharField(label=_("note"), max_length=300, required=False)


# --- case-file evaluation -------------------------------------------------------------------


class RubricForm(EnforcementForm):
    unit_kinds = (Unit.Kind.JUSTICE_BUREAU,)

    class Meta:
        model = m.Rubric
        fields = ["title", "kind", "edition", "unit", "adopted_on"]
        widgets = {"adopted_on": DATE}


class RubricItemForm(StyledForm, forms.Form):
    code = forms.CharField(
        label=_("item code"), max_length=10, help_text=_("2 for an item, 2.3 for its content")
    )
    title = forms.CharField(label=_("rubric item title"), max_length=200)
    points = forms.DecimalField(
        label=_("points"), max_digits=5, decimal_places=1, min_value=0, required=False
    )
    scoring_notes = forms.CharField(label=_("scoring notes"), widget=TEXT, required=False)


class RubricCopyForm(StyledForm, forms.Form):
    edition = forms.CharField(label=_("new edition"), max_length=40)
    adopted_on = forms.DateField(label=_("adopted on"), widget=DATE)


class CampaignForm(EnforcementForm):
    unit_kinds = (Unit.Kind.JUSTICE_BUREAU,)

    class Meta:
        model = m.Campaign
        fields = [
            "title",
            "unit",
            "started_on",
            "ended_on",
            "scope",
            "files_per_organ",
            "rubrics",
            "evaluators",
            "grades",
            "rectify_days",
        ]
        widgets = {
            "started_on": DATE,
            "ended_on": DATE,
            "scope": TEXT,
            "rubrics": forms.CheckboxSelectMultiple,
            "evaluators": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        from fazhi.org.models import User

        self.fields["rubrics"].queryset = m.Rubric.objects.visible_to(viewer)
        # Evaluators: the bureau's people who may score (legal staff, invited lawyers' accounts).
        # Those whose role may score (the bureau's staff; an invited lawyer's account).
        self.fields["evaluators"].queryset = (
            User.objects.filter(is_active=True, unit__in=Unit.objects.visible_to(viewer))
            .filter(
                roles__permissions__content_type__app_label="enforcement",
                roles__permissions__codename="score_casefile",
            )
            .distinct()
            .order_by("unit__path", "username")
        )
        self.fields["evaluators"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["evaluators"].help_text = _("None chosen: anyone who may score.")


class CaseFileForm(EnforcementForm):
    class Meta:
        model = m.CaseFile
        fields = ["campaign", "organ", "case_number", "title", "kind", "decided_on", "officers"]
        widgets = {"decided_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["campaign"].queryset = m.Campaign.objects.visible_to(viewer)
        self.fields["organ"].queryset = m.Organ.objects.visible_to(viewer).select_related("unit")
        officers = m.Officer.objects.visible_to(viewer).select_related("unit")
        # The organ chosen (or given in the address, from the evaluation's page): its officers
        # only, not the whole district's.
        organ = self.data.get("organ") or self.initial.get("organ") or self.instance.organ_id
        if str(organ or "").isdigit():
            chosen = m.Organ.objects.filter(pk=organ).values("unit")
            officers = officers.filter(unit__in=chosen) if chosen else officers
        self.fields["officers"].queryset = officers
        self.fields["officers"].help_text = _(
            "The officers of the organ who handled the case, at least two; several may be chosen."
        )
        self.fields["officers"].widget.attrs["size"] = 10


class CaseScoreForm(StyledForm, forms.Form):
    """Points deducted per second-level item of the case file's rubric, with the reason."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    scored_on = forms.DateField(label=_("scored on"), widget=DATE)

    def __init__(self, *args, case_file, **kwargs):
        self.items = list(case_file.rubric.items.exclude(parent=None).select_related("parent"))
        super().__init__(*args, **kwargs)
        for item in self.items:
            self.fields[f"points_{item.pk}"] = forms.DecimalField(
                label=_("%(code)s %(item)s (%(points)s points): deducted")
                % {"code": item.code, "item": item.title, "points": m.points_text(item.points)},
                max_digits=5,
                decimal_places=1,
                min_value=0,
                required=False,
                help_text=item.scoring_notes,
            )
            self.fields[f"reason_{item.pk}"] = forms.CharField(
                label=_("Reason"), max_length=300, required=False
            )
        bootstrap(self)

    def deductions(self) -> dict:
        data = self.cleaned_data
        return {
            item.pk: (data.get(f"points_{item.pk}") or 0, data.get(f"reason_{item.pk}") or "")
            for item in self.items
        }


class ProblemForm(EnforcementForm):
    class Meta:
        model = m.Problem
        fields = ["case_file", "description", "found_on", "due_on"]
        widgets = {"found_on": DATE, "due_on": DATE, "description": TEXT}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        files = m.CaseFile.objects.visible_to(viewer).select_related("organ__unit", "campaign")
        self.fields["case_file"].queryset = files
        # From the case file's page: found today, to rectify within the evaluation's days.
        chosen = str(self.initial.get("case_file") or "")
        if not self.instance.pk and chosen.isdigit():
            case_file = files.filter(pk=chosen).first()
            if case_file is not None:
                from fazhi.enforcement.services import rectify_by
                from fazhi.timelimits.selectors import today

                self.initial.setdefault("found_on", today())
                self.initial.setdefault("due_on", rectify_by(case_file.campaign, today()))


class RectificationForm(DatedStepForm):
    on_label = _("Reported on")
    rectification = forms.CharField(label=_("What was rectified"), widget=TEXT)


class SendBackForm(StepForm):
    reason = forms.CharField(label=_("Reason for returning"), max_length=300, widget=TEXT)


# --- statistics, the three systems, complaints ----------------------------------------------


class StatisticsForm(EnforcementForm):
    class Meta:
        model = m.EnforcementReturn
        fields = [
            "organ",
            "year",
            "penalty_cases",
            "penalty_amount",
            "compulsion_cases",
            "inspections",
            "licensing_cases",
            "other_cases",
        ]

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["organ"].queryset = m.Organ.objects.visible_to(viewer).select_related("unit")


class OrganChoiceForm(EnforcementForm):
    """A register form whose organ is one the viewer keeps."""

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["organ"].queryset = m.Organ.objects.visible_to(viewer).select_related("unit")


class ReviewListForm(OrganChoiceForm):
    class Meta:
        model = m.ReviewListEntry
        fields = ["organ", "matter", "ground", "basis", "listed_on"]
        widgets = {"listed_on": DATE}


class DecisionForm(OrganChoiceForm):
    class Meta:
        model = m.Decision
        fields = [
            "organ",
            "kind",
            "number",
            "subject",
            "decided_on",
            "published_on",
            "changed_on",
            "withdrawn_on",
            "review_ground",
            "reviewed_on",
            "reviewer",
            "reviewer_first_time",
            "reviewer_qualified",
            "filing",
        ]
        widgets = dict.fromkeys(
            ("decided_on", "published_on", "changed_on", "withdrawn_on", "reviewed_on"), DATE
        )

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        from fazhi.legality.models import Filing

        self.fields["filing"].queryset = Filing.objects.visible_to(viewer)


class ComplaintForm(EnforcementForm):
    unit_kinds = (Unit.Kind.JUSTICE_BUREAU,)

    class Meta:
        model = m.Complaint
        fields = [
            "unit",
            "received_on",
            "channel",
            "complainant",
            "contact",
            "organ",
            "subject",
            "content",
        ]
        widgets = {"received_on": DATE, "content": TEXT}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["organ"].queryset = m.Organ.objects.select_related("unit")
        # The complainant's contact only to those who handle complaints, each view audited.
        if not viewer.has_perm("enforcement.handle_complaint"):
            del self.fields["contact"]
        elif self.instance.pk and self.instance.contact and not self.is_bound:
            from fazhi.core.audit import log_personal_data_viewed

            log_personal_data_viewed(
                viewer,
                m.Complaint,
                [(self.instance.pk, str(self.instance))],
                what=_("the complainant's contact"),
                via=_("edit form"),
            )


class ComplaintRejectForm(DatedStepForm):
    on_label = _("Decided on")
    reason = forms.CharField(label=_("Why it is not accepted"), widget=TEXT)


class ComplaintExtendForm(DatedStepForm):
    on_label = _("Approved on")
    days = forms.IntegerField(label=_("Days of extension"), min_value=1, max_value=365)
    reason = forms.CharField(label=_("Reason for the extension"), max_length=300)
    approved_by = forms.CharField(label=_("Approved by"), max_length=50)


class ComplaintConcludeForm(DatedStepForm):
    on_label = _("Concluded on")
    outcome = forms.ChoiceField(
        label=_("complaint outcome"),
        choices=[c for c in m.Complaint.Outcome.choices if c[0] != "NOT_ACCEPTED"],
    )
    outcome_text = forms.CharField(label=_("how it was handled"), widget=TEXT)
