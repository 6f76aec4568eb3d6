"""Excel imports from the web: the upload becomes an ImportJob that runs in a background thread
(a 100,000-row workbook takes a while) and reports its progress, so the page can show a bar.

Progress is written to the job row while the rows are read and checked. The save itself runs in
one transaction (all rows or none), which other connections cannot look into: the page then
shows "saving" until the job ends.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from fazhi.core.ledgers import (
    Ledger,
    WorkbookRefused,
    get_ledger,
    import_ledger,
    write_error_workbook,
)
from fazhi.core.models import ImportJob

log = logging.getLogger(__name__)
PROGRESS_EVERY = 0.5  # seconds between progress writes


def ledgers_for(user) -> list[Ledger]:
    """The ledgers `user` may import into (the ledger's `permission`)."""
    from fazhi.core.ledgers import _registry

    autodiscover_modules("ledgers")
    return [
        ledger
        for key, ledger in sorted(_registry.items())
        if getattr(ledger, "permission", "") and user.has_perm(ledger.permission)
    ]


def start_import_job(job: ImportJob) -> None:
    """Run the job in a thread, or right now when settings say so (single-process setups)."""
    if getattr(settings, "LEDGER_IMPORTS_INLINE", False):
        run_import_job(job.pk)
        return
    thread = threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True)
    thread.start()


def _run_in_thread(job_id: int) -> None:
    close_old_connections()
    try:
        run_import_job(job_id)
    finally:
        connection.close()


def run_import_job(job_id: int) -> ImportJob:
    job = ImportJob.objects.select_related("unit", "user").get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    last = {"phase": "", "at": 0.0}

    def progress(phase: str, done: int, total: int) -> None:
        if connection.in_atomic_block:
            return  # inside the saving transaction: no one else could see the update
        now = time.monotonic()
        if phase == last["phase"] and now - last["at"] < PROGRESS_EVERY:
            return
        last.update(phase=phase, at=now)
        ImportJob.objects.filter(pk=job.pk).update(phase=phase, done=done, total=total)

    try:
        ledger = get_ledger(job.ledger)
        with job.file.open("rb") as source:
            result = import_ledger(
                ledger,
                source,
                context={
                    "unit": job.unit,
                    "viewer": job.user,
                    "file": job.original_name,
                    "job": job.pk,
                },
                dry_run=job.dry_run,
                progress=progress,
            )
        job.rows, job.created = result.rows, result.created
        job.errors = [[e.row, e.column, e.message] for e in result.errors]
        if result.errors:
            annotated = _annotated_workbook(ledger, job, result.errors)
            job.error_file.save(f"errors-{job.pk}.xlsx", ContentFile(annotated), save=False)
        job.status = ImportJob.Status.DONE
    except WorkbookRefused as refusal:
        job.status = ImportJob.Status.FAILED
        job.message = "；".join(refusal.messages) + _(" Nothing was saved.")
    except Exception:
        log.exception("ledger import %s failed", job.pk)
        job.status = ImportJob.Status.FAILED
        job.message = _(
            "The import stopped on an unexpected error and saved nothing. The file is kept; "
            "please tell the system administrator (import no. %(id)s)."
        ) % {"id": job.pk}
    job.phase = ""
    job.finished_at = timezone.now()
    job.save()
    _tell_the_uploader(job)
    return job


def _tell_the_uploader(job: ImportJob) -> None:
    """The import's outcome in the uploader's 站内消息: a big file takes minutes."""
    from django.urls import reverse

    from fazhi.inbox.models import Message
    from fazhi.inbox.services import notify

    if job.user is None:
        return
    try:
        title = get_ledger(job.ledger).title
    except KeyError:
        title = job.ledger
    if job.status == ImportJob.Status.DONE and not job.errors:
        done = "校验通过（试导入，未保存）" if job.dry_run else f"已导入 {job.created} 条"
        outcome = f"导入完成：{title}，{done}"
    elif job.status == ImportJob.Status.DONE:
        outcome = f"导入未保存：{title}，发现 {len(job.errors)} 处错误"
    else:
        outcome = f"导入未成功：{title}"
    notify(
        [job.user],
        kind=Message.Kind.IMPORT_DONE,
        title=outcome,
        body=job.original_name,
        url=reverse("ledgers:job", args=[job.pk]),
        key=f"import:{job.pk}",
    )


def _annotated_workbook(ledger, job, errors) -> bytes:
    from io import BytesIO

    target = BytesIO()
    with job.file.open("rb") as source:
        write_error_workbook(ledger, source, errors, target)
    return target.getvalue()
