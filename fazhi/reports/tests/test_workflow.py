"""Draft → under review → approved (only by the leader) → published; publication freezes the
text and every figure, and a page shows which figures would differ today."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from fazhi.core.documents import docx_bytes
from fazhi.indicators.registry import all_indicators
from fazhi.mediation.models import Dispute
from fazhi.org.models import User
from fazhi.reports import outputs, services
from fazhi.reports.models import AnnualReport, ReportSection

pytestmark = pytest.mark.django_db


def _report():
    return AnnualReport.objects.get(year=2019)


def _step(client, report, step, **data):
    report.refresh_from_db()
    return client.post(
        reverse("reports:report_step", args=[report.pk, step]),
        {f"{step}-version": report.version, **{f"{step}-{k}": v for k, v in data.items()}},
        follow=True,
    )


def test_staff_submit_only_the_leader_approves_and_publishing_records_who_and_when(
    demo, login, django_capture_on_commit_callbacks
):
    from fazhi.inbox.models import Message

    report = _report()
    staff = login("shencha")
    with django_capture_on_commit_callbacks(execute=True):
        response = _step(staff, report, "submit")
    assert "已提交审核" in response.content.decode()
    waiting = Message.objects.get(kind=Message.Kind.TO_APPROVE, recipient__username="leader")
    assert waiting.title == f"待审定：{report.title}"  # in the leader's 站内消息
    assert not Message.objects.filter(recipient__username="shencha").exists()
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.REVIEW
    assert report.submitted_by.username == "shencha" and report.submitted_at

    # staff may not approve, by the page or by the service
    assert _step(staff, report, "approve").status_code == 403
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.REVIEW
    with pytest.raises(PermissionDenied):
        services.report_approve(
            report=report, version=report.version, by=User.objects.get(username="fuyi")
        )

    leader = login("leader")
    _step(leader, report, "approve")
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.APPROVED
    assert report.approved_by.username == "leader" and report.approved_at

    _step(leader, report, "publish", signed_on="2020-03-09")  # no secrecy review named
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.APPROVED
    _step(leader, report, "publish", signed_on="2020-03-09", secrecy_reviewer="张保密")
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.PUBLISHED
    assert report.published_by.username == "leader" and report.secrecy_reviewer == "张保密"
    assert len(report.content_hash) == 64
    assert "调处矛盾纠纷2197件" in report.published_text


def test_a_draft_with_a_typed_figure_cannot_be_submitted(demo, login):
    report = _report()
    paragraph = report.sections.get(kind=ReportSection.Kind.SHORTCOMINGS).paragraphs.first()
    paragraph.text += "全年通报批评20余个单位。"
    paragraph.save()
    response = _step(login("shencha"), report, "submit")
    page = response.content.decode()
    assert "检查发现" in page and "“20”为手工录入" in page
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.DRAFT


def test_only_a_draft_can_be_edited(demo, login):
    report = _report()
    leader_user = User.objects.get(username="leader")
    report = services.report_submit(
        report=report, version=report.version, by=User.objects.get(username="shencha")
    )
    paragraph = report.sections.first().paragraphs.first()
    with pytest.raises(ValidationError, match="只有草稿可以修改"):
        services.paragraph_update(
            paragraph=paragraph, version=paragraph.version, heading="", text="改写"
        )
    report = services.report_return(report=report, version=report.version, by=leader_user)
    services.paragraph_update(
        paragraph=paragraph, version=paragraph.version, heading="", text="改写"
    )


def _publish(report):
    staff, leader = User.objects.get(username="shencha"), User.objects.get(username="leader")
    report = services.report_submit(report=report, version=report.version, by=staff)
    report = services.report_approve(report=report, version=report.version, by=leader)
    return services.report_publish(
        report=report,
        version=report.version,
        by=leader,
        signed_on=date(2020, 3, 9),
        secrecy_reviewer="张保密",
    )


def test_publishing_freezes_the_report_against_later_edits_of_records(demo, login):
    report = _publish(_report())
    text, digest = report.published_text, report.content_hash
    word_before = [p.text for p in outputs.docx(report).paragraphs]

    # A dispute closed in 2019 is moved into 2020: the live figure drops to 2196.
    dispute = Dispute.objects.filter(closed_on__year=2019).order_by("pk").first()
    Dispute.objects.filter(pk=dispute.pk).update(closed_on=date(2020, 1, 6))

    report = AnnualReport.objects.get(pk=report.pk)
    assert report.published_text == text and report.content_hash == digest
    assert [p.text for p in outputs.docx(report).paragraphs] == word_before
    assert "2197件" in outputs.html(report) and docx_bytes(outputs.docx(report))

    page = login("leader").get(reverse("reports:report_differences", args=[report.pk]))
    rows = {row["name"]: (row["published"], row["today"]) for row in page.context["rows"]}
    assert rows["mediation.disputes"] == ("2197件", "2196件")
    assert "2196件" in page.content.decode()


def test_what_is_published_is_what_the_leader_approved(demo, login):
    staff, leader = User.objects.get(username="shencha"), User.objects.get(username="leader")
    report = services.report_submit(report=_report(), version=_report().version, by=staff)
    report = services.report_approve(report=report, version=report.version, by=leader)
    assert report.frozen_figures.get(reference="mediation.disputes").text == "2197件"
    dispute = Dispute.objects.filter(closed_on__year=2019).order_by("pk").first()
    Dispute.objects.filter(pk=dispute.pk).update(closed_on=date(2020, 1, 6))

    # the approved report keeps the approved figure; publishing it now is refused
    assert "2197件" in outputs.html(AnnualReport.objects.get(pk=report.pk))
    with pytest.raises(ValidationError, match="mediation.disputes 2197件 → 2196件"):
        services.report_publish(
            report=report, version=report.version, by=staff, secrecy_reviewer="张保密"
        )
    report = AnnualReport.objects.get(pk=report.pk)
    assert report.status == AnnualReport.Status.APPROVED

    # returned, approved again with today's figure, then published
    report = services.report_return(report=report, version=report.version, by=leader)
    assert not report.frozen_figures.exists() and not report.content_hash
    report = services.report_submit(report=report, version=report.version, by=staff)
    report = services.report_approve(report=report, version=report.version, by=leader)
    report = services.report_publish(
        report=report, version=report.version, by=staff, secrecy_reviewer="张保密"
    )
    assert "调处矛盾纠纷2196件" in report.published_text


def test_two_edits_at_once_move_the_reports_version_twice(demo):
    report = _report()
    first, second = report.sections.first().paragraphs.all()[:1].get(), None
    second = report.sections.last().paragraphs.first()
    services.paragraph_update(paragraph=first, version=first.version, heading="", text="甲")
    services.paragraph_update(paragraph=second, version=second.version, heading="", text="乙")
    assert AnnualReport.objects.get(pk=report.pk).version == report.version + 2


def test_a_published_report_with_unchanged_records_shows_no_difference(demo, login):
    report = _publish(_report())
    page = login("leader").get(reverse("reports:report_differences", args=[report.pk]))
    assert page.context["rows"] == []
    assert "所有数字与审定时一致" in page.content.decode()


def test_a_stale_step_is_refused(demo, login):
    report = _report()
    client = login("shencha")
    response = client.post(
        reverse("reports:report_step", args=[report.pk, "submit"]),
        {"submit-version": report.version + 5},
        follow=True,
    )
    assert "有人修改" in response.content.decode() or "他人" in response.content.decode()
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.DRAFT


def test_editing_a_paragraph_keeps_its_references_and_the_page_shows_the_figure(demo, login):
    report = _report()
    paragraph = report.sections.get(kind=ReportSection.Kind.MEASURES).paragraphs.get(
        source="theme:society"
    )
    client = login("shencha")
    url = reverse("reports:paragraph_edit", args=[report.pk, paragraph.pk])
    form = client.get(url)
    assert "{{mediation.disputes}}" in form.content.decode()  # the reference syntax is visible
    response = client.post(
        url,
        {
            "version": paragraph.version,
            "heading": paragraph.heading,
            "text": "全年共化解矛盾纠纷{{mediation.disputes}}，调解成功率{{mediation.success_rate}}。",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "全年共化解矛盾纠纷" in page and ">2197件</a>" in page and ">96.68%</a>" in page


def test_the_report_deadlines_show_on_the_workbench_and_dashboard_until_published(demo, login):
    client = login("leader")
    title = "绵阳市游仙区司法局2019年法治政府建设年度报告"
    for url in [reverse("home"), reverse("indicators:dashboard") + "?unit=510704&year=2019"]:
        page = client.get(url).content.decode()
        panel = page[page.index('data-testid="panel-reports"') :]
        assert title in panel and "2020-03-01" in panel and "2020-03-31" in panel, url
    _publish(_report())
    page = client.get(reverse("home")).content.decode()
    assert "年度报告均已公开" in page
    # a township clerk (no permission to read reports) gets no such panel
    assert (
        'data-testid="panel-reports"' not in login("xinqiao").get(reverse("home")).content.decode()
    )


def test_staff_take_a_report_back_from_review_and_edit_pages_open_only_on_a_draft(demo, login):
    report = _report()
    staff = login("shencha")
    _step(staff, report, "submit")
    paragraph = report.sections.first().paragraphs.first()
    page = staff.get(reverse("reports:paragraph_edit", args=[report.pk, paragraph.pk]), follow=True)
    assert "只有草稿可以修改" in page.content.decode()
    assert page.redirect_chain[-1][0] == report.get_absolute_url()
    _step(staff, report, "recall")
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.DRAFT
    page = staff.get(reverse("reports:paragraph_edit", args=[report.pk, paragraph.pk]))
    assert page.status_code == 200 and 'data-testid="figure-picker"' in page.content.decode()


def test_a_reference_naming_no_indicator_is_refused_on_saving_with_a_hint(demo, login):
    report = _report()
    paragraph = report.sections.first().paragraphs.first()
    response = login("shencha").post(
        reverse("reports:paragraph_edit", args=[report.pk, paragraph.pk]),
        {"version": paragraph.version, "heading": "", "text": "调处{{mediation.dispute}}。"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "{{mediation.dispute}} 没有对应的指标" in page and "mediation.disputes" in page
    paragraph.refresh_from_db()
    assert "mediation.dispute}}" not in paragraph.text


def test_the_optional_section_is_added_and_removed_and_flagged_while_empty(demo, login):
    from fazhi.reports.checks import run_checks

    report = _report()
    client = login("shencha")
    client.post(
        reverse("reports:section_add", args=[report.pk]),
        {"version": report.version, "kind": "OTHER"},
    )
    other = report.sections.get(kind=ReportSection.Kind.OTHER)
    assert any("其他需要报告的情况" in f.message for f in run_checks(_report()))
    report.refresh_from_db()
    required = report.sections.get(kind=ReportSection.Kind.PLAN)
    client.post(
        reverse("reports:section_delete", args=[report.pk, required.pk]),
        {"version": report.version},
    )
    assert report.sections.filter(kind=ReportSection.Kind.PLAN).exists()  # required: stays
    report.refresh_from_db()
    client.post(
        reverse("reports:section_delete", args=[report.pk, other.pk]), {"version": report.version}
    )
    assert not report.sections.filter(kind=ReportSection.Kind.OTHER).exists()


def test_a_publication_after_midnight_in_china_counts_on_that_day(demo):
    from datetime import UTC, datetime

    from fazhi.reports.checks import run_checks

    report = _publish(_report())
    # 17:00 UTC on the 28th is 01:00 on the 29th in China: one day late
    report.publish_due = date(2026, 11, 28)
    report.published_at = datetime(2026, 11, 28, 17, 0, tzinfo=UTC)
    messages = [f.message for f in run_checks(report)]
    assert "于 2026-11-29 公开，晚于公开期限 2026-11-28。" in messages


def test_differences_name_the_figure_and_open_todays_records(demo, login):
    report = _publish(_report())
    dispute = Dispute.objects.filter(closed_on__year=2019).order_by("pk").first()
    Dispute.objects.filter(pk=dispute.pk).update(closed_on=date(2020, 1, 6))
    page = login("leader").get(reverse("reports:report_differences", args=[report.pk]))
    html = page.content.decode()
    assert "调处矛盾纠纷" in html
    assert 'href="/indicators/mediation.disputes/records/?unit=510704&amp;start=2019-01-01' in html


def test_the_panel_says_when_last_years_report_is_not_started(demo, login):
    from fazhi.timelimits.selectors import today

    page = login("shencha").get(reverse("home")).content.decode()
    assert f"{today().year - 1} 年度报告尚未开始撰写" in page


def test_a_paragraph_edit_shows_in_the_reports_change_history(demo, login):
    report = _report()
    paragraph = report.sections.get(kind=ReportSection.Kind.PLAN).paragraphs.first()
    client = login("shencha")
    client.post(
        reverse("reports:paragraph_edit", args=[report.pk, paragraph.pk]),
        {"version": paragraph.version, "heading": paragraph.heading, "text": "新的工作安排。"},
    )
    page = login("leader").get(report.get_absolute_url())
    lines = [line.text() for item in page.context["history"] for line in item.lines]
    assert any("新的工作安排。" in line for line in lines), lines
    assert any(item.actor_name == "刘审查" for item in page.context["history"])


def test_the_report_page_runs_in_a_bounded_number_of_queries(
    demo, login, django_assert_max_num_queries
):
    report = _report()
    client = login("shencha")
    for paragraph in report.sections.get(kind=ReportSection.Kind.LEADERS).paragraphs.all():
        client.post(
            reverse("reports:paragraph_edit", args=[report.pk, paragraph.pk]),
            {"version": paragraph.version, "heading": paragraph.heading, "text": "改写。"},
        )
    client = login("leader")
    # the figures: one query per model, for the text and again with the parts the checks add
    # (the cache is off in tests); the history of every section and paragraph: one
    models = {i.model for i in all_indicators() if i.model is not None}
    with django_assert_max_num_queries(14 + 2 * len(models)):
        assert client.get(report.get_absolute_url()).status_code == 200


def test_a_paragraph_with_a_control_character_is_refused_and_one_stored_before_still_prints(
    demo, login
):
    report = _report()
    paragraph = report.sections.get(kind=ReportSection.Kind.MEASURES).paragraphs.first()
    url = reverse("reports:paragraph_edit", args=[report.pk, paragraph.pk])
    response = login("shencha").post(
        url,
        {"version": paragraph.version, "heading": paragraph.heading, "text": "第一句\x0b第二句"},
    )
    assert "U+000B" in response.content.decode()
    paragraph.refresh_from_db()
    assert "\x0b" not in paragraph.text
    # Stored before inputs refused it: the Word report still comes out, without the character.
    type(paragraph).objects.filter(pk=paragraph.pk).update(text="第一句\x0b第二句")
    document = docx_bytes(outputs.docx(report))
    assert document
    assert any("第一句第二句" in p.text for p in outputs.docx(report).paragraphs)
