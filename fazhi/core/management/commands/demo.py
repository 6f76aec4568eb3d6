from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from fazhi.core.services import loading_history
from fazhi.org.demo import DEMO_PASSWORD, demo_users, is_demo_database


class Command(BaseCommand):
    help = "Load the 2019 demo district (游仙区) and the demo records of every line of work."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=2019, help="demo year (only 2019 exists)")
        parser.add_argument(
            "--force", action="store_true", help="load even into a database holding other data"
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when the database holds any unit"
        )
        parser.add_argument(
            "--logins",
            action="store_true",
            help="only print the demo logins the installed lines of work register",
        )

    def handle(self, *args, year, force, if_empty, logins, **options):
        from fazhi.org.models import Unit

        if logins:
            self.stdout.write(f"  Demo logins (password for all: {DEMO_PASSWORD}):")
            for user in demo_users():
                self.stdout.write(f"    {user.username:<12} {user.description}")
            return
        if if_empty and Unit.objects.exists():
            self.stdout.write("数据库已有数据，未加载演示数据。")
            return
        if year != 2019:
            raise CommandError(f"只有 2019 年的演示数据（收到 {year}）。")
        if not force and not is_demo_database():
            raise CommandError(
                "数据库中已有非演示数据，为免混淆未加载演示数据。确需加载请加 --force。"
            )
        with transaction.atomic(), loading_history():
            for config in demo_apps():
                load = import_string(f"{config.name}.demo.load")
                load(year, self.stdout)
        self.stdout.write(self.style.SUCCESS(f"{year} 年演示数据已加载。"))


def demo_apps():
    """Apps with a `demo` module, org first (everything else hangs on its units and users)."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("fazhi."):
            continue
        try:
            import_string(f"{config.name}.demo.load")
        except ImportError:
            continue
        found.append(config)
    return sorted(found, key=lambda c: getattr(c, "demo_order", 100))
