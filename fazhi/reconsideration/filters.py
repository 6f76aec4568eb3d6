"""The filter of the case list: one definition for the page, its Excel export and the API, so
an exported list holds exactly what the filtered page showed."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fazhi.core.filters import ModelChoiceFilter
from fazhi.org.models import Unit
from fazhi.reconsideration.models import Case
from fazhi.timelimits.filters import ClockFilter


def respondents(request):
    """Units within the viewer's scope that are respondent in at least one case."""
    if request is None:
        return Unit.objects.none()
    return (
        Unit.objects.visible_to(request.user)
        .filter(pk__in=Case.objects.visible_to(request.user).values("respondent"))
        .order_by("path")
    )


class CaseFilter(django_filters.FilterSet):
    respondent = ModelChoiceFilter(label=_("Respondent"), queryset=respondents)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Case.Status.choices)
    law = django_filters.ChoiceFilter(label=_("Applicable law"), choices=Case.Law.choices)
    decision = django_filters.ChoiceFilter(label=_("Decision"), choices=Case.Decision.choices)
    received_after = django_filters.DateFilter(
        label=_("Application received from"), field_name="received_on", lookup_expr="gte"
    )
    received_before = django_filters.DateFilter(
        label=_("Application received until"), field_name="received_on", lookup_expr="lte"
    )
    year = django_filters.NumberFilter(
        label=_("Year the application was received"),
        field_name="received_on",
        lookup_expr="year",
        min_value=1949,
        max_value=2999,
        decimal_places=0,
    )
    clock = ClockFilter()
    q = django_filters.CharFilter(
        label=_("Applicant or document number"), method="filter_search", max_length=100
    )

    class Meta:
        model = Case
        fields = []

    def filter_search(self, qs, name, value):
        """Applicants, the contested act's number or the decision's number containing the text."""
        value = value.strip()
        if not value:
            return qs
        return qs.filter(
            Q(applicants__icontains=value)
            | Q(act_number__icontains=value)
            | Q(decision_number__icontains=value)
        )
