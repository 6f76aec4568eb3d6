"""Officers, certificates, renewals and exams: ID numbers masked unless the role may read them
(and each full view on the audit trail), a liaison keeps only their own organ's officers, a
failed exam blocks a certificate, the figures count what they define."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.core.audit import LogEntry
from fazhi.enforcement import services
from fazhi.enforcement.models import ExamSitting, Officer
from fazhi.enforcement.registers import ALL
from fazhi.indicators.registry import Period, compute
from fazhi.org.models import Unit

pytestmark = pytest.mark.django_db


def test_id_numbers_are_masked_unless_the_role_may_read_them_and_full_views_are_logged(
    officers, login
):
    zhang = officers["zhang"]
    masked = zhang.id_number[:6] + "********" + zhang.id_number[-4:]
    leader = login("leader")
    for url in [reverse("enforcement:officer_list"), zhang.get_absolute_url()]:
        page = leader.get(url).text
        assert zhang.id_number not in page and masked in page, url
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    staff = login("zhifa")  # 行政执法协调监督科: may read them
    assert zhang.id_number in staff.get(zhang.get_absolute_url()).text
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() == before + 1
    # the leader may not add an officer (the ID number is the record's key)
    leader = login("leader")
    assert leader.get(reverse("enforcement:officer_create")).status_code == 403


def test_a_liaison_keeps_their_own_organs_officers_only(officers, login):
    client = login("liaison")
    listed = client.get(reverse("enforcement:officer_list")).text
    assert "张执法" in listed and "李执法" not in listed
    assert client.get(officers["li"].get_absolute_url()).status_code == 404
    form = client.get(reverse("enforcement:officer_create")).text
    assert "区市场监督管理局" in form and "区财政局" not in form


def test_a_bad_id_number_is_refused_in_chinese(officers, login):
    response = login("zhifa").post(
        reverse("enforcement:officer_create"),
        {
            "name": "赵某",
            "id_number": "510704198001010011",
            "unit": officers["market"].pk,
            "staff_status": "ESTABLISHED",
            "training_hours": 0,
        },
    )
    assert response.status_code == 200 and "校验码错误" in response.text
    assert not Officer.objects.filter(name="赵某").exists()


def test_a_failed_exam_blocks_a_certificate_until_a_pass(officers):
    sitting = services.exam_sitting_save(
        user=None,
        title="考试",
        kind=ExamSitting.Kind.ANNUAL,
        unit=officers["bureau"],
        held_on=date(2019, 5, 1),
        pass_line=60,
    )
    services.exam_result_record(sitting=sitting, officer=officers["zhang"], score=52)
    certificate = {
        "user": None,
        "officer": officers["zhang"],
        "kind": "PROVINCIAL",
        "number": "川2019000999",
        "issued_by": "四川省人民政府",
        "issued_on": date(2019, 6, 1),
        "expires_on": date(2024, 6, 1),
        "status": "VALID",
        "renewal": None,
    }
    with pytest.raises(ValidationError) as refused:
        services.certificate_save(**certificate)
    assert "officer" in refused.value.message_dict
    make_up = services.exam_sitting_save(
        user=None,
        title="补考",
        kind=ExamSitting.Kind.MAKE_UP,
        unit=officers["bureau"],
        held_on=date(2019, 5, 20),
        pass_line=60,
    )
    services.exam_result_record(sitting=make_up, officer=officers["zhang"], score=75)
    assert services.certificate_save(**certificate).number == "川2019000999"


def test_the_figures_count_renewals_and_exam_takers(officers):
    renewal = services.renewal_save(
        user=None, unit=officers["bureau"], title="换领", renewed_on=date(2019, 6, 28)
    )
    for n, key in enumerate(["zhang", "li"]):
        services.certificate_save(
            user=None,
            officer=officers[key],
            kind="PROVINCIAL",
            number=f"川20190000{n}",
            issued_by="四川省人民政府",
            issued_on=date(2019, 6, 28),
            expires_on=date(2024, 6, 28),
            status="VALID",
            renewal=renewal,
        )
    sitting = services.exam_sitting_save(
        user=None,
        title="考试",
        kind=ExamSitting.Kind.ANNUAL,
        unit=officers["bureau"],
        held_on=date(2019, 11, 22),
        pass_line=60,
    )
    services.exam_result_record(sitting=sitting, officer=officers["zhang"], score=80)
    services.exam_result_record(sitting=sitting, officer=officers["li"], score=40)
    values = compute(
        unit=Unit.objects.get(code="510704"),
        period=Period.year(2019),
        viewer=officers["users"]["zhifa"],
        keys=[
            "enforcement.certificates_renewed",
            "enforcement.exam_takers",
            "enforcement.exam_pass_rate",
            "enforcement.valid_certificates",
        ],
    )
    assert (
        values["enforcement.certificates_renewed"] == 2 and values["enforcement.exam_takers"] == 2
    )
    assert (
        str(values["enforcement.exam_pass_rate"]) == "50.00"
        and values["enforcement.valid_certificates"] == 2
    )


def test_every_register_page_opens_for_the_bureau(officers, login):
    client = login("zhifa")
    for _prefix, register in ALL:
        assert client.get(reverse(f"enforcement:{register.name}_list")).status_code == 200
        assert client.get(reverse(f"enforcement:{register.name}_create")).status_code == 200
    assert client.get(officers["zhang"].get_absolute_url()).status_code == 200


def test_certificates_expiring_within_90_days_show_on_the_units_workbench(officers, login):
    from datetime import timedelta

    from fazhi.timelimits.selectors import today

    soon = today() + timedelta(days=30)
    for key, number, expires in [("zhang", "川2021000001", soon), ("li", "川2021000002", soon)]:
        services.certificate_save(
            user=None,
            officer=officers[key],
            kind="PROVINCIAL",
            number=number,
            issued_by="四川省人民政府",
            issued_on=expires.replace(year=expires.year - 5),
            expires_on=expires,
            status="VALID",
            renewal=None,
        )
    page = login("liaison").get("/").text
    assert 'data-testid="panel-certificates"' in page
    assert "川2021000001" in page and "川2021000002" not in page  # the finance bureau's
    later = today() + timedelta(days=200)
    services.certificate_save(
        user=None,
        officer=officers["zhang"],
        kind="MINISTRY",
        number="川2021000003",
        issued_by="国家市场监督管理总局",
        issued_on=later.replace(year=later.year - 5),
        expires_on=later,
        status="VALID",
        renewal=None,
    )
    assert "川2021000003" not in login("liaison").get("/").text


def test_organs_and_officers_offer_no_year_filter(officers, login):
    """Their date is the day they were entered: a year filter on it would mislead."""
    client = login("zhifa")
    for name in ("organ", "officer"):
        assert 'name="year"' not in client.get(reverse(f"enforcement:{name}_list")).text
    assert 'name="year"' in client.get(reverse("enforcement:certificate_list")).text


def test_an_annual_review_follows_the_certificates_issue_and_a_failure_suspends_it(officers, login):
    certificate = services.certificate_save(
        user=None,
        officer=officers["zhang"],
        kind="PROVINCIAL",
        number="川2019000777",
        issued_by="四川省人民政府",
        issued_on=date(2019, 9, 23),
        expires_on=date(2024, 9, 23),
        status="VALID",
        renewal=None,
    )
    client = login("zhifa")
    url = reverse("enforcement:certificate_review_add", args=[certificate.pk])
    page = client.post(
        url, {"year": 2019, "reviewed_on": "2019-08-01", "result": "PASSED"}, follow=True
    )
    assert "年审日期不能早于发证日期" in page.text
    assert not certificate.reviews.exists()
    client.post(
        url, {"year": 2020, "reviewed_on": "2020-12-10", "result": "FAILED", "note": "未完成培训"}
    )
    certificate.refresh_from_db()
    assert certificate.status == "SUSPENDED" and certificate.reviews.get().note == "未完成培训"
