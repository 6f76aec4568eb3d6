"""The 依法治区 pages: every register's list, record, new and edit page opens for the office and
stays shut to those without the right; a record outside the viewer's scope is a 404; lists
export to Excel; forms refuse bad input with Chinese messages; the figures count what they
define (a unit named in two notices counts once)."""

from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.governance import services
from fazhi.governance.models import AssessmentResult, Honour, Notice
from fazhi.governance.registers import ALL
from fazhi.indicators.registry import Period, compute
from fazhi.org.models import Unit

pytestmark = pytest.mark.django_db


def _records(office):
    """One record of each register."""
    u = office["unit"]
    market = office["market"]
    made = {
        "task": office["market_task"],
        "workplan": office["plan"],
        "inspection": office["inspection"],
    }
    made["body"] = services.body_save(
        user=None,
        kind="GROUP",
        name="执法协调小组",
        unit=u,
        established_on=date(2019, 2, 28),
        dissolved_on=None,
        rules="",
    )
    made["meeting"] = services.meeting_save(
        user=None,
        body=made["body"],
        title="第一次会议",
        held_on=date(2019, 4, 2),
        topics="",
        decisions="",
    )
    made["finding"] = services.finding_save(
        user=None,
        inspection=office["inspection"],
        unit=market,
        problem="问题一",
        basis="",
        found_on=date(2019, 8, 5),
        due_on=date(2019, 10, 1),
    )
    made["notice"] = services.notice_save(
        user=None,
        unit=u,
        issued_on=date(2019, 10, 18),
        title="督察通报",
        document_number="",
        tone="CRITICISM",
        inspection=None,
        named_units=[market],
    )
    made["honour"] = services.honour_save(
        user=None,
        unit=u,
        honoured="区司法局",
        title="先进集体",
        level="PROVINCIAL",
        conferred_by="省司法厅",
        conferred_on=date(2019, 9, 1),
        document_number="",
        evidence=None,
    )
    made["innovationentry"] = services.innovation_entry_save(
        user=None,
        unit=market,
        title="作品",
        contest="法治创新大赛",
        awarded_on=date(2019, 12, 6),
        result="AWARD",
        page_views=10,
        likes=3,
    )
    made["mediareport"] = services.media_report_save(
        user=None,
        unit=u,
        outlet="绵阳日报",
        headline="报道",
        published_on=date(2019, 12, 7),
        subject="CONTEST",
    )
    made["researchtopic"] = services.research_topic_save(
        user=None, unit=u, title="课题", started_on=date(2019, 4, 1), finished_on=None, result=""
    )
    made["topicreport"] = services.topic_report_save(
        user=None,
        unit=u,
        kind="REPORT",
        title="汇报",
        recipient="区委书记",
        reported_on=date(2019, 7, 12),
        instruction="",
        instructed_on=None,
    )
    made["demonstrationapplication"] = services.demonstration_save(
        user=None,
        unit=u,
        title="示范创建",
        kind="COMPREHENSIVE",
        started_on=date(2019, 5, 10),
        submitted_on=None,
        status="PREPARING",
        edition=None,
        participating_units=[market],
    )
    made["assessmentscheme"] = services.assessment_scheme_save(
        user=None,
        unit=u,
        year=2019,
        title="2019年度考核",
        document_number="",
        pass_line=80,
        city_score=13,
    )
    made["leaderduty"] = services.leader_duty_save(
        user=None,
        unit=market,
        year=2019,
        leader_name="张某",
        leader_post="局长",
        study_sessions=3,
        agenda_items=2,
        report_form="YEAR_END",
        reported_on=date(2019, 12, 20),
        evaluation_score=90,
        assessment_points=None,
    )
    made["unitreport"] = services.unit_report_save(
        user=None,
        unit=market,
        year=2019,
        sent_on=date(2020, 3, 20),
        published_on=date(2020, 3, 25),
        published_at="门户网站",
        has_required_parts=True,
        report=None,
    )
    made["modelvillage"] = services.model_village_save(
        user=None,
        unit=Unit.objects.get(name="新桥镇", kind="TOWNSHIP"),
        name="新桥镇金山村",
        level="DISTRICT",
        named_on=date(2018, 6, 1),
        named_by="区司法局",
        evidence=None,
    )
    return made


