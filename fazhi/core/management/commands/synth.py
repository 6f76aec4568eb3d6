from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from fazhi.core.scale import all_scales


class Command(BaseCommand):
    help = (
        "Add large synthetic data sets to the demo district for the benchmarks "
        "(PostgreSQL only; never on a production database). One option per kind of record the "
        "installed lines of work can synthesize (their synth.py)."
    )

    def add_arguments(self, parser):
        for scale in all_scales():
            parser.add_argument(
                f"--{scale.option}",
                type=int,
                default=scale.default,
                help=f"total synthetic records wanted ({scale.label}; default {scale.default})",
            )

    def handle(self, *args, **options):
        from fazhi.core.ledgers import data_changed
        from fazhi.org.demo import is_demo_database

        if connection.vendor != "postgresql":
            raise CommandError("合成数据只能写入 PostgreSQL 数据库（DATABASE_URL）。")
        if not is_demo_database():
            raise CommandError("这不是演示数据库：合成数据只能加在演示数据之上。")
        summary = []
        try:
            for scale in all_scales():
                wanted = options[scale.option.replace("-", "_")]
                have = scale.existing()
                if have < wanted:
                    scale.add(wanted - have)
                summary.append(f"{scale.label} {max(have, wanted)}")
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        data_changed.send(sender=self.__class__)  # written in SQL: no model signals
        self.stdout.write("；".join(summary))
