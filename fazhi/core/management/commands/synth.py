from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = (
        "Add large synthetic data sets to the demo district for the benchmarks "
        "(PostgreSQL only; never on a production database)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--disputes", type=int, default=1_000_000, help="total synthetic disputes wanted"
        )

    def handle(self, *args, disputes, **options):
        from fazhi.mediation.models import Dispute
        from fazhi.mediation.synth import synthesize_disputes
        from fazhi.org.demo import is_demo_database

        if connection.vendor != "postgresql":
            raise CommandError("合成数据只能写入 PostgreSQL 数据库（DATABASE_URL）。")
        if not is_demo_database():
            raise CommandError("这不是演示数据库：合成数据只能加在演示数据之上。")
        have = Dispute.objects.filter(number__startswith="合成").count()
        if have < disputes:
            try:
                have = synthesize_disputes(disputes - have)
            except RuntimeError as error:
                raise CommandError(str(error)) from None
        self.stdout.write(f"合成纠纷：{have} 件")