def test_every_register_page_opens_for_the_office_and_exports(office, login):
    made = _records(office)
    client = login("yifa")
    for _prefix, register in ALL:
        name = register.name
        record = made[name]
        for url in [
            reverse(f"governance:{name}_list"),
            reverse(f"governance:{name}_create"),
            reverse(f"governance:{name}_detail", args=[record.pk]),
            reverse(f"governance:{name}_edit", args=[record.pk]),
        ]:
            response = client.get(url)
            assert response.status_code == 200, url
        exported = client.get(reverse(f"governance:{name}_list"), {"export": "xlsx"})
        assert exported.status_code == 200, name
        sheet = load_workbook(BytesIO(b"".join(exported.streaming_content))).active
        assert sheet.max_row >= 2, name  # a header and the record


def test_the_registers_are_shut_to_users_without_the_right_and_to_outsiders(office, login):
    from fazhi.org.demo import grant
    from fazhi.org.models import Role

    made = _records(office)
    township = login("xiaojiangou")  # none of the records is of 小枧沟镇
    for _prefix, register in ALL:
        assert township.get(reverse(f"governance:{register.name}_create")).status_code == 403
    # Granted every right to view them, the township still sees none: its scope holds.
    views = [f"governance.view_{register.name}" for _prefix, register in ALL]
    grant(Role.objects.get(code="township_staff"), views)
    township = login("xiaojiangou")
    for _prefix, register in ALL:
        name = register.name
        record = made[name]
        detail = township.get(reverse(f"governance:{name}_detail", args=[record.pk]))
        assert detail.status_code == 404, name
        listed = township.get(reverse(f"governance:{name}_list")).text
        assert record.get_absolute_url() not in listed, name
        edit = township.get(reverse(f"governance:{name}_edit", args=[record.pk]))
        assert edit.status_code in (403, 404), name


def test_a_form_refuses_bad_input_in_chinese_and_saves_good_input(office, login):
    client = login("yifa")
    url = reverse("governance:honour_create")
    response = client.post(
        url,
        {
            "honoured": "区司\x0b法局",
            "title": "",
            "level": "PROVINCIAL",
            "conferred_by": "省司法厅",
            "conferred_on": "2019-09-01",
            "unit": office["unit"].pk,
        },
    )
    assert response.status_code == 200
    assert "控制字符" in response.text and "请填写此项" in response.text
    assert not Honour.objects.exists()
    response = client.post(
        url,
        {
            "honoured": "区司法局",
            "title": "先进集体",
            "level": "PROVINCIAL",
            "conferred_by": "省司法厅",
            "conferred_on": "2019-09-01",
            "unit": office["unit"].pk,
        },
    )
    assert response.status_code == 302
    honour = Honour.objects.get()
    # an edit made on a stale page is refused, nothing overwritten
    edit = reverse("governance:honour_edit", args=[honour.pk])
    data = {
        "honoured": "区司法局",
        "title": "改过的",
        "level": "NATIONAL",
        "conferred_by": "司法部",
        "conferred_on": "2019-09-01",
        "unit": office["unit"].pk,
        "version": honour.version + 5,
    }
    assert "已被他人修改" in client.post(edit, data).text
    honour.refresh_from_db()
    assert honour.title == "先进集体"


def test_a_unit_named_in_two_notices_counts_once_among_the_criticised(office):
    market, finance = office["market"], office["finance"]
    for day in (10, 20):
        services.notice_save(
            user=None,
            unit=office["unit"],
            issued_on=date(2019, 10, day),
            title=f"通报{day}",
            document_number="",
            tone=Notice.Tone.CRITICISM,
            inspection=None,
            named_units=[market, finance] if day == 10 else [market],
        )
    values = compute(
        unit=Unit.objects.get(code="510704"),
        period=Period.year(2019),
        viewer=office["users"]["yifa"],
        keys=["governance.criticised_units", "governance.praised_units"],
    )
    assert values == {"governance.criticised_units": 2, "governance.praised_units": 0}


