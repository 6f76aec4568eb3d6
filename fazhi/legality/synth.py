"""Scale data for the benchmarks: legality review requests (with their opinion items) and
filings spread over the demo district's departments and years, written by PostgreSQL itself
(INSERT … SELECT over generate_series). Letter and document numbers carry 合成 so they never
collide with real ones. The rows obey the models' constraints."""

from django.db import connection, transaction

from fazhi.core.scale import ScaleData, register_scale
from fazhi.legality.models import Filing, ReviewRequest
from fazhi.org.models import Unit

KINDS = [value for value, _label in ReviewRequest.Kind.choices]
FILING_KINDS = [value for value, _label in Filing.Kind.choices]


def _array(values) -> str:
    return "ARRAY[" + ",".join(f"'{v}'" for v in values) + "]"


def _units() -> str:
    ids = list(
        Unit.objects.filter(kind__in=[Unit.Kind.DEPARTMENT, Unit.Kind.TOWNSHIP])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not ids:
        raise RuntimeError("load the demo first: synthetic records use its units")
    return "ARRAY[" + ",".join(str(pk) for pk in ids) + "]"


@transaction.atomic
def synthesize(requests: int, filings: int, *, first_year: int = 2015, years: int = 10) -> None:
    if connection.vendor != "postgresql":
        raise RuntimeError("synthetic scale data is written by PostgreSQL (generate_series)")
    units = _units()
    have = ReviewRequest.objects.filter(title__startswith="合成").count()
    with connection.cursor() as cursor:
        # Only integers and the models' own choice values are spliced in; no user input.
        cursor.execute(
            f"""
            WITH g AS (
                SELECT n, make_date({first_year}, 1, 1)
                          + ((hashint4(n * 3) & 2147483647) %% ({years} * 365)) AS received,
                       (hashint4(n * 5) & 2147483647) %% 100 AS fate
                FROM generate_series(%s, %s) AS n)
            INSERT INTO legality_reviewrequest (kind, submitting_unit_id, title, received_on,
                status, concluded_on, signed_opinion, letter_number, version, created_at,
                updated_at)
            SELECT ({_array(KINDS)})[1 + n %% {len(KINDS)}],
                   ({units})[1 + (hashint4(n) & 2147483647) %% array_length({units}, 1)],
                   '合成审查事项' || n, received,
                   CASE WHEN fate < 3 THEN 'IN_REVIEW' WHEN fate < 5 THEN 'RETURNED'
                        ELSE 'OPINION_ISSUED' END,
                   CASE WHEN fate < 3 THEN NULL ELSE received + fate %% 12 END,
                   CASE WHEN fate >= 5 AND n %% 2 = 0 THEN '同意' ELSE '' END,
                   CASE WHEN fate >= 5 AND n %% 2 = 1
                        THEN '合成审〔' || extract(year FROM received)::int || '〕' || n || '号'
                        ELSE '' END,
                   1, now(), now()
            FROM g ORDER BY received  -- a ledger fills in date order
            """,  # noqa: S608
            [have + 1, have + requests],
        )
        cursor.execute(
            """
            INSERT INTO legality_opinionitem (request_id, text, category, adoption)
            SELECT r.id, '合成意见' || k, (ARRAY['LEGALITY','PROCEDURE','CONTENT','RISK'])[k],
                   CASE WHEN (r.id + k) % 10 = 0 THEN 'NOT_ADOPTED' ELSE 'ADOPTED' END
            FROM legality_reviewrequest r, generate_series(1, 2) AS k
            WHERE r.title LIKE '合成%' AND r.letter_number <> '' AND NOT EXISTS (
                SELECT 1 FROM legality_opinionitem i WHERE i.request_id = r.id)
            """
        )
        have = Filing.objects.filter(title__startswith="合成").count()
        cursor.execute(
            f"""
            WITH g AS (
                SELECT n, make_date({first_year}, 1, 1)
                          + ((hashint4(n * 11) & 2147483647) %% ({years} * 365)) AS published,
                       (hashint4(n * 13) & 2147483647) %% 40 AS days
                FROM generate_series(%s, %s) AS n)
            INSERT INTO legality_filing (kind, filing_unit_id, title, document_number,
                published_on, filed_on, due_on, result, reviewed_on, version, created_at,
                updated_at)
            SELECT ({_array(FILING_KINDS)})[1 + n %% {len(FILING_KINDS)}],
                   ({units})[1 + (hashint4(n * 7) & 2147483647) %% array_length({units}, 1)],
                   '合成备案文件' || n, '合成备〔' || extract(year FROM published)::int || '〕' || n || '号',
                   published, published + days, published + 30,
                   CASE WHEN days %% 9 = 0 THEN 'PENDING' ELSE 'FILED' END,
                   CASE WHEN days %% 9 = 0 THEN NULL ELSE published + days + 10 END,
                   1, now(), now()
            FROM g ORDER BY published
            """,  # noqa: S608
            [have + 1, have + filings],
        )
        for table in ["legality_reviewrequest", "legality_opinionitem", "legality_filing"]:
            cursor.execute(f"ANALYZE {table}")


register_scale(
    ScaleData(
        option="requests",
        label="合成审查事项",
        default=40_000,
        existing=lambda: ReviewRequest.objects.filter(title__startswith="合成").count(),
        add=lambda count: synthesize(count, 0),
        order=20,
    ),
    ScaleData(
        option="filings",
        label="合成备案",
        default=20_000,
        existing=lambda: Filing.objects.filter(title__startswith="合成").count(),
        add=lambda count: synthesize(0, count),
        order=21,
    ),
)
