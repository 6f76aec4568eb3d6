"""Run by test_units.py in a process of its own, on an SQLite file: a unit is created under
新桥镇司法所 while another clerk moves 新桥镇 under 魏城镇. Prints the outcome as JSON."""

import json
import os
import sys
import threading
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
django.setup()


from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from fazhi.org import demo, services  # noqa: E402
from fazhi.org.models import Unit  # noqa: E402

call_command("migrate", verbosity=0)
demo.load_units()
office, xinqiao, weicheng = (Unit.objects.get(name=n) for n in ("新桥镇司法所", "新桥镇", "魏城镇"))
creator_has_computed_its_path = threading.Event()
original = services._next_child_path


def slow_next_child_path(parent):
    path = original(parent)
    if threading.current_thread().name == "creator":
        creator_has_computed_its_path.set()
        time.sleep(1)
    return path


services._next_child_path = slow_next_child_path
errors = []


def run(work):
    try:
        work()
    except Exception as error:  # noqa: BLE001 - reported in the output
        errors.append(repr(error))
    finally:
        connection.close()


def create():
    services.unit_create(parent=office, code="new", kind=Unit.Kind.OTHER, name="新")


def move():
    creator_has_computed_its_path.wait(5)
    services.unit_update(unit=xinqiao, parent=weicheng)


threads = [
    threading.Thread(target=run, args=[create], name="creator"),
    threading.Thread(target=run, args=[move], name="mover"),
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(30)
new = Unit.objects.filter(code="new").first()
low, high = Unit.objects.get(name="魏城镇").subtree_bounds()
json.dump({"errors": errors, "moved_along": bool(new and low < new.path < high)}, sys.stdout)