def test_scoring_ranks_units_and_counts_those_below_the_pass_line(office, login):
    scheme = services.assessment_scheme_save(
        user=None,
        unit=office["unit"],
        year=2019,
        title="2019年度考核",
        document_number="",
        pass_line=80,
        city_score=13,
    )
    client = login("yifa")
    for name, points in [("依法决策", "60"), ("严格执法", "40")]:
        client.post(
            reverse("governance:assessment_item_add", args=[scheme.pk]),
            {"name": name, "points": points},
        )
    first, second = scheme.items.all()
    score = reverse("governance:assessment_score", args=[scheme.pk])
    chooser = client.get(score).text
    assert "区市场监督管理局" in chooser and "新桥镇司法所" not in chooser  # departments, townships
    market = f"{score}?unit={office['market'].pk}"
    finance = f"{score}?unit={office['finance'].pk}"
    response = client.post(market, {f"item_{first.pk}": "25", f"reason_{first.pk}": ""})
    assert response.status_code == 200 and "请填写扣分原因" in response.text
    client.post(market, {f"item_{first.pk}": "25", f"reason_{first.pk}": "未履行法制审核"})
    client.post(finance, {f"item_{second.pk}": "2", f"reason_{second.pk}": "台账不全"})
    # the scored unit's page shows its deductions, so saving again loses none
    again = client.get(market).text
    assert "未履行法制审核" in again and 'value="25' in again
    results = {r.unit_id: (r.total, r.rank) for r in AssessmentResult.objects.all()}
    assert results[office["market"].pk] == (75, 2) and results[office["finance"].pk] == (98, 1)
    values = compute(
        unit=Unit.objects.get(code="510704"),
        period=Period.year(2019),
        viewer=office["users"]["yifa"],
        keys=[
            "governance.assessment.below_line",
            "governance.assessment.average",
            "governance.assessment.city_score",
        ],
    )
    assert values["governance.assessment.below_line"] == 1
    assert str(values["governance.assessment.average"]) == "86.50"
    page = client.get(scheme.get_absolute_url()).text
    assert "低于合格线" in page
    # once scored, the items are fixed
    client.post(
        reverse("governance:assessment_item_add", args=[scheme.pk]),
        {"name": "新项目", "points": "5"},
    )
    assert scheme.items.count() == 2


def test_tracking_a_years_unit_reports_lists_the_missing_and_late(office, login):
    client = login("yifa")
    response = client.post(reverse("governance:unitreport_open"), {"year": 2019})
    assert response.status_code == 302
    tracked = client.get(reverse("governance:unitreport_list"), {"year": 2019}).text
    assert "区市场监督管理局" in tracked and "新桥镇" in tracked
    values = compute(
        unit=Unit.objects.get(code="510704"),
        period=Period.year(2019),
        viewer=office["users"]["yifa"],
        keys=["governance.unit_reports.expected", "governance.unit_reports.late_or_missing"],
    )
    expected = Unit.objects.filter(kind__in=["DEPARTMENT", "TOWNSHIP"]).count()
    assert values == {
        "governance.unit_reports.expected": expected,
        "governance.unit_reports.late_or_missing": expected,
    }


