"""Take audit and login records older than the retention period out of the database into a
compressed file (JSON lines), then delete them there: the only way they are ever deleted."""

import gzip
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

from auditlog.models import LogEntry
from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

CHUNK = 2000
# (model, its time field)
RECORDS = [(LogEntry, "timestamp"), (AccessLog, "attempt_time"), (AccessFailureLog, "attempt_time")]


class Command(BaseCommand):
    help = (
        "Archive audit and login records older than --before (at least "
        "FAZHI_RECORD_RETENTION_DAYS, 180 by default, back) to a .jsonl.gz file and delete them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--before", required=True, help="YYYY-MM-DD: records before this day")
        parser.add_argument("--output", required=True, help="file to write (.jsonl.gz)")

    def handle(self, *args, before, output, **options):
        try:
            day = date.fromisoformat(before)
        except ValueError:
            raise CommandError(f"日期“{before}”无效，应为 YYYY-MM-DD。") from None
        keep = settings.FAZHI_RECORD_RETENTION_DAYS
        latest = timezone.localdate() - timedelta(days=keep)
        if day > latest:
            raise CommandError(
                f"审计和登录记录至少保存 {keep} 天：只能归档 {latest:%Y-%m-%d} 之前的记录。"
            )
        path = Path(output)
        if path.exists():
            raise CommandError(f"{path} 已存在，不会覆盖。")
        cutoff = timezone.make_aware(datetime.combine(day, time.min))
        counts = {}
        with transaction.atomic(), gzip.open(path, "wt", encoding="utf-8") as out:
            for model, field in RECORDS:
                old = model.objects.filter(**{f"{field}__lt": cutoff}).order_by("pk")
                count = 0
                while chunk := list(old[:CHUNK]):  # written, then deleted, a chunk at a time
                    for row in json.loads(serializers.serialize("json", chunk)):
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    model.objects.filter(pk__in=[r.pk for r in chunk]).delete()
                    count += len(chunk)
                counts[model._meta.label] = count
            # The archiving itself stays on the trail.
            LogEntry.objects.create(
                content_type=ContentType.objects.get_for_model(LogEntry),
                object_pk="archive",
                object_repr=f"归档 {day:%Y-%m-%d} 之前的审计和登录记录",
                action=LogEntry.Action.DELETE,
                changes={"archived": [str(sum(counts.values())), "0"]},
                additional_data={"archived_before": before, "file": str(path), **counts},
            )
        summary = "、".join(f"{label} {n} 条" for label, n in counts.items())
        self.stdout.write(f"已归档 {day:%Y-%m-%d} 之前的记录到 {path}：{summary}。")
