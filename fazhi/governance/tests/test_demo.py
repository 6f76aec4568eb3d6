"""The 2019 demo reproduces the seed's 依法治区 figures under the keys issue 16 names, and the
generated report carries them: section 一's (一) 依法治区, section 三's figures, section 二's
suggestions. (Demo tests only: the module shares one demo load.)"""

import pytest
from django.urls import reverse

from fazhi.indicators.registry import Period, compute
from fazhi.org.models import Unit, User
from fazhi.reports.models import AnnualReport, ReportSection
from fazhi.reports.paragraphs import suggestions_for

pytestmark = pytest.mark.django_db

SEED = {
    "governance.coordination_groups": 4,
    "governance.inspections": 1,
    "governance.innovation.awards": 10,
    "governance.innovation.nominations": 19,
    "governance.innovation.page_views": 942782,
    "governance.innovation.likes": 131877,
    "governance.topic_reports": 1,
    "governance.research_topics": 9,
    "governance.honours": 13,
    "governance.honours.national": 3,
    "governance.honours.provincial": 8,
    "governance.honours.municipal": 2,
}
# "20余个" in the seed: more than 20, fewer than 30 (50余家: 51–59)
RANGES = {
    "governance.criticised_units": (21, 29),
    "governance.innovation.media_reports": (51, 59),
    "demonstration.participating_units": (21, 29),
}


def year_2019(viewer, keys):
    district = Unit.objects.get(code="510704")
    return compute(unit=district, period=Period.year(2019), viewer=viewer, keys=keys)


def test_the_demo_gives_the_seeds_figures(demo):
    leader = User.objects.get(username="leader")
    values = year_2019(leader, [*SEED, *RANGES])
    assert {k: values[k] for k in SEED} == SEED
    for key, (low, high) in RANGES.items():
        assert low <= values[key] <= high, (key, values[key])


def test_the_customary_figures_add_up(demo):
    leader = User.objects.get(username="leader")
    keys = [
        "governance.tasks",
        "governance.tasks.done",
        "governance.tasks.done_on_time",
        "governance.tasks.overdue",
        "governance.findings",
        "governance.findings.rectified",
        "governance.meetings",
        "governance.meetings.committee",
        "governance.meetings.office",
        "governance.meetings.group",
        "governance.leaders.law_reports",
        "governance.assessment.units",
        "governance.assessment.below_line",
    ]
    v = year_2019(leader, keys)
    assert v["governance.tasks.done_on_time"] <= v["governance.tasks.done"] <= v["governance.tasks"]
    assert v["governance.findings.rectified"] < v["governance.findings"]
    assert (
        v["governance.meetings"]
        == sum(v[f"governance.meetings.{k}"] for k in ("committee", "office", "group"))
        == 6
    )
    assert v["governance.assessment.below_line"] == 2
    assert 0 < v["governance.leaders.law_reports"] <= v["governance.assessment.units"]


def test_the_report_says_it_in_its_sections(demo):
    report = AnnualReport.objects.get(year=2019)
    measures = report.sections.get(kind=ReportSection.Kind.MEASURES)
    governance = measures.paragraphs.get(source="theme:governance")
    assert governance.heading == "统筹推进全面依法治区。"
    assert "{{governance.innovation.page_views}}" in governance.text
    # (一) comes first, before 法治政府
    sources = list(measures.paragraphs.order_by("position").values_list("source", flat=True))
    assert sources.index("theme:governance") < sources.index("theme:government")
    leaders = report.sections.get(kind=ReportSection.Kind.LEADERS)
    generated = [p.text for p in leaders.paragraphs.filter(source__startswith="section:")]
    assert any("{{governance.criticised_units}}" in text for text in generated)
    suggestions = suggestions_for(report, ReportSection.Kind.SHORTCOMINGS)
    assert any("4项任务未按期完成" in s for s in suggestions)
    assert any("2个至年底尚未整改销号" in s for s in suggestions)


def test_the_report_page_offers_the_suggestions_and_adds_one(demo, login):
    report = AnnualReport.objects.get(year=2019)
    client = login("shencha")
    page = client.get(report.get_absolute_url()).text
    assert "4项任务未按期完成" in page
    assert "942,782人次" in page or "942782人次" in page
    section = report.sections.get(kind=ReportSection.Kind.SHORTCOMINGS)
    text = next(s for s in suggestions_for(report, section.kind) if "任务" in s)
    response = client.post(
        reverse("reports:paragraph_add", args=[report.pk, section.pk]),
        {"heading": "", "text": text},
    )
    assert response.status_code == 302
    assert section.paragraphs.filter(text=text).exists()
    # once added, it is no longer offered
    offered = f'name="text" value="{text}"'
    assert offered in page
    assert offered not in client.get(report.get_absolute_url()).text


def test_a_liaison_sees_their_departments_tasks_and_findings_only(demo, login):
    client = login("liaison")
    tasks = client.get(reverse("governance:task_list")).text
    assert "推行行政执法公示" in tasks and "公开环境行政处罚信息" not in tasks
    findings = client.get(reverse("governance:finding_list")).text
    assert "区市场监督管理局" in findings and "区发展和改革局" not in findings
