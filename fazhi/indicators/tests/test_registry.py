from django.db.models import Q

from fazhi.indicators.registry import _conjuncts, _disjunction


def test_the_rows_read_for_unrelated_figures_are_those_of_their_few_date_ranges():
    # Lawsuits: figures counted by filing date and figures counted by judgment date share no
    # condition; the rows read must be those of the two ranges, not an OR of every figure
    # (which PostgreSQL answered by reading the whole table).
    filed = Q(filed_on__gte="2019-01-01", filed_on__lte="2019-12-31")
    served = Q(outcome_served_on__gte="2019-01-01", outcome_served_on__lte="2019-12-31")
    conditions = [
        filed,
        filed & Q(outcome="SUIT_DISMISSED"),
        served,
        served & Q(outcome="REVOKED"),
        Q(filed_on__gte="2019-01-01", filed_on__lte="2019-12-31"),  # the same as the first
    ]
    where = _disjunction(conditions, [_conjuncts(c) for c in conditions])
    assert where == filed | served


def test_a_condition_no_other_implies_is_kept():
    a, b = Q(kind="A"), Q(status="DONE") & Q(kind="B")
    assert _disjunction([a, b], [_conjuncts(a), _conjuncts(b)]) == a | b
