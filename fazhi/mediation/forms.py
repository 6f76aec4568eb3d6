"""Forms of the mediation pages. They only collect and type the input: the rules live in
`rules.py` and the writes in `services.py`, whose errors the views put back on the fields."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import StyledForm, put_errors  # noqa: F401 - put_errors for views
from fazhi.core.validators import validate_credit_code, validate_id_number
from fazhi.core.workflow import DATE, StepForm
from fazhi.mediation.models import Committee, Dispute, Mediator, Party
from fazhi.org.models import Unit


class CommitteeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, committee):
        return committee.unit.name


class MediatorSelect(forms.Select):
    """Each option names its committee, so the page can offer only the chosen committee's
    mediators as lead mediator."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if getattr(value, "instance", None) is not None:
            option["attrs"]["data-parent"] = value.instance.committee_id
        return option


class MediatorChoiceField(forms.ModelChoiceField):
    widget = MediatorSelect

    def label_from_instance(self, mediator):
        return f"{mediator.name}（{mediator.get_employment_display()}，{mediator.committee.unit.name}）"


class MediatorsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, mediator):
        return f"{mediator.name}（{mediator.committee.unit.name}）"


class DisputeForm(StyledForm, forms.ModelForm):
    committee = CommitteeChoiceField(label=_("Mediation committee"), queryset=Committee.objects)
    lead_mediator = MediatorChoiceField(
        label=_("Lead mediator"),
        queryset=Mediator.objects,
        widget=MediatorSelect(attrs={"data-narrow-by": "id_committee"}),
    )
    other_mediators = MediatorsChoiceField(
        label=_("Other mediators"), queryset=Mediator.objects, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Dispute
        fields = [
            "committee",
            "dispute_type",
            "source",
            "received_on",
            "lead_mediator",
            "other_mediators",
            "facts",
        ]
        widgets = {"received_on": DATE, "facts": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        # Active committees and mediators in post, plus whatever the record already names (a
        # dispute of 2019 keeps its lead mediator who has since left).
        current = self.instance if self.instance.pk else None
        keep_committee = Q(pk=current.committee_id) if current else Q(pk__in=[])
        keep_mediators = Q(pk__in=[])
        if current:
            named = [
                current.lead_mediator_id,
                *current.other_mediators.values_list("pk", flat=True),
            ]
            keep_mediators = Q(pk__in=named)
        committees = Committee.objects.visible_to(viewer).filter(Q(is_active=True) | keep_committee)
        self.fields["committee"].queryset = committees.select_related("unit").order_by("unit__path")
        mediators = (
            Mediator.objects.visible_to(viewer)
            .filter(Q(left_on__isnull=True) | keep_mediators)
            .select_related("committee__unit")
            .order_by("committee__unit__path", "name")
        )
        self.fields["lead_mediator"].queryset = mediators
        self.fields["other_mediators"].queryset = mediators
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def _post_clean(self):
        # The model's own validation runs in the service, with the parties and the number.
        pass


def _outcome_status():
    return forms.ChoiceField(
        label=_("Outcome"),
        choices=[(s.value, s.label) for s in Dispute.CLOSED],
        widget=forms.RadioSelect,
    )


OUTCOME_WIDGETS = {
    "closed_on": DATE,
    "judicial_confirmation_applied_on": DATE,
    "agreed_terms": forms.Textarea(attrs={"rows": 4}),
    "performance_method": forms.Textarea(attrs={"rows": 2}),
}


class OutcomeForm(StyledForm, forms.ModelForm):
    """How the mediation ended, on the edit page of a concluded dispute (the close step's form
    is `CloseForm`, with the same fields)."""

    status = _outcome_status()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Dispute
        fields = list(Dispute.OUTCOME_FIELDS)
        widgets = OUTCOME_WIDGETS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].required = True
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def _post_clean(self):
        pass


def _close_fields() -> dict:
    fields = forms.fields_for_model(
        Dispute, fields=list(Dispute.OUTCOME_FIELDS), widgets=OUTCOME_WIDGETS
    )
    fields["status"] = _outcome_status()
    fields["closed_on"].required = True
    return fields


# The close step's form: the outcome's fields as the edit page has them.
CloseForm = type(
    "CloseForm",
    (StepForm,),
    {
        **_close_fields(),
        "note": _(
            "An agreement, its amount, performance and judicial confirmation are recorded only "
            "when the mediation succeeded."
        ),
    },
)


class PartyForm(StyledForm, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Party.Kind.choices, initial="PERSON")
    name = forms.CharField(label=_("Name"), max_length=100)
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=[("", "—"), *Party._meta.get_field("gender").choices],
        required=False,
    )
    identifier = forms.CharField(
        label=_("ID number or credit code"),
        max_length=18,
        required=False,
        widget=forms.TextInput(
            attrs={
                "placeholder": _("A person's resident ID number, or an organisation's credit code.")
            }
        ),
    )
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    widths = {"gender": "col-md-1", "identifier": "col-md-3"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, col in self.widths.items():
            self.fields[name].col = col  # read by core/_form_fields.html

    def clean(self):
        data = super().clean()
        identifier = (data.get("identifier") or "").strip().upper()
        kind = data.get("kind")
        if "*" in identifier and kind != Party.Kind.ORGANISATION:
            pass  # a masked number shown to a role that may not read it: the view keeps the stored one
        elif identifier:
            try:
                if kind == Party.Kind.ORGANISATION:
                    validate_credit_code(identifier)
                else:
                    validate_id_number(identifier)
            except ValidationError as error:
                self.add_error("identifier", error)
        if kind == Party.Kind.ORGANISATION:
            data["gender"] = ""
        data["identifier"] = identifier
        return data

    def as_party(self) -> dict:
        data = self.cleaned_data
        organisation = data["kind"] == Party.Kind.ORGANISATION
        return {
            "kind": data["kind"],
            "name": data["name"],
            "gender": data.get("gender") or "",
            "id_number": "" if organisation else data["identifier"],
            "credit_code": data["identifier"] if organisation else "",
            "phone": data.get("phone") or "",
            "address": data.get("address") or "",
        }

    @staticmethod
    def initial_for(party: Party, *, full_ids: bool) -> dict:
        return {
            "kind": party.kind,
            "name": party.name,
            "gender": party.gender,
            "identifier": (party.id_number if full_ids else party.masked_id_number)
            or party.credit_code,
            "phone": party.phone,
            "address": party.address,
        }


PartyFormSet = forms.formset_factory(
    PartyForm, extra=0, min_num=1, validate_min=True, max_num=20, can_delete=True
)
# A new dispute offers two parties; the second may stay blank.
NewPartyFormSet = forms.formset_factory(
    PartyForm, extra=1, min_num=1, validate_min=True, max_num=20, can_delete=True
)


def parties_from(formset, stored: list[Party]) -> list[dict] | None:
    """The parties the formset describes, with a masked ID number that was left as shown
    replaced by the stored one (the editor may not read it, and did not change it). None, with
    the errors on the forms, when a masked number no longer matches its party."""
    parties, ok = [], True
    for position, form in enumerate(formset.forms):
        if not form.cleaned_data or form.cleaned_data.get("DELETE"):
            continue
        party = form.as_party()
        if "*" in party["id_number"]:
            original = stored[position] if position < len(stored) else None
            if original is None or original.masked_id_number != party["id_number"]:
                form.add_error("identifier", _("Enter the whole ID number."))
                ok = False
                continue
            party["id_number"] = original.id_number
        parties.append(party)
    return parties if ok else None


class CommitteeForm(StyledForm, forms.ModelForm):
    name = forms.CharField(label=_("Name"), max_length=100)
    code = forms.CharField(
        label=_("Unit code"),
        max_length=32,
        help_text=_("Letters, digits and hyphens, unique in the district, e.g. 510704101-c31."),
    )
    parent = forms.ModelChoiceField(
        label=_("Parent unit"),
        queryset=Unit.objects,
        help_text=_("The township, village or department the committee works under."),
    )

    class Meta:
        model = Committee
        fields = [
            "committee_type",
            "has_standard_room",
            "star_rating",
            "established_on",
            "is_active",
        ]
        widgets = {"established_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = (
            Unit.objects.visible_to(viewer)
            .filter(
                kind__in=[
                    Unit.Kind.DISTRICT,
                    Unit.Kind.TOWNSHIP,
                    Unit.Kind.VILLAGE,
                    Unit.Kind.DEPARTMENT,
                    Unit.Kind.JUSTICE_BUREAU,
                ]
            )
            .order_by("path")
        )
        if self.instance.pk:
            del self.fields["code"]
            del self.fields["parent"]
            self.fields["name"].initial = self.instance.unit.name

    def _post_clean(self):
        pass


class MediatorForm(StyledForm, forms.ModelForm):
    committee = CommitteeChoiceField(label=_("Mediation committee"), queryset=Committee.objects)

    class Meta:
        model = Mediator
        fields = [
            "name",
            "gender",
            "id_number",
            "phone",
            "committee",
            "employment",
            "purchased_service",
            "hired_on",
            "left_on",
        ]
        widgets = {"hired_on": DATE, "left_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = (
            Committee.objects.visible_to(viewer).select_related("unit").order_by("unit__path")
        )

    def _post_clean(self):
        pass