def test_the_word_documents_open_and_a_rectification_notice_keeps_its_number(office, login):
    from docx import Document

    from fazhi.core.models import NumberingRule
    from fazhi.governance.documents import RECTIFICATION_NOTICE_KEY

    NumberingRule.objects.create(
        unit=office["unit"], key=RECTIFICATION_NOTICE_KEY, prefix="游委法办整改"
    )
    finding = services.finding_save(
        user=None,
        inspection=office["inspection"],
        unit=office["market"],
        problem="执法案卷不规范",
        basis="",
        found_on=date(2019, 8, 5),
        due_on=date(2019, 10, 1),
    )
    client = login("yifa")
    notice = client.get(reverse("governance:inspection_notice", args=[office["inspection"].pk]))
    text = "\n".join(p.text for p in Document(BytesIO(notice.content)).paragraphs)
    assert "区市场监督管理局" in text and "游委法办〔2019〕12号" in text
    numbers = []
    for _n in range(2):
        response = client.post(reverse("governance:rectification_notice", args=[finding.pk]))
        text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
        assert "执法案卷不规范" in text
        numbers.append(next(line for line in text.split("\n") if line.startswith("游委法办整改")))
    from fazhi.timelimits.selectors import today

    # issued today (and numbered in today's year), once: the second download keeps the number
    assert numbers == [f"游委法办整改〔{today().year}〕1号"] * 2
    finding.refresh_from_db()
    assert finding.notice_number == numbers[0]
    ledger = client.get(reverse("governance:task_ledger_document", args=[office["plan"].pk]))
    table = Document(BytesIO(ledger.content)).tables[0]
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "工作任务", "牵头单位"]
    assert {row.cells[1].text for row in table.rows[1:]} == {
        "推行行政执法三项制度",
        "保障法治建设工作经费",
    }


