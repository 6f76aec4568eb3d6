"""The shared Excel import pages: upload, errors by row and column, annotated workbook, dry run,
and nobody else's upload to look at."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from fazhi.core.models import ImportJob
from fazhi.mediation.models import Committee

pytestmark = pytest.mark.django_db
HEADERS = [
    "单位编码",
    "名称",
    "上级单位编码",
    "类型",
    "规范化调解室",
    "星级",
    "成立日期",
    "是否在用",
]


@pytest.fixture(autouse=True)
def inline_imports(settings):
    settings.LEDGER_IMPORTS_INLINE = True  # the thread is exercised by the browser test


def committees_file(rows) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    data = BytesIO()
    book.save(data)
    return SimpleUploadedFile("committees.xlsx", data.getvalue())


def good(n):
    return [
        f"510704101-c9{n}",
        f"新桥镇试点{n}村人民调解委员会",
        "510704101",
        "村（社区）调委会",
        "是",
        3,
        "2018-01-01",
        "是",
    ]


def upload(client, rows, dry_run=False):
    from fazhi.org.models import Unit

    data = {
        "ledger": "mediation.committees",
        "unit": Unit.objects.get(code="510704101").pk,
        "file": committees_file(rows),
    }
    if dry_run:
        data["dry_run"] = "on"
    response = client.post(reverse("ledgers:import"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response.url)


def test_one_bad_cell_imports_nothing_and_the_page_names_row_column_and_problem(ledger, login):
    client = login("xinqiao")
    rows = [good(n) for n in range(1, 6)]
    rows[2][5] = 9  # sheet row 4: 星级 above 5
    page = upload(client, rows)
    assert "没有导入任何数据：5 行中有 1 处错误" in page.text
    assert "<td>4</td><td>星级</td>" in page.text.replace("\n", "")
    assert not Committee.objects.filter(unit__code__startswith="510704101-c9").exists()
    job = ImportJob.objects.get()
    annotated = client.get(reverse("ledgers:errors", args=[job.pk]))
    sheet = load_workbook(BytesIO(b"".join(annotated.streaming_content))).worksheets[0]
    assert sheet.cell(row=4, column=6).comment is not None


def test_a_dry_run_saves_nothing_and_a_real_run_saves_all(
    ledger, login, django_capture_on_commit_callbacks
):
    client = login("xinqiao")
    rows = [good(n) for n in range(1, 6)]
    with django_capture_on_commit_callbacks(execute=True):
        assert "全部 5 行校验通过" in upload(client, rows, dry_run=True).text
    assert not Committee.objects.filter(unit__code__startswith="510704101-c9").exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert "新建 5 条记录" in upload(client, rows).text
    assert Committee.objects.filter(unit__code__startswith="510704101-c9").count() == 5
    from fazhi.inbox.models import Message

    told = Message.objects.filter(recipient__username="xinqiao", kind=Message.Kind.IMPORT_DONE)
    assert [m.title for m in told.order_by("pk")] == [
        "导入完成：人民调解委员会台账，校验通过（试导入，未保存）",
        "导入完成：人民调解委员会台账，已导入 5 条",
    ]


def test_another_user_cannot_see_an_upload_or_its_errors(ledger, login):
    rows = [good(1)]
    rows[0][5] = 9
    upload(login("xinqiao"), rows)
    job = ImportJob.objects.get()
    other = login("xiaojiangou")
    assert other.get(reverse("ledgers:job", args=[job.pk])).status_code == 404
    assert other.get(reverse("ledgers:errors", args=[job.pk])).status_code == 404


def test_a_user_may_not_import_into_a_unit_outside_the_scope_or_without_permission(ledger, login):
    from fazhi.org.models import Unit

    client = login("xiaojiangou")
    response = client.post(
        reverse("ledgers:import"),
        {
            "ledger": "mediation.committees",
            "unit": Unit.objects.get(code="510704101").pk,
            "file": committees_file([good(1)]),
        },
    )
    assert response.status_code == 200 and not ImportJob.objects.exists()
    assert login("leader").get(reverse("ledgers:import")).status_code == 403
    assert (
        login("leader").get(reverse("ledgers:template", args=["mediation.disputes"])).status_code
        == 404
    )


def test_an_import_is_on_the_audit_trail_with_who_and_what(ledger, login):
    from auditlog.models import LogEntry

    upload(login("xinqiao"), [good(n) for n in range(1, 4)])
    job = ImportJob.objects.get()
    entries = LogEntry.objects.get_for_object(job)
    created = entries.get(action=LogEntry.Action.CREATE)
    assert created.actor.username == "xinqiao"
    assert created.changes_dict["original_name"][1] == "committees.xlsx"
    assert any(e.changes_dict.get("created", [None, None])[1] == "3" for e in entries)


def test_records_imported_from_the_page_name_the_uploader_and_leave_no_audit_receiver(
    ledger, login
):
    """An import run inside the request (single-process setups) names its uploader and file on
    every record's audit entry, and hands the request's audit context back whole: auditlog's
    per-request receiver is disconnected as usual, not left behind by each upload."""
    from auditlog.models import LogEntry
    from django.db.models.signals import pre_save

    from fazhi.mediation.models import Committee

    client = login("xinqiao")
    upload(client, [good(1)])  # the first request connects what stays connected anyway
    receivers = len(pre_save._live_receivers(LogEntry)[0])
    upload(client, [good(n) for n in range(2, 4)])
    assert len(pre_save._live_receivers(LogEntry)[0]) == receivers
    committee = Committee.objects.get(unit__code="510704101-c92")
    entry = LogEntry.objects.get_for_object(committee).get(action=LogEntry.Action.CREATE)
    assert entry.actor.username == "xinqiao"
    assert entry.additional_data["file"] == "committees.xlsx"
