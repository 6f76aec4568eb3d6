"""Forms of the legality pages: they collect and type the input; the rules live in services."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers as drf

from fazhi.core.forms import MultipleFileField, StyledForm, bootstrap
from fazhi.core.workflow import DATE, DatedStepForm, StepForm
from fazhi.legality.filters import SUBMITTING_KINDS
from fazhi.legality.models import (
    ATTACHMENT_TYPES,
    Filing,
    LegalAdvisor,
    OpinionItem,
    ReviewRequest,
)
from fazhi.legality.selectors import reviewing_unit_for
from fazhi.org.models import Unit, User
from fazhi.timelimits.selectors import today

ACCEPT = ",".join(f".{t}" for t in ATTACHMENT_TYPES)


def _files_field(required=False):
    field = MultipleFileField(
        label=_("Files"),
        required=required,
        help_text=_(
            "The draft, its basis and explanation; PDF, Word, WPS, OFD, Excel, images or ZIP, at most 20 MB each."
        ),
    )
    field.widget.attrs["accept"] = ACCEPT
    return field


def units_for(viewer):
    """The units a viewer may submit or file for: those of their data scope."""
    return Unit.objects.visible_to(viewer).filter(kind__in=SUBMITTING_KINDS).order_by("path")


def reviewers_for(viewer):
    """Who may be named a reviewer: active users the viewer may see whose roles grant the
    review (change) permission, or superusers."""
    may_review = Q(
        roles__permissions__codename="change_reviewrequest",
        roles__permissions__content_type__app_label="legality",
    )
    return (
        User.objects.visible_to(viewer)
        .filter(is_active=True)
        .filter(may_review | Q(is_superuser=True))
        .distinct()
        .order_by("unit__path", "username")
    )


class VersionForm(StyledForm, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RequestForm(StyledForm, forms.ModelForm):
    files = _files_field()

    class Meta:
        model = ReviewRequest
        fields = ["kind", "submitting_unit", "title", "received_on"]
        widgets = {"received_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_for(viewer)
        self.fields["submitting_unit"].queryset = units
        if len(units) == 1:
            self.fields["submitting_unit"].initial = units[0].pk
        if viewer.has_perm("legality.change_reviewrequest"):
            self.fields["received_on"].initial = today()
        else:  # a department's submission is received the day it is made
            del self.fields["received_on"]
        self.fields["title"].widget.attrs["placeholder"] = _(
            "e.g. 关于印发某某管理办法的通知（送审稿）"
        )
        self.fields["title"].col = "col-md-8"


class RequestEditForm(VersionForm):
    title = forms.CharField(label=_("title"), max_length=200)
    files = _files_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].col = "col-md-8"
        bootstrap(self)


class StartReviewForm(StepForm):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Reviewers"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = reviewers_for(self.user)
        self.fields["reviewers"].initial = [self.user.pk]
        self.fields["reviewers"].error_messages["invalid_choice"] = _(
            "Reviewers are staff who may handle legality review."
        )
        bootstrap(self)


class OpinionForm(DatedStepForm):
    """The opinions and how the review concludes: a numbered letter or a signed opinion. The
    opinion items come as a formset on the page (`item-0-text` …), as a list from the API."""

    on_label = _("Issued on")
    with_letter = forms.BooleanField(
        label=_("Issue a numbered opinion letter (合法性审查意见书)"), required=False, initial=True
    )
    signed_opinion = forms.CharField(
        label=_("Signed opinion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For meeting agenda items: the opinion signed, when no letter is issued."),
    )
    note = _(
        "A numbered opinion letter takes the next number of the bureau's letter series on "
        "saving. A meeting agenda item may instead carry the opinion signed on it."
    )
    page_template = "legality/_opinion_items.html"
    api_defaults = {"with_letter": True}
    api_schema = {
        "items": drf.ListField(
            child=drf.DictField(),
            required=False,
            help_text="意见建议：[{text, category, adoption}]，category 与 adoption 取值同意见条目",
        )
    }

    def __init__(self, data=None, files=None, *, api=False, **kwargs):
        super().__init__(data, files, api=api, **kwargs)
        self.api = api
        if api and data is not None:
            data = _items_as_formset(data.get("items") or [])
        self.items = ItemFormSet(data, prefix="item")
        self.fields["on"].initial = max(today(), self.record.received_on)
        if self.record.kind == ReviewRequest.Kind.MEETING_TOPIC:
            self.fields["with_letter"].initial = False
        bootstrap(self)

    def clean(self):
        data = super().clean()
        if not self.items.is_valid():
            if self.api:  # the page shows them on the items themselves
                for n, errors in enumerate(self.items.errors, start=1):
                    for messages in errors.values():
                        self.add_error(None, f"第{n}条意见：{'；'.join(messages)}")
            else:
                self.add_error(None, _("Correct the opinions marked below."))
        return data

    def service_arguments(self) -> dict:
        arguments = super().service_arguments()
        arguments["items"] = [
            f.cleaned_data for f in self.items if f.cleaned_data.get("text", "").strip()
        ]
        arguments["reviewing_unit"] = reviewing_unit_for(self.user)
        return arguments


def _items_as_formset(items) -> dict:
    """Opinion items sent as a JSON list, in the formset's form."""
    items = items if isinstance(items, list) else []
    data = {"item-TOTAL_FORMS": len(items), "item-INITIAL_FORMS": 0}
    for n, item in enumerate(items):
        for name, value in (item if isinstance(item, dict) else {}).items():
            data[f"item-{n}-{name}"] = value
    return data


