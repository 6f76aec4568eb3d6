"""`make bench`: one line per figure, each a ratio to a baseline measured in the same run
(machines here are noisy, so only ratios travel)."""

import inspect
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from bench import (  # noqa: E402
    dashboard,
    indicators,
    mediation_ledgers,
    mediation_list,
    reports,
    timelimits,
)

# mediation_list loads the demo and the scale data the later benches read.
BENCHES = [timelimits, mediation_ledgers, mediation_list, indicators, dashboard, reports]


def say(line: str) -> None:
    print(line, flush=True)


if __name__ == "__main__":
    for bench in BENCHES:
        if inspect.signature(bench.run).parameters:  # run(report): says each line when known
            bench.run(say)
        else:
            for line in bench.run():
                say(line)
