"""The filters of the lawsuit list: one definition for the page, the Excel export and the API,
so an exported list holds exactly what the filtered page showed."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fazhi.core.filters import ModelChoiceFilter
from fazhi.litigation.forms import defendants_for
from fazhi.litigation.models import Lawsuit
from fazhi.org.models import Unit
from fazhi.timelimits.filters import ClockFilter


def visible_defendants(request):
    """The organs the requesting user may see, as the filter's choices."""
    if request is None:
        return Unit.objects.none()
    return defendants_for(request.user)


class LawsuitFilter(django_filters.FilterSet):
    defendant = ModelChoiceFilter(label=_("Defendant"), queryset=visible_defendants)
    stage = django_filters.ChoiceFilter(
        label=_("Stage"), choices=Lawsuit.Stage.choices, method="filter_stage"
    )
    instance = django_filters.ChoiceFilter(label=_("Instance"), choices=Lawsuit.Instance.choices)
    outcome = django_filters.ChoiceFilter(
        label=_("Judgment or ruling"), choices=Lawsuit.Outcome.choices
    )
    filed_after = django_filters.DateFilter(
        label=pgettext_lazy("lawsuit", "Filed from"), field_name="filed_on", lookup_expr="gte"
    )
    filed_before = django_filters.DateFilter(
        label=pgettext_lazy("lawsuit", "Filed until"), field_name="filed_on", lookup_expr="lte"
    )
    year = django_filters.NumberFilter(
        label=pgettext_lazy("lawsuit", "Year filed"),
        field_name="filed_on",
        lookup_expr="year",
        min_value=1949,
        max_value=2999,
        decimal_places=0,
    )
    clock = ClockFilter()
    q = django_filters.CharFilter(
        label=_("Plaintiff, case number or cause"), method="filter_search"
    )

    class Meta:
        model = Lawsuit
        fields = []

    def filter_stage(self, qs, name, value):
        return qs.filter(Lawsuit.in_stage(value)) if value else qs

    def filter_search(self, qs, name, value):
        value = value.strip()
        if not value:
            return qs
        return qs.filter(
            Q(case_number__icontains=value)
            | Q(plaintiffs__icontains=value)
            | Q(cause__icontains=value)
        )
