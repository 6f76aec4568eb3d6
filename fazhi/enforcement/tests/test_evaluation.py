"""Case-file evaluation: a rubric kept as data (items by code, locked once it scored, copied into
a new edition), grades configured per evaluation, an officer whose certificate expired cannot be
named and fewer than two certified officers is flagged, the evaluators score (deductions within
the item's points, with a reason), only a file of the highest grade goes on to the province,
problems are rectified by the organ and accepted by the office with a clock on the organ's
工作台; the figures follow."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.enforcement import services
from fazhi.enforcement.models import CaseFile, Problem, Rubric
from fazhi.indicators.registry import Period, compute
from fazhi.org.models import Unit
from fazhi.timelimits.selectors import open_deadlines

pytestmark = pytest.mark.django_db


def figures(keys, viewer):
    district = Unit.objects.get(code="510704")
    return compute(unit=district, period=Period.year(2019), viewer=viewer, keys=keys)


def step(client, record, name, **fields):
    record.refresh_from_db()
    url = reverse(f"enforcement:{record._meta.model_name}_step", args=[record.pk, name])
    data = {f"{name}-version": record.version, **{f"{name}-{k}": v for k, v in fields.items()}}
    return client.post(url, data)


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


def test_rubric_items_are_entered_by_code_and_explained_in_chinese(evaluation, login):
    client = login("zhifa")
    rubric = Rubric.objects.create(
        unit=evaluation["bureau"],
        kind="LICENSING",
        title="许可标准",
        edition="试行",
        adopted_on=date(2019, 1, 1),
    )
    url = reverse("enforcement:rubric_item_add", args=[rubric.pk])
    cases = [
        ({"code": "1.1", "title": "材料齐全", "points": "10"}, "请先添加一级项目 1"),
        ({"code": "甲", "title": "材料", "points": ""}, "编号请写成 2（一级项目）或 2.3"),
        ({"code": "1", "title": "受理", "points": "10"}, "一级项目的分值为其二级内容分值之和"),
    ]
    for data, error in cases:
        page = client.post(url, data, follow=True)
        assert error in messages_of(page), data
    client.post(url, {"code": "1", "title": "受理", "points": ""})
    page = client.post(url, {"code": "1.1", "title": "材料齐全", "points": ""}, follow=True)
    assert "二级内容须填写分值" in messages_of(page)
    client.post(
        url, {"code": "1.1", "title": "材料齐全", "points": "15.5", "scoring_notes": "缺一项扣2分"}
    )
    page = client.get(rubric.get_absolute_url()).text
    assert "材料齐全" in page and "缺一项扣2分" in page and "15.5" in page
    assert rubric.total_points == Decimal("15.5")


def test_a_rubric_that_scored_is_locked_and_copied_into_a_new_edition(evaluation, login):
    rubric = evaluation["rubric"]  # the market regulator's file was scored with it
    with pytest.raises(ValidationError, match="请复制为新版本"):
        services.rubric_item_add(rubric=rubric, code="3", title="归档")
    client = login("zhifa")
    page = client.post(
        reverse("enforcement:rubric_copy", args=[rubric.pk]),
        {"edition": "2020版", "adopted_on": "2019-12-01"},
        follow=True,
    )
    copy = Rubric.objects.get(kind="PENALTY", edition="2020版")
    assert page.redirect_chain[-1][0] == copy.get_absolute_url()
    assert [(i.code, i.points) for i in copy.items.order_by("position")] == [
        (i.code, i.points) for i in rubric.items.order_by("position")
    ]
    assert copy.total_points == rubric.total_points == Decimal(100)
    services.rubric_item_add(rubric=copy, code="3", title="归档")  # the new edition changes


@pytest.mark.parametrize(
    "grades, error",
    [
        ("优秀 90、合格 95、不合格 0", "最低分须从高到低排列"),
        ("优秀 90、合格 60", "最后一个等次的最低分须为 0"),
        ("优秀、合格、不合格", "名称加最低分"),
        ("优秀 90、优秀 0", "等次名称不能重复"),
    ],
)
def test_grades_are_checked_when_the_evaluation_is_saved(evaluation, login, grades, error):
    campaign = evaluation["campaign"]
    data = {
        "title": campaign.title,
        "unit": campaign.unit_id,
        "started_on": "2019-07-01",
        "ended_on": "2019-07-31",
        "scope": campaign.scope,
        "files_per_organ": 2,
        "rubrics": [evaluation["rubric"].pk],
        "grades": grades,
        "rectify_days": 30,
        "version": campaign.version,
    }
    page = login("zhifa").post(reverse("enforcement:campaign_edit", args=[campaign.pk]), data)
    assert page.status_code == 200 and error in page.text
    campaign.refresh_from_db()
    assert campaign.grades == "优秀 90、合格 60、不合格 0"


def test_an_officer_whose_certificate_expired_cannot_be_named(evaluation, login):
    zhang = evaluation["zhang"]  # certificate valid 2019-01-10 to 2024-01-10
    data = {
        "campaign": evaluation["campaign"].pk,
        "organ": evaluation["organs"]["market"].pk,
        "case_number": "游市监罚〔2024〕2号",
        "title": "某商店未明码标价案",
        "kind": "PENALTY",
        "decided_on": "2024-03-01",
        "officers": [zhang.pk, evaluation["wang"].pk],
    }
    page = login("zhifa").post(reverse("enforcement:casefile_create"), data)
    assert page.status_code == 200
    assert "张执法 的执法证 川2019100001 已于 2024-01-10 过期" in page.text
    assert not CaseFile.objects.filter(case_number="游市监罚〔2024〕2号").exists()
    # an officer of another organ is not offered, and refused by the service all the same
    data.update(decided_on="2019-05-01", officers=[zhang.pk, evaluation["li"].pk])
    page = login("zhifa").post(reverse("enforcement:casefile_create"), data)
    assert (
        page.status_code == 200
        and not CaseFile.objects.filter(decided_on=date(2019, 5, 1)).exists()
    )
    with pytest.raises(ValidationError, match="李执法 不是该执法主体的执法人员"):
        services.case_file_save(
            user=None,
            campaign=evaluation["campaign"],
            organ=evaluation["organs"]["market"],
            case_number="游市监罚〔2019〕30号",
            title="某案",
            kind="PENALTY",
            decided_on=date(2019, 5, 1),
            officers=[zhang, evaluation["li"]],
        )


def test_fewer_than_two_certified_officers_is_flagged_and_never_sent_on(evaluation, login):
    finance_file = evaluation["finance_file"]  # one officer only
    assert (
        finance_file.certificate_shortfall and not evaluation["market_file"].certificate_shortfall
    )
    page = login("zhifa").get(finance_file.get_absolute_url()).text
    assert "持有效证件的办案人员不足两名（行政处罚法第42条）" in page
    scored = services.case_file_score(
        case_file=finance_file,
        version=finance_file.version,
        scored_on=date(2019, 7, 12),
        deductions={},
    )
    assert scored.grade == "优秀"
    with pytest.raises(ValidationError, match="不足两名"):
        services.case_file_submit(case_file=scored, version=scored.version, on=date(2019, 7, 20))
    assert "steps/submit/" not in login("zhifa").get(finance_file.get_absolute_url()).text
    values = figures(["enforcement.case_files_short_of_officers"], evaluation["users"]["zhifa"])
    assert values == {"enforcement.case_files_short_of_officers": 1}


def test_the_evaluator_scores_within_each_items_points_with_a_reason(evaluation, login):
    case_file, item = evaluation["market_file"], evaluation["notice_item"]
    other = case_file.rubric.items.get(code="2.1")
    client = login("zhifa")
    url = reverse("enforcement:casefile_score", args=[case_file.pk])
    page = client.get(url).text
    assert "未书面告知当事人陈述申辩权利" in page  # the earlier deduction fills the form
    base = {"version": case_file.version, "scored_on": "2019-07-15"}
    page = client.post(url, {**base, f"points_{item.pk}": "41", f"reason_{item.pk}": "x"})
    assert "本项最多扣 40 分" in page.text
    page = client.post(url, {**base, f"points_{other.pk}": "3", f"reason_{other.pk}": ""})
    assert "请填写扣分理由" in page.text
    case_file.refresh_from_db()
    assert case_file.score == Decimal(95)  # nothing saved by a refused form
    data = {
        **base,
        f"points_{item.pk}": "",
        f"points_{other.pk}": "35",
        f"reason_{other.pk}": "文书缺页",
    }
    assert client.post(url, data).status_code == 302
    case_file.refresh_from_db()
    assert (case_file.score, case_file.grade, case_file.failing) == (Decimal(65), "合格", False)
    assert [(d.item.code, d.points) for d in case_file.deductions.all()] == [("2.1", Decimal(35))]
    # a stale form (scored meanwhile by another evaluator) is refused
    page = client.post(url, {**data, f"points_{other.pk}": "50", f"reason_{other.pk}": "再扣"})
    assert page.status_code == 200 and case_file.__class__.objects.get(pk=case_file.pk).score == 65


def test_only_the_evaluations_evaluators_score(evaluation, login, district):
    from fazhi.org.models import Role

    url = reverse("enforcement:casefile_score", args=[evaluation["market_file"].pk])
    assert login("leader").get(url).status_code == 403  # no right to score
    # 审查 staff hold the right (section staff) but are not in this evaluation's pool
    assert Role.objects.get(code="section_staff")
    assert login("shencha").get(url).status_code == 403
    assert login("zhifa").get(url).status_code == 200


def test_only_a_file_of_the_highest_grade_is_sent_on_and_counted(evaluation, login):
    market_file = evaluation["market_file"]  # 95: 优秀
    client = login("zhifa")
    assert "steps/submit/" in client.get(market_file.get_absolute_url()).text
    assert step(client, market_file, "submit", on="2019-07-20").status_code == 302
    market_file.refresh_from_db()
    assert market_file.submitted_onward and market_file.submitted_on == date(2019, 7, 20)
    # its score stays
    score_url = reverse("enforcement:casefile_score", args=[market_file.pk])
    page = client.get(score_url, follow=True)
    assert page.redirect_chain and "该案卷已上报，得分不能再修改" in messages_of(page)
    with pytest.raises(ValidationError, match="已上报"):
        services.case_file_score(
            case_file=market_file,
            version=market_file.version,
            scored_on=date(2019, 7, 21),
            deductions={},
        )
    values = figures(
        [
            "enforcement.excellent_case_files",
            "enforcement.case_files_evaluated",
            "enforcement.case_files_average_score",
        ],
        evaluation["users"]["leader"],
    )
    assert values["enforcement.excellent_case_files"] == 1
    assert values["enforcement.case_files_evaluated"] == 1  # the finance file is not scored
    assert values["enforcement.case_files_average_score"] == Decimal("95.00")


def test_a_problem_runs_a_clock_for_the_organ_which_reports_and_the_office_accepts(
    evaluation, login, django_capture_on_commit_callbacks
):
    from fazhi.inbox.models import Message

    problem = evaluation["problem"]
    clock = open_deadlines(viewer=evaluation["users"]["zhifa"]).get(
        object_id=problem.pk, rule__code="enforcement.case_file_rectification"
    )
    assert clock.due_date == date(2019, 8, 9) and clock.unit == evaluation["market"]
    liaison = login("liaison")
    assert "案卷评查整改" in liaison.get(reverse("home")).text
    # the office may not report for the organ; the organ may not accept its own report
    assert (
        step(login("zhifa"), problem, "rectify", on="2019-08-01", rectification="代报").status_code
        == 403
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = step(
            login("liaison"), problem, "rectify", on="2019-08-01", rectification="已补正告知书。"
        )
    assert response.status_code == 302
    asked = Message.objects.filter(kind=Message.Kind.TO_REVIEW, url=problem.get_absolute_url())
    assert {m.recipient.username for m in asked} == {"zhifa"}
    assert step(login("liaison"), problem, "accept", on="2019-08-05").status_code == 403
    assert step(login("zhifa"), problem, "accept", on="2019-08-05").status_code == 302
    problem.refresh_from_db()
    assert problem.status == Problem.Status.ACCEPTED
    values = figures(
        [
            "enforcement.problems_found",
            "enforcement.problems_rectified",
            "enforcement.rectification_rate",
        ],
        evaluation["users"]["leader"],
    )
    assert values == {
        "enforcement.problems_found": 1,
        "enforcement.problems_rectified": 1,
        "enforcement.rectification_rate": Decimal("100.00"),
    }


def test_a_liaison_sees_only_their_organs_case_files(evaluation, login):
    client = login("liaison")
    page = client.get(reverse("enforcement:casefile_list")).text
    assert "游市监罚〔2019〕15号" in page and "游财罚〔2019〕3号" not in page
    assert client.get(evaluation["finance_file"].get_absolute_url()).status_code == 404
    assert client.get(evaluation["market_file"].get_absolute_url()).status_code == 200
    # the evaluation that drew its files, and the rubric, are the bureau's but reach the organ:
    # its page shows the organ's own files only
    page = client.get(evaluation["campaign"].get_absolute_url())
    assert page.status_code == 200
    assert "游市监罚〔2019〕15号" in page.text and "游财罚〔2019〕3号" not in page.text
    assert "区财政局" not in page.text
    assert client.get(evaluation["rubric"].get_absolute_url()).status_code == 200
    assert (
        "不在您的数据权限范围内"
        not in client.get(evaluation["market_file"].get_absolute_url()).text
    )
    other = services.rubric_copy(
        rubric=evaluation["rubric"], edition="2020版", adopted_on=date(2019, 12, 1)
    )
    assert client.get(other.get_absolute_url()).status_code == 404  # drew none of its files


def test_drawing_a_file_for_an_organ_offers_that_organs_officers_only(evaluation, login):
    url = reverse("enforcement:casefile_create")
    organ = evaluation["organs"]["market"]
    page = login("zhifa").get(f"{url}?campaign={evaluation['campaign'].pk}&organ={organ.pk}").text
    assert "张执法" in page and "王执法" in page and "李执法" not in page
    assert "李执法" in login("zhifa").get(url).text  # no organ chosen yet: all


def test_a_certificate_is_judged_as_it_stood_on_the_decision_day(evaluation):
    """Cancelled or marked expired later, a certificate valid on the day still counts."""
    from fazhi.enforcement.models import Certificate

    zhang_certificate = Certificate.objects.get(number="川2019100001")  # 2019-01-10 to 2024-01-10
    Certificate.objects.filter(pk=zhang_certificate.pk).update(
        status="CANCELLED", status_since=date(2020, 3, 1)
    )
    wang_certificate = Certificate.objects.get(number="川2019100002")
    Certificate.objects.filter(pk=wang_certificate.pk).update(status="EXPIRED")  # replaced since
    case_file = services.case_file_save(
        user=None,
        campaign=evaluation["campaign"],
        organ=evaluation["organs"]["market"],
        case_number="游市监罚〔2019〕31号",
        title="某案",
        kind="PENALTY",
        decided_on=date(2019, 5, 7),
        officers=[evaluation["zhang"], evaluation["wang"]],
    )
    assert not case_file.certificate_shortfall
    # after the cancellation zhang no longer counts
    later = services.case_file_save(
        user=None,
        campaign=evaluation["campaign"],
        organ=evaluation["organs"]["market"],
        case_number="游市监罚〔2020〕5号",
        title="某案",
        kind="PENALTY",
        decided_on=date(2020, 4, 7),
        officers=[evaluation["zhang"], evaluation["wang"]],
    )
    assert later.certificate_shortfall


def test_a_rubrics_kind_stays_once_a_file_was_drawn_with_it(evaluation):
    rubric = Rubric.objects.get(pk=evaluation["rubric"].pk)
    with pytest.raises(ValidationError, match="不能修改执法类别"):
        services.rubric_save(
            user=None,
            instance=rubric,
            version=rubric.version,
            unit=rubric.unit,
            kind="LICENSING",
            title=rubric.title,
            edition=rubric.edition,
            adopted_on=rubric.adopted_on,
        )


def _resave(campaign, grades):
    campaign.refresh_from_db()
    return services.campaign_save(
        user=None,
        instance=campaign,
        version=campaign.version,
        unit=campaign.unit,
        title=campaign.title,
        started_on=campaign.started_on,
        ended_on=campaign.ended_on,
        scope=campaign.scope,
        files_per_organ=campaign.files_per_organ,
        grades=grades,
        rectify_days=campaign.rectify_days,
        rubrics=list(campaign.rubrics.all()),
        evaluators=list(campaign.evaluators.all()),
    )


def test_changed_grades_grade_the_scored_files_again(evaluation):
    market_file = evaluation["market_file"]  # 95
    _resave(evaluation["campaign"], "优秀 98、良好 90、合格 60、不合格 0")
    market_file.refresh_from_db()
    assert (market_file.grade, market_file.grade_rank, market_file.failing) == ("良好", 1, False)
    _resave(evaluation["campaign"], "优秀 90、合格 60、不合格 0")
    market_file.refresh_from_db()
    services.case_file_submit(
        case_file=market_file, version=market_file.version, on=date(2019, 7, 20)
    )
    with pytest.raises(ValidationError, match="已作为优秀案卷上报"):
        _resave(evaluation["campaign"], "优秀 98、合格 60、不合格 0")
    market_file.refresh_from_db()
    assert market_file.grade == "优秀"


def test_a_liaison_registers_certificates_but_the_bureau_changes_them(evaluation, login):
    from fazhi.enforcement.models import Certificate

    certificate = Certificate.objects.get(number="川2019100001")
    liaison = login("liaison")
    assert (
        liaison.get(reverse("enforcement:certificate_edit", args=[certificate.pk])).status_code
        == 403
    )
    url = reverse("enforcement:certificate_review_add", args=[certificate.pk])
    assert (
        liaison.post(
            url, {"year": 2019, "reviewed_on": "2019-12-01", "result": "FAILED"}
        ).status_code
        == 403
    )
    assert liaison.get(reverse("enforcement:certificate_create")).status_code == 200
    zhifa = login("zhifa")
    zhifa.post(url, {"year": 2019, "reviewed_on": "2019-12-01", "result": "FAILED"})
    certificate.refresh_from_db()
    assert (certificate.status, certificate.status_since) == ("SUSPENDED", date(2019, 12, 1))
