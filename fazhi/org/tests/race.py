"""The tree-write race shared by the PostgreSQL test and the SQLite subprocess script: a unit is
created under 新桥镇司法所 while another clerk moves 新桥镇 under 魏城镇. The creator pauses
between computing its path and saving it, which is where an unserialised write goes wrong."""

import threading
import time

from django.db import connection

from fazhi.org import services
from fazhi.org.models import Unit


def race_create_and_move() -> list[str]:
    """Run the race; returns the errors the two clerks met (none when writes queue)."""
    office = Unit.objects.get(name="新桥镇司法所")
    xinqiao, weicheng = Unit.objects.get(name="新桥镇"), Unit.objects.get(name="魏城镇")
    creator_has_computed_its_path = threading.Event()
    original = services._next_child_path

    def slow_next_child_path(parent):
        path = original(parent)
        if threading.current_thread().name == "creator":
            creator_has_computed_its_path.set()
            time.sleep(1)
        return path

    errors: list[str] = []

    def run(work):
        try:
            work()
        except Exception as error:  # noqa: BLE001 - returned to the caller
            errors.append(repr(error))
        finally:
            connection.close()

    def create():
        services.unit_create(parent=office, code="new", kind=Unit.Kind.OTHER, name="新")

    def move():
        creator_has_computed_its_path.wait(5)
        services.unit_update(unit=xinqiao, parent=weicheng)

    services._next_child_path = slow_next_child_path
    try:
        threads = [
            threading.Thread(target=run, args=[create], name="creator"),
            threading.Thread(target=run, args=[move], name="mover"),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        services._next_child_path = original
    return errors


def new_unit_moved_along() -> bool:
    new = Unit.objects.filter(code="new").first()
    low, high = Unit.objects.get(name="魏城镇").subtree_bounds()
    return bool(new and low < new.path < high)
