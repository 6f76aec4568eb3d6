"""The clock filter every case list offers (page, export and API alike)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from fazhi.timelimits.selectors import DUE_SOON, OVERDUE, by_clock_state


class ClockFilter(django_filters.ChoiceFilter):
    """`clock=overdue` or `clock=due_soon`: the records with such a running clock."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Time limit"))
        kwargs.setdefault("empty_label", _("All"))  # as the other filters of a list
        super().__init__(choices=[(DUE_SOON, _("Due soon")), (OVERDUE, _("Overdue"))], **kwargs)

    def filter(self, qs, value):
        return by_clock_state(qs, value) if value else qs
