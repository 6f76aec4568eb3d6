"""Text meant to hurt, through every door: a formula in a party's name comes back from every
export as text; control characters are refused at the form, the API and the import, and what
was stored before they were refused no longer breaks an export; an upload beyond the limits is
refused on the form or by the job, in Chinese, and saves nothing."""

from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core import ledgers
from fazhi.core.models import ImportJob
from fazhi.mediation.models import Committee, Dispute, Party
from fazhi.org.models import Unit

from .test_api import new_dispute
from .test_import_pages import committees_file, good, upload
from .test_pages import edit_data

pytestmark = pytest.mark.django_db
HYPERLINK = '=HYPERLINK("http://x","点击")'


@pytest.fixture(autouse=True)
def inline_imports(settings):
    settings.LEDGER_IMPORTS_INLINE = True


def workbook_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return load_workbook(BytesIO(content)).worksheets[0]


def test_a_formula_typed_as_a_party_name_comes_back_as_text_from_every_export(ledger, login):
    client = login("xinqiao")
    data = new_dispute(ledger)
    data["parties"][1]["name"] = HYPERLINK
    data["facts"] = "=1+1"
    created = client.post(reverse("mediation-dispute-list"), data, content_type="application/json")
    assert created.status_code == 201, created.json()
    # The drill-down lists concluded disputes: one of them carries a formula too.
    Party.objects.filter(dispute=ledger["xj_dispute"]).update(name="=1+1")
    leader = login("leader")
    exports = [
        leader.get(reverse("mediation:dispute_list"), {"export": "xlsx"}),
        leader.get(
            reverse("indicators:records", args=["mediation.disputes"]),
            {"unit": "510704", "year": 2019, "export": "xlsx"},
        ),
    ]
    sheets = []
    for export in exports:
        assert export.status_code == 200
        sheets.append(workbook_of(export))
        cells = [c for row in sheets[-1].iter_rows() for c in row]
        formulas = [c for c in cells if str(c.value or "").startswith("=")]
        assert {c.value for c in formulas} >= {"=1+1"}
        assert all(c.data_type == "s" for c in formulas)
    ledger_cells = [c.value for row in sheets[0].iter_rows() for c in row]
    assert HYPERLINK in ledger_cells


@pytest.mark.parametrize(
    "name, code",
    [("甲\u0001乙", "U+0001"), ("甲\x0b乙", "U+000B"), ("甲\u007f乙", "U+007F")],
)
def test_the_api_refuses_a_party_name_with_a_control_character_naming_it(ledger, login, name, code):
    data = new_dispute(ledger)
    data["parties"][0]["name"] = name
    response = login("xinqiao").post(
        reverse("mediation-dispute-list"), data, content_type="application/json"
    )
    assert response.status_code == 400
    assert code in str(response.json())
    assert Dispute.objects.count() == 2


def test_the_api_keeps_line_breaks_in_multi_line_text_but_not_in_a_name(ledger, login):
    client = login("xinqiao")
    data = new_dispute(ledger, facts="第一行\n第二行\t附注")
    assert (
        client.post(
            reverse("mediation-dispute-list"), data, content_type="application/json"
        ).status_code
        == 201
    )
    data = new_dispute(ledger)
    data["parties"][0]["name"] = "张\n三"
    response = client.post(reverse("mediation-dispute-list"), data, content_type="application/json")
    assert response.status_code == 400
    assert "换行" in str(response.json())


def test_the_page_form_refuses_a_vertical_tab_pasted_from_word(ledger, login):
    dispute = ledger["xq_dispute"]
    form = {**edit_data(ledger, dispute), "facts": "第一段\x0b第二段"}
    response = login("xinqiao").post(reverse("mediation:dispute_edit", args=[dispute.pk]), form)
    assert response.status_code == 200
    assert "U+000B" in response.text
    dispute.refresh_from_db()
    assert dispute.facts == "两户因排水沟发生争执。"


def test_text_stored_before_the_refusal_no_longer_breaks_the_exports(ledger, login):
    Party.objects.filter(dispute=ledger["xq_dispute"]).update(name="甲\u0001乙")
    for username in ["xinqiao", "leader"]:  # the township's export and the district's
        export = login(username).get(reverse("mediation:dispute_list"), {"export": "xlsx"})
        assert export.status_code == 200
        values = [str(c.value) for row in workbook_of(export).iter_rows() for c in row]
        assert any("甲乙" in value for value in values)


def test_an_upload_that_unpacks_beyond_the_limit_is_refused_on_the_form(ledger, login, monkeypatch):
    monkeypatch.setattr(ledgers, "MAX_UNCOMPRESSED_MB", 0)
    response = login("xinqiao").post(
        reverse("ledgers:import"),
        {
            "ledger": "mediation.committees",
            "unit": Unit.objects.get(code="510704101").pk,
            "file": committees_file([good(1)]),
        },
    )
    assert response.status_code == 200
    assert "文件解压后超过 0 MB" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_file_named_xlsx_that_is_not_a_workbook_is_refused_on_the_form(ledger, login):
    response = login("xinqiao").post(
        reverse("ledgers:import"),
        {
            "ledger": "mediation.committees",
            "unit": Unit.objects.get(code="510704101").pk,
            "file": SimpleUploadedFile("committees.xlsx", b"code,name\n1,2\n"),
        },
    )
    assert "不是有效的 Excel 文件" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_sheet_longer_than_an_import_may_be_ends_the_job_naming_the_limit(
    ledger, login, monkeypatch
):
    monkeypatch.setattr(ledgers, "MAX_ROWS", 2)
    before = Committee.objects.count()
    page = upload(login("xinqiao"), [good(n) for n in range(1, 4)])
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert "超过 2 行" in job.message and "超过 2 行" in page.content.decode()
    assert Committee.objects.count() == before


def test_every_imported_record_has_its_audit_entry_naming_the_job(ledger, login):
    upload(login("xinqiao"), [good(n) for n in range(1, 4)])
    job = ImportJob.objects.get()
    for n in range(1, 4):
        committee = Committee.objects.get(unit__code=f"510704101-c9{n}")
        entry = LogEntry.objects.get_for_object(committee).get(action=LogEntry.Action.CREATE)
        assert entry.additional_data["import_job"] == job.pk
