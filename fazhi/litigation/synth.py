"""Scale data for the benchmarks: lawsuits (with their hearings) over the demo district's
departments and years, written by PostgreSQL (INSERT … SELECT over generate_series). Case
numbers carry 合成 so they never collide with a court's. Stages: awaiting hearing, heard,
decided; dates in order."""

from django.db import connection, transaction

from fazhi.core.scale import ScaleData, register_scale
from fazhi.litigation.models import Lawsuit
from fazhi.org.models import Unit

OUTCOMES = [value for value, _label in Lawsuit.Outcome.choices]


def _array(values) -> str:
    return "ARRAY[" + ",".join(f"'{v}'" for v in values) + "]"


@transaction.atomic
def synthesize(count: int, *, first_year: int = 2015, years: int = 10) -> None:
    if connection.vendor != "postgresql":
        raise RuntimeError("synthetic scale data is written by PostgreSQL (generate_series)")
    ids = list(Unit.objects.filter(kind=Unit.Kind.DEPARTMENT).values_list("pk", flat=True))
    if not ids:
        raise RuntimeError("load the demo first: synthetic lawsuits use its departments")
    units = "ARRAY[" + ",".join(map(str, ids)) + "]"
    have = Lawsuit.objects.filter(case_number__contains="合成").count()
    with connection.cursor() as cursor:
        # Only integers and the models' own choice values are spliced in; no user input.
        cursor.execute(
            f"""
            WITH g AS (
                SELECT n, make_date({first_year}, 1, 1)
                          + ((hashint4(n * 29) & 2147483647) %% ({years} * 365)) AS filed,
                       (hashint4(n * 31) & 2147483647) %% 100 AS fate
                FROM generate_series(%s, %s) AS n)
            INSERT INTO litigation_lawsuit (version, created_at, updated_at, court, case_number,
                instance, plaintiffs, defendant_id, cause, filed_on, complaint_received_on,
                defence_submitted_on, first_hearing_on, outcome, outcome_served_on, appealed,
                appellant)
            SELECT 1, now(), now(), '绵阳市游仙区人民法院',
                   '（' || extract(year FROM filed)::int || '）合成行初' || n || '号',
                   'FIRST', '合成原告' || n,
                   ({units})[1 + (hashint4(n) & 2147483647) %% {len(ids)}],
                   '行政处罚', filed, filed + 5, filed + 15,
                   CASE WHEN fate >= 20 THEN filed + 40 END,
                   CASE WHEN fate >= 50 THEN ({_array(OUTCOMES)})[1 + n %% {len(OUTCOMES)}]
                        ELSE '' END,
                   CASE WHEN fate >= 50 THEN filed + 70 END,
                   false, ''
            FROM g ORDER BY filed
            """,  # noqa: S608
            [have + 1, have + count],
        )
        cursor.execute(
            """
            INSERT INTO litigation_hearing (lawsuit_id, held_on, appearance, official_name,
                                            official_post)
            SELECT l.id, l.first_hearing_on,
                   CASE WHEN l.id % 4 = 0 THEN 'LAWYER_ONLY' ELSE 'HEAD' END,
                   CASE WHEN l.id % 4 = 0 THEN '' ELSE '合成负责人' END,
                   CASE WHEN l.id % 4 = 0 THEN '' ELSE '局长' END
            FROM litigation_lawsuit l
            WHERE l.case_number LIKE '%合成%' AND l.first_hearing_on IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM litigation_hearing h WHERE h.lawsuit_id = l.id)
            """
        )
        cursor.execute("ANALYZE litigation_lawsuit")
        cursor.execute("ANALYZE litigation_hearing")


register_scale(
    ScaleData(
        option="lawsuits",
        label="合成应诉案件",
        default=20_000,
        existing=lambda: Lawsuit.objects.filter(case_number__contains="合成").count(),
        add=synthesize,
        order=31,
    )
)
