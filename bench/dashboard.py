"""The dashboard for a district-year and a township-year, and the list page behind every
counting figure's drill-down, on the scale data (PostgreSQL): p95 and queries per page.
Baseline in the same run: /healthz, the cheapest page the same stack serves."""

import time
from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from fazhi.indicators import freshness
from fazhi.indicators.registry import all_indicators
from fazhi.org.models import User

RUNS = 20
LIST_RUNS = 10


def _p95(client, url, runs, *, cold=False) -> float:
    """p95 of `runs` requests; `cold`: as if records had just changed before each one (the
    cached figures unreachable, everything computed afresh)."""
    client.get(url)  # warm the caches of the database and of Django
    times = []
    for _ in range(runs):
        if cold:
            freshness.records_changed()
        began = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - began)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return times[max(0, int(len(times) * 0.95) - 1)]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def run(say) -> None:
    if connection.vendor != "postgresql":
        say("dashboard and drill-downs: skipped (needs PostgreSQL)")
        return
    leader, clerk = Client(), Client()
    leader.force_login(User.objects.get(username="leader"))
    clerk.force_login(User.objects.get(username="xinqiao"))
    baseline = _p95(leader, "/healthz", RUNS)
    say(
        f"dashboard (PostgreSQL, scale data), {RUNS} requests each; /healthz p95 {baseline * 1000:.1f} ms"
    )
    say(
        f"  {'page':40} {'p95 warm':>9} {'÷ base':>7} {'p95 cold':>9} {'÷ base':>7} "
        f"{'queries':>8} {'goal':>8}"
    )
    for name, client, query, goal in [
        ("dashboard, district 2019 (leader)", leader, "unit=510704&year=2019", 300),
        ("dashboard, 新桥镇 2019 (township clerk)", clerk, "year=2019", 150),
        ("dashboard, district 2019 Q2 (leader)", leader, "unit=510704&year=2019&quarter=2", 300),
    ]:
        url = "/indicators/dashboard/?" + query
        warm = _p95(client, url, RUNS)
        cold = _p95(client, url, RUNS, cold=True)
        freshness.records_changed()
        say(
            f"  {name:40} {warm * 1000:7.1f}ms {warm / baseline:6.1f}x {cold * 1000:7.1f}ms "
            f"{cold / baseline:6.1f}x {_queries(client, url):8d} {'≤' + str(goal) + 'ms':>8}"
        )
    say(f"drill-down list pages, {LIST_RUNS} requests each (goal p95 ≤ 150 ms, ≤ 12 queries)")
    say(f"  {'figure':52} {'user':8} {'p95':>9} {'queries':>8}")
    worst = (0.0, "")
    most = 0
    users = [("leader", leader, "510704"), ("xinqiao", clerk, "510704101")]
    for indicator in all_indicators():
        if indicator.kind == "ratio":
            continue
        for who, client, unit in users:
            if not indicator.may_view(User.objects.get(username=who)):
                continue
            query = urlencode({"unit": unit, "year": 2019})
            url = f"/indicators/{indicator.key}/records/?{query}"
            p95 = _p95(client, url, LIST_RUNS)
            queries = _queries(client, url)
            worst = max(worst, (p95, f"{indicator.key} ({who})"))
            most = max(most, queries)
            say(f"  {indicator.key:52} {who:8} {p95 * 1000:7.1f}ms {queries:8d}")
    say(
        f"  worst p95 {worst[0] * 1000:.1f} ms ({worst[1]}), {worst[0] / baseline:.1f}x /healthz; "
        f"most queries {most}"
    )
