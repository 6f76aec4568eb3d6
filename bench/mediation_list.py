"""The disputes list at a million disputes (PostgreSQL): p95 of the filtered first page and the
number of queries, as the leader (whole district) and as a township clerk. Baseline in the same
run: the p95 of /healthz, the cheapest page the same stack serves (one query)."""

import time
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from fazhi.mediation.models import Dispute
from fazhi.org.models import Unit, User

SCALE = 1_000_000
RUNS = 20


def _p95(client, url) -> float:
    times = []
    client.get(url)  # warm the caches of the database and of Django
    for _ in range(RUNS):
        began = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - began)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return times[int(len(times) * 0.95) - 1]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def run() -> list[str]:
    if connection.vendor != "postgresql":
        return [
            "disputes list at 1,000,000: skipped (needs PostgreSQL: make bench uses it when it answers)"
        ]
    if not Unit.objects.exists():
        call_command("demo", year=2019, stdout=StringIO())
    call_command("synth", disputes=SCALE, stdout=StringIO())
    total = Dispute.objects.count()
    leader, clerk = Client(), Client()
    leader.force_login(User.objects.get(username="leader"))
    clerk.force_login(User.objects.get(username="xinqiao"))
    township = Unit.objects.get(code="510704103").pk
    baseline = _p95(leader, "/healthz")
    cases = [
        ("leader", leader, ""),
        ("leader", leader, "dispute_type=CONTRACT"),
        ("leader", leader, f"township={township}"),
        ("leader", leader, "year=2019&status=SUCCEEDED"),
        ("leader", leader, "received_after=2019-01-01&received_before=2019-03-31&source=COURT"),
        ("leader", leader, "q=甲12345"),
        ("xinqiao", clerk, ""),
        ("xinqiao", clerk, "dispute_type=LABOUR&year=2020"),
    ]
    lines = [
        f"disputes list at {total:,} disputes (PostgreSQL), {RUNS} requests each; "
        f"baseline /healthz p95 {baseline * 1000:.1f} ms",
        f"  {'user':8} {'filters':62} {'p95':>9} {'÷ base':>8} {'queries':>8}",
    ]
    for who, client, query in cases:
        url = "/mediation/disputes/?" + query
        p95 = _p95(client, url)
        lines.append(
            f"  {who:8} {query or '(none)':62} {p95 * 1000:7.1f}ms {p95 / baseline:7.1f}x "
            f"{_queries(client, url):8d}"
        )
    return lines