def test_evidence_is_checked_kept_under_its_name_and_opened_only_within_scope(office, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    finding = services.finding_save(
        user=None,
        inspection=office["inspection"],
        unit=office["market"],
        problem="执法公示不全",
        basis="",
        found_on=date(2019, 8, 5),
        due_on=date(2019, 10, 1),
    )
    liaison = login("liaison")
    url = reverse("governance:finding_step", args=[finding.pk, "rectify"])

    def post(upload):
        finding.refresh_from_db()
        return liaison.post(
            url,
            {
                "rectify-version": finding.version,
                "rectify-on": "2019-09-01",
                "rectify-rectification": "已补齐公示。",
                "rectify-evidence": upload,
            },
        )

    refused = post(SimpleUploadedFile("tool.exe", b"MZ"))
    assert refused.status_code == 200 and "exe" in refused.text
    assert post(SimpleUploadedFile("公示截图.pdf", b"%PDF-1.4")).status_code == 302
    finding.refresh_from_db()
    assert finding.evidence.name.endswith("/公示截图.pdf")
    page = liaison.get(finding.get_absolute_url()).text
    link = reverse("governance:finding_file", args=[finding.pk, "evidence"])
    assert link in page and "公示截图.pdf" in page
    assert b"".join(liaison.get(link).streaming_content) == b"%PDF-1.4"
    assert login("xinqiao").get(link).status_code in (403, 404)


def test_a_years_records_refuse_an_impossible_year(office, login):
    response = login("yifa").post(reverse("governance:unitreport_open"), {"year": 2999})
    assert response.status_code == 302
    from fazhi.governance.models import UnitReport

    assert not UnitReport.objects.exists()
    with pytest.raises(ValidationError):
        services.assessment_scheme_save(
            user=None,
            unit=office["unit"],
            year=2999,
            title="考核",
            document_number="",
            pass_line=80,
            city_score=None,
        )


def test_simple_lists_export_numbers_and_dates_as_such(office, login):
    services.innovation_entry_save(
        user=None,
        unit=office["market"],
        title="作品",
        contest="大赛",
        awarded_on=date(2019, 12, 6),
        result="AWARD",
        page_views=32509,
        likes=3,
    )
    exported = login("yifa").get(reverse("governance:innovationentry_list"), {"export": "xlsx"})
    rows = list(load_workbook(BytesIO(b"".join(exported.streaming_content))).active.values)
    assert rows[1][3:] == (32509, 3) and rows[1][2] == "法治创新奖"


def test_a_problem_written_over_several_lines_is_saved(office):
    finding = services.finding_save(
        user=None,
        inspection=office["inspection"],
        unit=office["market"],
        problem="一、执法案卷不规范；\n二、法制审核记录缺失。",
        basis="",
        found_on=date(2019, 8, 5),
        due_on=date(2019, 10, 1),
    )
    assert "\n" in finding.problem


def test_editing_keeps_the_units_the_editor_cannot_see_and_clearing_a_file_does_not_fail(
    office, login
):
    from fazhi.org.demo import grant
    from fazhi.org.models import Role

    notice = services.notice_save(
        user=None,
        unit=office["unit"],
        issued_on=date(2019, 10, 18),
        title="督察通报",
        document_number="",
        tone="CRITICISM",
        inspection=None,
        named_units=[office["market"], Unit.objects.get(name="小枧沟镇", kind="TOWNSHIP")],
    )
    # 新桥镇's staff may edit notices here but see only their township: 区市场监管局 and
    # 小枧沟镇 are not offered, and must not be dropped
    notice.unit = Unit.objects.get(name="新桥镇", kind="TOWNSHIP")
    notice.save()
    grant(
        Role.objects.get(code="township_staff"),
        ["governance.view_notice", "governance.change_notice"],
    )
    client = login("xinqiao")
    xinqiao = Unit.objects.get(name="新桥镇", kind="TOWNSHIP")
    response = client.post(
        reverse("governance:notice_edit", args=[notice.pk]),
        {
            "tone": "CRITICISM",
            "title": "督察通报（修订）",
            "document_number": "",
            "unit": xinqiao.pk,
            "issued_on": "2019-10-18",
            "named_units": [xinqiao.pk],
            "version": notice.version,
        },
    )
    assert response.status_code == 302, response.text[-500:]
    named = set(notice.mentions.values_list("named_unit__name", flat=True))
    assert named == {"区市场监督管理局", "小枧沟镇", "新桥镇"}

    honour = services.honour_save(
        user=None,
        unit=office["unit"],
        honoured="区司法局",
        title="先进集体",
        level="PROVINCIAL",
        conferred_by="省司法厅",
        conferred_on=date(2019, 9, 1),
        document_number="",
        evidence=None,
    )
    data = {
        "honoured": "区司法局",
        "title": "先进集体",
        "level": "PROVINCIAL",
        "conferred_by": "省司法厅",
        "conferred_on": "2019-09-01",
        "unit": office["unit"].pk,
        "version": honour.version,
        "evidence-clear": "on",
    }
    assert (
        login("yifa").post(reverse("governance:honour_edit", args=[honour.pk]), data).status_code
        == 302
    )


def test_a_score_saved_meanwhile_by_someone_else_is_not_overwritten(office):
    from fazhi.core.versioning import StaleEdit

    scheme = services.assessment_scheme_save(
        user=None,
        unit=office["unit"],
        year=2019,
        title="考核",
        document_number="",
        pass_line=80,
        city_score=None,
    )
    item = services.assessment_item_add(scheme=scheme, name="依法决策", points=60)
    services.assessment_score(scheme=scheme, unit=office["market"], deductions={item.pk: (5, "甲")})
    with pytest.raises(StaleEdit):  # the second clerk opened the unit before it was scored
        services.assessment_score(
            scheme=scheme, unit=office["market"], deductions={item.pk: (9, "乙")}, version=""
        )
    assert AssessmentResult.objects.get().total == 55


def test_a_distinct_figure_lists_one_record_per_unit(office):
    from fazhi.indicators.registry import get_indicator

    for day in (10, 20):
        services.notice_save(
            user=None,
            unit=office["unit"],
            issued_on=date(2019, 10, day),
            title=f"通报{day}",
            document_number="",
            tone=Notice.Tone.CRITICISM,
            inspection=None,
            named_units=[office["market"]],
        )
    records = get_indicator("governance.criticised_units").records(
        unit=Unit.objects.get(code="510704"),
        period=Period.year(2019),
        viewer=office["users"]["yifa"],
    )
    assert records.count() == 1
