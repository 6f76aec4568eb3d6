"""100,000 mixed statutory due dates against a plain loop of 100,000 `date + timedelta`."""

import random
import time
from datetime import date, timedelta

from fazhi.timelimits.calendar import get_calendar
from fazhi.timelimits.engine import due_date

N = 100_000


def _cases(rng: random.Random) -> list[tuple[date, int, str]]:
    first, span = date(2004, 1, 1), (date(2025, 6, 30) - date(2004, 1, 1)).days
    cases = []
    for _ in range(N):
        start = first + timedelta(days=rng.randrange(span))
        unit = rng.choice(["calendar_days", "working_days", "months"])
        amount = rng.randint(1, 12) if unit == "months" else rng.choice([3, 5, 7, 10, 15, 30, 60])
        cases.append((start, amount, unit))
    return cases


def _best_of(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best


def run() -> list[str]:
    cal = get_calendar()  # the calendar as the application loads it from the database
    cases = _cases(random.Random(2019))
    deltas = [timedelta(days=amount) for _start, amount, _unit in cases]
    starts = [start for start, _amount, _unit in cases]

    def engine():
        for start, amount, unit in cases:
            due_date(cal, start, amount, unit)

    def baseline():
        for start, delta in zip(starts, deltas, strict=True):
            start + delta  # noqa: B018 - the work being timed

    engine_s = _best_of(3, engine)
    baseline_s = _best_of(3, baseline)
    return [
        f"timelimits.due_dates: {N} mixed due dates in {engine_s:.3f} s (goal < 1 s); "
        f"plain date+timedelta loop {baseline_s:.3f} s; ratio {engine_s / baseline_s:.1f}x",
    ]
