"""The 2019 demo gives the seed's enforcement figures, and the report prints them — 213, not the
seed's garbled "2018213". (Demo tests only: the module shares one demo load.)"""

import re

import pytest

from fazhi.indicators.registry import Period, compute
from fazhi.org.models import Unit, User
from fazhi.reports.models import AnnualReport, ReportSection

pytestmark = pytest.mark.django_db


def test_the_demo_gives_the_seeds_enforcement_figures(demo):
    values = compute(
        unit=Unit.objects.get(code="510704"),
        period=Period.year(2019),
        viewer=User.objects.get(username="leader"),
        keys=[
            "enforcement.certificates_renewed",
            "enforcement.exam_takers",
            "enforcement.excellent_case_files",
        ],
    )
    assert values == {
        "enforcement.certificates_renewed": 213,
        "enforcement.exam_takers": 65,
        "enforcement.excellent_case_files": 3,
    }


def test_the_report_prints_the_renewal_and_the_exam(demo, login):
    report = AnnualReport.objects.get(year=2019)
    government = report.sections.get(kind=ReportSection.Kind.MEASURES).paragraphs.get(
        source="theme:government"
    )
    assert "{{enforcement.certificates_renewed}}" in government.text
    html = login("leader").get(report.get_absolute_url()).text
    page = re.sub(r"<[^>]+>", "", html)  # figures are links to their records
    assert "完成213名行政执法人员证件换领" in page and "2018213" not in page
    assert "组织65名行政执法人员参加年度法律知识考试" in page
    # the case-file evaluation and the three systems, from their own records
    assert "集中评查行政执法案卷30件" in page and "择优上报3件优秀卷宗" in page
    assert re.search(r"全年作出行政执法决定\d+件，在规定时限内公示\d+件", page)
