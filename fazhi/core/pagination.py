"""Pagination of the ledgers' list pages."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

# Counting a million rows costs more than the rest of the page: beyond this many records the
# page says "10,000+" (narrow the filters, or export, to go further).
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A paginator whose count stops at COUNT_CAP (`capped` tells the template)."""

    @cached_property
    def count(self) -> int:
        found = self.object_list.order_by()[: COUNT_CAP + 1].count()
        self.capped = found > COUNT_CAP
        return min(found, COUNT_CAP)

    capped = False


def page_of(request, queryset, per_page: int = 30):
    return CappedPaginator(queryset, per_page).get_page(request.GET.get("page"))
