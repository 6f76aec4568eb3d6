"""Draft → under review → approved (only by the leader) → published; publication freezes the
text and every figure, and a page shows which figures would differ today."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from fazhi.core.documents import docx_bytes
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
        {"version": report.version, **data},
        follow=True,
    )


def test_staff_submit_only_the_leader_approves_and_publishing_records_who_and_when(demo, login):
    report = _report()
    staff = login("shencha")
    response = _step(staff, report, "submit")
    assert "已提交审核" in response.content.decode()
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

    _step(leader, report, "publish", signed_on="2020-03-09")
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.PUBLISHED
    assert report.published_by.username == "leader"
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
        report=report, version=report.version, by=leader, signed_on=date(2020, 3, 9)
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
    rows = page.context["rows"]
    assert {
        "name": "mediation.disputes",
        "key": "mediation.disputes",
        "published": "2197件",
        "today": "2196件",
    } in rows
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
        services.report_publish(report=report, version=report.version, by=staff)
    report = AnnualReport.objects.get(pk=report.pk)
    assert report.status == AnnualReport.Status.APPROVED

    # returned, approved again with today's figure, then published
    report = services.report_return(report=report, version=report.version, by=leader)
    assert not report.frozen_figures.exists() and not report.content_hash
    report = services.report_submit(report=report, version=report.version, by=staff)
    report = services.report_approve(report=report, version=report.version, by=leader)
    report = services.report_publish(report=report, version=report.version, by=staff)
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
        {"version": report.version + 5},
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
