from django.core.management.base import BaseCommand, CommandError
from django.db import connection

# How `--others N` is shared among the other kinds of record.
SHARES = {"requests": 0.4, "filings": 0.2, "cases": 0.2, "lawsuits": 0.2}


class Command(BaseCommand):
    help = (
        "Add large synthetic data sets to the demo district for the benchmarks "
        "(PostgreSQL only; never on a production database)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--disputes", type=int, default=1_000_000, help="total synthetic disputes wanted"
        )
        parser.add_argument(
            "--others",
            type=int,
            default=100_000,
            help="total synthetic records of the other kinds wanted (review requests, filings, "
            "reconsideration cases, lawsuits; opinion items and hearings come on top)",
        )

    def handle(self, *args, disputes, others, **options):
        from fazhi.legality import synth as legality
        from fazhi.legality.models import Filing, ReviewRequest
        from fazhi.litigation import synth as litigation
        from fazhi.litigation.models import Lawsuit
        from fazhi.mediation.models import Dispute
        from fazhi.mediation.synth import synthesize_disputes
        from fazhi.org.demo import is_demo_database
        from fazhi.reconsideration import synth as reconsideration
        from fazhi.reconsideration.models import Case

        if connection.vendor != "postgresql":
            raise CommandError("合成数据只能写入 PostgreSQL 数据库（DATABASE_URL）。")
        if not is_demo_database():
            raise CommandError("这不是演示数据库：合成数据只能加在演示数据之上。")
        want = {kind: int(others * share) for kind, share in SHARES.items()}
        have = {
            "requests": ReviewRequest.objects.filter(title__startswith="合成").count(),
            "filings": Filing.objects.filter(title__startswith="合成").count(),
            "cases": Case.objects.filter(applicants__startswith="合成").count(),
            "lawsuits": Lawsuit.objects.filter(case_number__contains="合成").count(),
        }
        try:
            count = Dispute.objects.filter(number__startswith="合成").count()
            if count < disputes:
                count = synthesize_disputes(disputes - count)
            missing = {kind: max(0, want[kind] - have[kind]) for kind in want}
            if missing["requests"] or missing["filings"]:
                legality.synthesize(missing["requests"], missing["filings"])
            if missing["cases"]:
                reconsideration.synthesize(missing["cases"])
            if missing["lawsuits"]:
                litigation.synthesize(missing["lawsuits"])
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        from fazhi.core.ledgers import data_changed

        data_changed.send(sender=self.__class__)  # written in SQL: no model signals
        self.stdout.write(
            f"合成纠纷：{count} 件；合成审查事项、备案、复议案件、应诉案件："
            + "、".join(str(max(want[k], have[k])) for k in want)
        )
