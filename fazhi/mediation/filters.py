"""The filters of the mediation lists: one definition for the pages, the Excel export and the
API, so an exported list holds exactly what the filtered page showed."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from fazhi.core.api import visible_choices
from fazhi.core.filters import AnyYesNo, ModelChoiceFilter, SubtreeFilter
from fazhi.mediation.models import Committee, Dispute, Mediator, Party
from fazhi.org.models import Unit
from fazhi.timelimits.filters import ClockFilter

SEARCH_LIMIT = 5000  # a search matching more than this is too vague to page through


def _townships(request):
    if request is None:
        return Unit.objects.none()
    return Unit.objects.visible_to(request.user).filter(kind=Unit.Kind.TOWNSHIP)


def visible_committees(request):
    return visible_choices(Committee)(request).select_related("unit").order_by("unit__path")


class DisputeFilter(django_filters.FilterSet):
    township = SubtreeFilter(label=_("Township"), queryset=_townships, unit_field="committee__unit")
    committee = ModelChoiceFilter(label=_("Mediation committee"), queryset=visible_committees)
    dispute_type = django_filters.ChoiceFilter(
        label=_("Dispute type"), choices=Dispute.Type.choices
    )
    source = django_filters.ChoiceFilter(label=_("Source"), choices=Dispute.Source.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Dispute.Status.choices)
    mediator = ModelChoiceFilter(
        label=_("Mediator"), queryset=visible_choices(Mediator), method="filter_mediator"
    )
    received_after = django_filters.DateFilter(
        label=_("Received from"), field_name="received_on", lookup_expr="gte"
    )
    received_before = django_filters.DateFilter(
        label=_("Received until"), field_name="received_on", lookup_expr="lte"
    )
    closed_after = django_filters.DateFilter(
        label=_("Closed from"), field_name="closed_on", lookup_expr="gte"
    )
    closed_before = django_filters.DateFilter(
        label=_("Closed until"), field_name="closed_on", lookup_expr="lte"
    )
    year = django_filters.NumberFilter(
        label=_("Year closed"),
        field_name="closed_on",
        lookup_expr="year",
        min_value=1949,
        max_value=2999,
        decimal_places=0,
    )
    clock = ClockFilter()
    q = django_filters.CharFilter(label=_("Party or case number"), method="filter_search")

    class Meta:
        model = Dispute
        fields = []

    @extend_schema_field(OpenApiTypes.INT)
    def filter_mediator(self, qs, name, value):
        if not value:
            return qs
        others = Dispute.other_mediators.through.objects.filter(
            dispute_id=OuterRef("pk"), mediator_id=value.pk
        )
        return qs.filter(Q(lead_mediator=value) | Exists(others))

    def filter_search(self, qs, name, value):
        """Case number or party name containing the text. The matching ids come from two
        indexed lookups (trigram indexes on PostgreSQL) rather than an OR across a join."""
        value = value.strip()
        if not value:
            return qs
        viewer = self.request.user if self.request is not None else None
        parties = (
            Party.objects.visible_to(viewer)
            .filter(name__icontains=value)
            .order_by()
            .values_list("dispute_id", flat=True)
        )
        numbers = (
            Dispute.objects.visible_to(viewer)
            .filter(number__icontains=value)
            .order_by()
            .values_list("pk", flat=True)
        )
        ids = list(parties.union(numbers)[:SEARCH_LIMIT])
        return qs.filter(pk__in=ids)

    @property
    def qs(self):
        """Newest first; by closing date when the closing period is what is asked for (so a
        year's concluded disputes come straight from the closing-date index)."""
        queryset = super().qs
        data = getattr(self.form, "cleaned_data", {})
        if any(data.get(k) for k in ["year", "closed_after", "closed_before"]):
            return queryset.order_by("-closed_on", "-pk")
        return queryset.order_by("-received_on", "-pk")


class CommitteeFilter(django_filters.FilterSet):
    township = SubtreeFilter(label=_("Township"), queryset=_townships, unit_field="unit")
    committee_type = django_filters.ChoiceFilter(
        label=_("Committee type"), choices=Committee.Type.choices
    )
    has_standard_room = django_filters.BooleanFilter(
        label=_("Standardised mediation room"), widget=AnyYesNo
    )
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=AnyYesNo)
    q = django_filters.CharFilter(label=_("Name"), field_name="unit__name", lookup_expr="icontains")

    class Meta:
        model = Committee
        fields = []


class MediatorFilter(django_filters.FilterSet):
    township = SubtreeFilter(label=_("Township"), queryset=_townships, unit_field="committee__unit")
    committee = ModelChoiceFilter(label=_("Mediation committee"), queryset=visible_committees)
    employment = django_filters.ChoiceFilter(
        label=_("Employment"), choices=Mediator.Employment.choices
    )
    in_post = django_filters.BooleanFilter(
        label=_("In post"), field_name="left_on", lookup_expr="isnull", widget=AnyYesNo
    )
    q = django_filters.CharFilter(label=_("Name"), field_name="name", lookup_expr="icontains")

    class Meta:
        model = Mediator
        fields = []
