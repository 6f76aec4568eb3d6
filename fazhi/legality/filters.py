"""The filters of the legality lists: one definition for the pages, the Excel export and the API."""

import django_filters
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from fazhi.core.filters import AnyYesNo, SubtreeFilter, visible_units
from fazhi.legality.models import Filing, LegalAdvisor, ReviewRequest
from fazhi.org.models import Unit
from fazhi.timelimits.filters import ClockFilter

SUBMITTING_KINDS = (
    Unit.Kind.DEPARTMENT,
    Unit.Kind.PARTY_OFFICE,
    Unit.Kind.TOWNSHIP,
    Unit.Kind.JUSTICE_BUREAU,
)


def _year(label, field_name):
    return django_filters.NumberFilter(
        label=label,
        field_name=field_name,
        lookup_expr="year",
        min_value=1949,
        max_value=2999,
        decimal_places=0,
    )


class ReviewRequestFilter(django_filters.FilterSet):
    submitting_unit = SubtreeFilter(
        label=_("Submitting unit"),
        queryset=visible_units(*SUBMITTING_KINDS),
        unit_field="submitting_unit",
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ReviewRequest.Kind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ReviewRequest.Status.choices)
    has_letter = django_filters.BooleanFilter(
        label=_("Opinion letter issued"), method="filter_has_letter", widget=AnyYesNo
    )
    received_after = django_filters.DateFilter(
        label=_("Received from"), field_name="received_on", lookup_expr="gte"
    )
    received_before = django_filters.DateFilter(
        label=_("Received until"), field_name="received_on", lookup_expr="lte"
    )
    year = _year(_("Year concluded"), "concluded_on")
    clock = ClockFilter()
    q = django_filters.CharFilter(label=_("Title or letter number"), method="filter_search")

    class Meta:
        model = ReviewRequest
        fields = []

    def filter_has_letter(self, qs, name, value):
        if value is None:
            return qs
        return qs.exclude(letter_number="") if value else qs.filter(letter_number="")

    def filter_search(self, qs, name, value):
        value = value.strip()
        if not value:
            return qs
        return qs.filter(Q(title__icontains=value) | Q(letter_number__icontains=value))


class FilingFilter(django_filters.FilterSet):
    filing_unit = SubtreeFilter(
        label=_("Filing unit"),
        queryset=visible_units(*SUBMITTING_KINDS),
        unit_field="filing_unit",
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Filing.Kind.choices)
    result = django_filters.ChoiceFilter(label=_("Review result"), choices=Filing.Result.choices)
    on_time = django_filters.BooleanFilter(
        label=_("Filed on time"), method="filter_on_time", widget=AnyYesNo
    )
    filed_after = django_filters.DateFilter(
        label=_("Filed from"), field_name="filed_on", lookup_expr="gte"
    )
    filed_before = django_filters.DateFilter(
        label=_("Filed until"), field_name="filed_on", lookup_expr="lte"
    )
    year = _year(_("Year filed"), "filed_on")
    q = django_filters.CharFilter(label=_("Title or document number"), method="filter_search")

    class Meta:
        model = Filing
        fields = []

    def filter_on_time(self, qs, name, value):
        if value is None:
            return qs
        on_time = Q(filed_on__lte=F("due_on"))
        return qs.filter(on_time) if value else qs.exclude(on_time)

    def filter_search(self, qs, name, value):
        value = value.strip()
        if not value:
            return qs
        return qs.filter(Q(title__icontains=value) | Q(document_number__icontains=value))


class AdvisorFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=LegalAdvisor.Kind.choices)
    q = django_filters.CharFilter(label=_("Name or firm"), method="filter_search")

    class Meta:
        model = LegalAdvisor
        fields = []

    def filter_search(self, qs, name, value):
        value = value.strip()
        return qs.filter(Q(name__icontains=value) | Q(firm__icontains=value)) if value else qs
