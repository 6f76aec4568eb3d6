"""Scale data for the benchmarks: reconsideration cases over the demo district's departments
and years, written by PostgreSQL (INSERT … SELECT over generate_series). Applicants carry 合成.
Each case is at one stage (received, not accepted, accepted, decided) with dates in order and
the decision list of the law of the day received."""

from django.db import connection, transaction

from fazhi.core.scale import ScaleData, register_scale
from fazhi.org.models import Unit
from fazhi.reconsideration.models import LAW_2023_FROM, Case

DECISIONS_1999 = Case.DECISIONS[Case.Law.LAW_1999]
DECISIONS_2023 = Case.DECISIONS[Case.Law.LAW_2023]


def _array(values) -> str:
    return "ARRAY[" + ",".join(f"'{v}'" for v in values) + "]"


@transaction.atomic
def synthesize(count: int, *, first_year: int = 2015, years: int = 10) -> None:
    if connection.vendor != "postgresql":
        raise RuntimeError("synthetic scale data is written by PostgreSQL (generate_series)")
    ids = list(Unit.objects.filter(kind=Unit.Kind.DEPARTMENT).values_list("pk", flat=True))
    if not ids:
        raise RuntimeError("load the demo first: synthetic cases use its departments")
    units = "ARRAY[" + ",".join(map(str, ids)) + "]"
    have = Case.objects.filter(applicants__startswith="合成").count()
    with connection.cursor() as cursor:
        # Only integers and the models' own choice values are spliced in; no user input.
        cursor.execute(
            f"""
            WITH g AS (
                SELECT n, make_date({first_year}, 1, 1)
                          + ((hashint4(n * 19) & 2147483647) %% ({years} * 365)) AS received,
                       (hashint4(n * 23) & 2147483647) %% 100 AS fate
                FROM generate_series(%s, %s) AS n),
            c AS (SELECT *, received >= DATE '{LAW_2023_FROM}' AS new_law FROM g)
            INSERT INTO reconsideration_case (version, created_at, updated_at, applicants, agent,
                respondent_id, act_type, act_number, received_on, law, status, accepted_on,
                procedure, not_accepted_on, decision, decided_on, decision_number,
                lawsuit_followed)
            SELECT 1, now(), now(), '合成申请人' || n, '',
                   ({units})[1 + (hashint4(n) & 2147483647) %% {len(ids)}],
                   '行政处罚', '', received,
                   CASE WHEN new_law THEN '2023' ELSE '1999' END,
                   CASE WHEN fate < 5 THEN 'RECEIVED' WHEN fate < 15 THEN 'NOT_ACCEPTED'
                        WHEN fate < 25 THEN 'ACCEPTED' ELSE 'DECIDED' END,
                   CASE WHEN fate >= 15 THEN received + 3 END,
                   CASE WHEN fate >= 15 THEN 'ORDINARY' ELSE '' END,
                   CASE WHEN fate >= 5 AND fate < 15 THEN received + 4 END,
                   CASE WHEN fate < 25 THEN ''
                        WHEN new_law THEN ({_array(DECISIONS_2023)})[1 + n %% {len(DECISIONS_2023)}]
                        ELSE ({_array(DECISIONS_1999)})[1 + n %% {len(DECISIONS_1999)}] END,
                   CASE WHEN fate >= 25 THEN received + 3 + fate %% 50 END,
                   '', fate %% 17 = 0 AND fate >= 5
            FROM c ORDER BY received
            """,  # noqa: S608
            [have + 1, have + count],
        )
        cursor.execute("ANALYZE reconsideration_case")


register_scale(
    ScaleData(
        option="cases",
        label="合成复议案件",
        default=20_000,
        existing=lambda: Case.objects.filter(applicants__startswith="合成").count(),
        add=synthesize,
        order=30,
    )
)
