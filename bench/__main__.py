"""`make bench`: one line per figure, each a ratio to a baseline measured in the same run
(machines here are noisy, so only ratios travel)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from bench import timelimits  # noqa: E402

BENCHES = [timelimits]

if __name__ == "__main__":
    for bench in BENCHES:
        for line in bench.run():
            print(line, flush=True)