class ItemForm(StyledForm, forms.ModelForm):
    class Meta:
        model = OpinionItem
        # adoption: PENDING on the page; an API caller may say it already
        fields = ["category", "text", "adoption"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "adoption": forms.HiddenInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adoption"].required = False

    def clean_adoption(self):
        return self.cleaned_data["adoption"] or OpinionItem.Adoption.PENDING

    def has_changed(self):
        # A row is filled in by its text; a category picked on an empty row is ignored.
        return bool(self.data.get(self.add_prefix("text"), "").strip())


ItemFormSet = forms.formset_factory(ItemForm, extra=3)


class AdoptionForm(StepForm):
    """One adoption choice per opinion item of an issued request (`item_<id>`)."""

    api_schema = {
        "item_<id>": drf.ChoiceField(
            choices=OpinionItem.Adoption.choices,
            required=False,
            help_text="每条意见一个字段：item_ 加意见条目的 ID（见 items），值为采纳情况",
        )
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(self.record.items.all())
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=item.text, choices=OpinionItem.Adoption.choices, initial=item.adoption
            )
            self.fields[f"item_{item.pk}"].col = "col-12"
        bootstrap(self, small=True)

    def service_arguments(self) -> dict:
        return {
            "version": self.cleaned_data["version"],
            "adoption": {item.pk: self.cleaned_data[f"item_{item.pk}"] for item in self.items},
        }


class FilingForm(StyledForm, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Filing
        fields = ["kind", "filing_unit", "title", "document_number", "published_on", "filed_on"]
        widgets = {"published_on": DATE, "filed_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_for(viewer)
        self.fields["filing_unit"].queryset = units
        if len(units) == 1:
            self.fields["filing_unit"].initial = units[0].pk
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        elif viewer.has_perm("legality.change_filing"):
            self.fields["filed_on"].initial = today()
        else:  # a department files the day it submits: the on-time check rests on it
            del self.fields["filed_on"]
        self.fields["title"].col = "col-md-8"


class FilingReviewForm(DatedStepForm):
    on_label = _("reviewed on")
    result = forms.ChoiceField(
        label=_("review result"),
        choices=[c for c in Filing.Result.choices if c[0] != Filing.Result.PENDING],
    )

    field_order = ["result", "on", "version"]


class AdvisorForm(StyledForm, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = LegalAdvisor
        fields = ["name", "kind", "firm", "unit", "term_start", "term_end"]
        widgets = {"term_start": DATE, "term_end": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(viewer).filter(
            kind__in=[Unit.Kind.JUSTICE_BUREAU, Unit.Kind.PARTY_OFFICE, Unit.Kind.DEPARTMENT]
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
