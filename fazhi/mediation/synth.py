"""Scale data for the benchmarks: many disputes (with two parties each) spread over the demo
district's committees and mediators, written by PostgreSQL itself (INSERT … SELECT over
generate_series), so a million rows take seconds rather than the hour the ORM would need.

The rows obey the same rules as real ones (dates in order, agreements only on success, lead
mediator of the dispute's committee and in post). Their numbers carry the prefix 合成 so they can
never be mistaken for, or collide with, a committee's real numbering.
"""

from datetime import date

from django.db import connection, transaction

from fazhi.core.scale import ScaleData, register_scale
from fazhi.mediation.models import Dispute, Mediator

TYPES = [value for value, _label in Dispute.Type.choices]
SOURCES = [value for value, _label in Dispute.Source.choices]


def _array(values) -> str:
    return "ARRAY[" + ",".join(f"'{v}'" for v in values) + "]"


@transaction.atomic
def synthesize_disputes(count: int, *, first_year: int = 2015, years: int = 10) -> int:
    """Add `count` disputes received between `first_year` and `first_year + years - 1`;
    returns how many synthetic disputes exist afterwards."""
    if connection.vendor != "postgresql":
        raise RuntimeError("synthetic scale data is written by PostgreSQL (generate_series)")
    mediators = list(
        # Only mediators already in post when the synthetic years begin may lead the disputes.
        Mediator.objects.filter(left_on__isnull=True, hired_on__lte=date(first_year, 1, 1))
        .order_by("pk")
        .values_list("pk", "committee_id")
    )
    if not mediators:
        raise RuntimeError("load the demo first: synthetic disputes use its mediators")
    start = Dispute.objects.filter(number__startswith="合成").count()
    ids = ",".join(str(pk) for pk, _c in mediators)
    committees = ",".join(str(c) for _pk, c in mediators)
    with connection.cursor() as cursor:
        # Only integers and the models' own choice values are spliced in; no user input.
        insert_disputes = f"""
            WITH m AS (SELECT ARRAY[{ids}] AS ids, ARRAY[{committees}] AS committees),
            g AS (
                SELECT n,
                       1 + (hashint4(n) & 2147483647) %% {len(mediators)} AS pick,
                       make_date({first_year}, 1, 1)
                         + ((hashint4(n * 7) & 2147483647) %% ({years} * 365)) AS received,
                       (hashint4(n * 13) & 2147483647) %% 100 AS outcome,
                       (hashint4(n * 17) & 2147483647) %% 40 AS days
                FROM generate_series(%s, %s) AS n
            )
            INSERT INTO mediation_dispute (
                number, committee_id, dispute_type, source, received_on, facts, lead_mediator_id,
                status, closed_on, agreement_form, agreement_amount, agreed_terms,
                performance_method, performance, judicial_confirmation_applied_on, version,
                created_at, updated_at)
            SELECT '合成〔' || extract(year FROM received)::int || '〕' || n || '号',
                   m.committees[pick],
                   ({_array(TYPES)})[1 + n %% {len(TYPES)}],
                   ({_array(SOURCES)})[1 + (n / 7) %% {len(SOURCES)}],
                   received, '', m.ids[pick],
                   CASE WHEN outcome < 2 THEN 'MEDIATING'
                        WHEN outcome < 5 THEN 'FAILED'
                        WHEN outcome < 6 THEN 'TERMINATED' ELSE 'SUCCEEDED' END,
                   CASE WHEN outcome < 2 THEN NULL ELSE received + days END,
                   CASE WHEN outcome >= 6 THEN 'WRITTEN' ELSE '' END,
                   CASE WHEN outcome >= 6 AND days %% 3 = 0 THEN (days * 397 + n %% 1000)::numeric
                        ELSE NULL END,
                   '', '', CASE WHEN outcome >= 6 THEN 'PERFORMED' ELSE '' END, NULL, 1,
                   now(), now()
            FROM g, m
            ORDER BY received  -- a ledger fills in date order: rows of a year lie together
            """  # noqa: S608
        cursor.execute(insert_disputes, [start + 1, start + count])
        cursor.execute(
            """
            INSERT INTO mediation_party (dispute_id, kind, name, gender, id_number, credit_code,
                                         phone, address)
            SELECT d.id, 'PERSON', side || d.id, '', '', '', '', ''
            FROM mediation_dispute d, (VALUES ('甲'), ('乙')) AS sides(side)
            WHERE d.number LIKE '合成%%' AND NOT EXISTS (
                SELECT 1 FROM mediation_party p WHERE p.dispute_id = d.id)
            """
        )
        cursor.execute("ANALYZE mediation_dispute")
        cursor.execute("ANALYZE mediation_party")
    return Dispute.objects.filter(number__startswith="合成").count()


register_scale(
    ScaleData(
        option="disputes",
        label="合成纠纷",
        default=1_000_000,
        existing=lambda: Dispute.objects.filter(number__startswith="合成").count(),
        add=synthesize_disputes,
        order=10,
    )
)
