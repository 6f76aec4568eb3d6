"""Run by test_units.py in a process of its own, on an SQLite file (the test database lives in
memory with one connection). Prints the outcome of the race in `race.py` as JSON."""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
django.setup()

from django.core.management import call_command  # noqa: E402

from fazhi.org import demo  # noqa: E402
from fazhi.org.tests.race import new_unit_moved_along, race_create_and_move  # noqa: E402

call_command("migrate", verbosity=0)
demo.load_units()
errors = race_create_and_move()
json.dump({"errors": errors, "moved_along": new_unit_moved_along()}, sys.stdout)
