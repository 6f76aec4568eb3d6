"""The legality pages, API and ledgers: scope on every route, the liaison's submission, the
reviewer's opinion and numbered letter, filings, stale edits, exports and imports."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from openpyxl import Workbook, load_workbook

from fazhi.core.ledgers import get_ledger, import_ledger
from fazhi.legality import services
from fazhi.legality.models import Attachment, Filing, OpinionItem, ReviewRequest
from fazhi.org.models import Unit
from fazhi.timelimits.selectors import deadlines_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def filings(legality):
    finance = Unit.objects.get(short_name="区财政局")
    market = Unit.objects.get(short_name="区市场监管局")
    theirs = services.filing_register(
        kind=Filing.Kind.NORMATIVE_DOCUMENT,
        filing_unit=finance,
        title="区财政局关于规范专项资金管理的通知",
        document_number="游财〔2019〕3号",
        published_on=date(2019, 3, 1),
        filed_on=date(2019, 3, 20),
    )
    ours = services.filing_register(
        kind=Filing.Kind.MAJOR_PENALTY,
        filing_unit=market,
        title="某公司无照经营案处罚决定",
        document_number="游市监罚〔2019〕9号",
        published_on=date(2019, 4, 1),
        filed_on=date(2019, 5, 20),  # 49 days: late
    )
    return {"theirs": theirs, "ours": ours}


def request_routes(review):
    pk = review.pk
    gets = [
        reverse("legality:request_detail", args=[pk]),
        reverse("legality:request_edit", args=[pk]),
        reverse("legality:request_step", args=[pk, "opinion"]),
        reverse("legality:request_letter", args=[pk]),
        reverse("legality-request-detail", args=[pk]),
    ]
    posts = [
        reverse("legality:request_step", args=[pk, "start"]),
        reverse("legality:request_step", args=[pk, "return"]),
        reverse("legality:request_step", args=[pk, "withdraw"]),
        reverse("legality:request_step", args=[pk, "adoption"]),
        reverse("legality:request_step", args=[pk, "opinion"]),
        reverse("legality-request-start-review", args=[pk]),
        reverse("legality-request-issue-opinion", args=[pk]),
        reverse("legality-request-return", args=[pk]),
        reverse("legality-request-withdraw", args=[pk]),
    ]
    return gets, posts


def filing_routes(filing):
    pk = filing.pk
    gets = [
        reverse("legality:filing_detail", args=[pk]),
        reverse("legality:filing_edit", args=[pk]),
        reverse("legality-filing-detail", args=[pk]),
    ]
    posts = [
        reverse("legality:filing_step", args=[pk, "review"]),
        reverse("legality:filing_edit", args=[pk]),
        reverse("legality-filing-review", args=[pk]),
    ]
    return gets, posts


@pytest.mark.parametrize("username", ["liaison", "xinqiao"])
def test_an_outsider_gets_404_on_every_route_of_another_units_records(
    legality, filings, media, login, username
):
    client = login(username)
    attachment = services.attachment_add(
        request=legality["theirs"], upload=SimpleUploadedFile("合同.pdf", b"%PDF-1.4")
    )
    gets, posts = request_routes(legality["theirs"])
    filing_gets, filing_posts = filing_routes(filings["theirs"])
    gets += filing_gets + [reverse("legality:attachment_download", args=[attachment.pk])]
    # Routes their role may use: 404, the record does not exist for them. Routes needing a
    # permission they lack: 403 whatever the record. Never the record itself.
    for url in gets:
        response = client.get(url)
        assert response.status_code in (403, 404), url
    readable = [
        reverse("legality:request_detail", args=[legality["theirs"].pk]),
        reverse("legality:request_letter", args=[legality["theirs"].pk]),
        reverse("legality-request-detail", args=[legality["theirs"].pk]),
        reverse("legality:filing_detail", args=[filings["theirs"].pk]),
        reverse("legality-filing-detail", args=[filings["theirs"].pk]),
        reverse("legality:attachment_download", args=[attachment.pk]),
    ]
    for url in readable:
        assert client.get(url).status_code == 404, url
    for url in posts + filing_posts:
        response = client.post(url, {"version": 1, "on": "2019-10-10"})
        assert response.status_code in (403, 404), url
    assert ReviewRequest.objects.get(pk=legality["theirs"].pk).status == "RECEIVED"
    assert Filing.objects.get(pk=filings["theirs"].pk).result == "PENDING"


def test_roles_without_the_permission_get_403_on_writes(legality, filings, login):
    leader = login("leader")  # reads everything, writes nothing here
    for url in [
        reverse("legality:request_create"),
        reverse("legality:filing_create"),
        reverse("legality:advisor_create"),
        reverse("legality:request_step", args=[legality["ours"].pk, "opinion"]),
        reverse("legality:filing_edit", args=[filings["ours"].pk]),
    ]:
        assert leader.get(url).status_code == 403, url
    pk = legality["ours"].pk
    assert (
        leader.post(
            reverse("legality:request_step", args=[pk, "start"]), {"version": 1}
        ).status_code
        == 403
    )
    liaison = login("liaison")  # submits, but does not review
    start = reverse("legality-request-start-review", args=[pk])
    assert liaison.post(start, {"version": 1}, content_type="application/json").status_code == 403
    assert liaison.get(reverse("legality:request_step", args=[pk, "opinion"])).status_code == 403


def test_a_liaison_submits_with_files_and_sees_only_their_departments_requests(
    legality, media, login, today_is
):
    today_is(date(2019, 11, 4))
    client = login("liaison")
    market = Unit.objects.get(short_name="区市场监管局")
    response = client.post(
        reverse("legality:request_create"),
        {
            "kind": "NORMATIVE_DOCUMENT",
            "submitting_unit": market.pk,
            "title": "关于加强农产品质量安全监管的通知（送审稿）",
            "received_on": "2019-06-01",  # not the department's to choose: ignored
            "files": [
                SimpleUploadedFile("送审稿.docx", b"PK draft"),
                SimpleUploadedFile("起草说明.pdf", b"%PDF-1.4 note"),
            ],
        },
    )
    review = ReviewRequest.objects.get(title__startswith="关于加强农产品")
    assert response.status_code == 302 and response.url == review.get_absolute_url()
    assert review.created_by.username == "liaison"
    assert review.received_on == date(2019, 11, 4)  # the day it was submitted
    assert sorted(a.name for a in review.attachments.all()) == ["起草说明.pdf", "送审稿.docx"]
    detail = client.get(review.get_absolute_url()).content.decode()
    assert "送审稿.docx" in detail
    assert "Attachment.None" not in detail and "OpinionItem.None" not in detail  # history
    assert "2019-11-25" in detail  # 15 working days from 4 November 2019
    download = client.get(
        reverse("legality:attachment_download", args=[review.attachments.first().pk])
    )
    assert b"".join(download.streaming_content) in (b"PK draft", b"%PDF-1.4 note")
    rows = client.get(reverse("legality:request_list")).content.decode()
    assert "关于加强农产品" in rows and "关于规范农贸市场" in rows
    assert "政府采购服务合同" not in rows  # 区财政局's


def test_a_liaison_cannot_submit_for_another_department_or_an_executable(legality, media, login):
    client = login("liaison")
    finance = Unit.objects.get(short_name="区财政局")
    response = client.post(
        reverse("legality:request_create"),
        {
            "kind": "CONTRACT",
            "submitting_unit": finance.pk,
            "title": "某合同",
            "received_on": "2019-11-04",
        },
    )
    assert response.status_code == 200
    assert "submitting_unit" in response.context["form"].errors
    market = Unit.objects.get(short_name="区市场监管局")
    response = client.post(
        reverse("legality:request_create"),
        {
            "kind": "CONTRACT",
            "submitting_unit": market.pk,
            "title": "某合同",
            "received_on": "2019-11-04",
            "files": SimpleUploadedFile("run.exe", b"MZ"),
        },
    )
    assert response.status_code == 200 and "files" in response.context["form"].errors
    assert not ReviewRequest.objects.filter(title="某合同").exists()
    assert not Attachment.objects.exists()


def _opinion_data(version, items, on="2019-10-15", with_letter=True):
    data = {
        "opinion-version": version,
        "opinion-on": on,
        "opinion-with_letter": "on" if with_letter else "",
        "opinion-signed_opinion": "",
        "item-TOTAL_FORMS": str(len(items) + 1),
        "item-INITIAL_FORMS": "0",
        "item-MIN_NUM_FORMS": "0",
        "item-MAX_NUM_FORMS": "1000",
    }
    for i, (category, text) in enumerate(items):
        data[f"item-{i}-category"] = category
        data[f"item-{i}-text"] = text
    data[f"item-{len(items)}-category"] = "OTHER"  # a row left empty is ignored
    return data


def test_the_reviewer_records_opinions_issues_the_numbered_letter_and_the_docx_reads_right(
    legality, login
):
    client = login("shencha")
    review = legality["ours"]
    start = client.post(
        reverse("legality:request_step", args=[review.pk, "start"]),
        {"start-version": review.version},
    )
    assert start.status_code == 302
    review.refresh_from_db()
    assert review.status == "IN_REVIEW"
    assert [u.username for u in review.reviewers.all()] == []  # none chosen on the form
    offered = client.get(legality["theirs"].get_absolute_url()).content.decode()
    assert "刘审查" in offered and "王局长" not in offered  # the leader does not review
    response = client.post(
        reverse("legality:request_step", args=[review.pk, "opinion"]),
        _opinion_data(
            review.version,
            [("LEGALITY", "第三条缺少上位法依据，建议删除。"), ("PROCEDURE", "建议公开征求意见。")],
        ),
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == "OPINION_ISSUED"
    assert review.letter_number == "游司审〔2019〕1号"
    assert review.concluded_on == date(2019, 10, 15)
    assert review.items.count() == 2
    detail = client.get(review.get_absolute_url()).content.decode()
    assert "游司审〔2019〕1号" in detail
    letter = client.get(reverse("legality:request_letter", args=[review.pk]))
    assert letter["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    text = "\n".join(p.text for p in Document(BytesIO(letter.content)).paragraphs)
    assert "合法性审查意见书" in text and "游司审〔2019〕1号" in text
    assert "区市场监督管理局：" in text
    assert "《关于规范农贸市场管理的通知（送审稿）》（规范性文件）" in text
    assert "一、关于制定依据和权限" in text and "二、关于程序" in text
    assert "第三条缺少上位法依据" in text
    assert "绵阳市游仙区司法局" in text and "2019年10月15日" in text
    # The department answers: adoption recorded per item.
    items = list(review.items.all())
    adoption = {"adoption-version": review.version}
    adoption |= {
        f"adoption-item_{items[0].pk}": "ADOPTED",
        f"adoption-item_{items[1].pk}": "PARTLY",
    }
    client.post(reverse("legality:request_step", args=[review.pk, "adoption"]), adoption)
    assert sorted(OpinionItem.objects.values_list("adoption", flat=True)) == ["ADOPTED", "PARTLY"]


def test_a_second_opinion_from_a_stale_page_is_refused_and_takes_no_number(legality, login):
    client = login("shencha")
    review = legality["ours"]
    data = _opinion_data(review.version, [("CONTENT", "表述不准确。")])
    assert (
        client.post(reverse("legality:request_step", args=[review.pk, "opinion"]), data).status_code
        == 302
    )
    again = client.post(
        reverse("legality:request_step", args=[review.pk, "opinion"]), data, follow=True
    )
    assert "不再处于办理中" in again.content.decode() or "已经办结" in again.content.decode()
    other = legality["theirs"]
    stale = _opinion_data(other.version, [("RISK", "补充违约条款。")])
    client.post(
        reverse("legality:request_step", args=[other.pk, "return"]),
        {"return-version": other.version, "return-on": "2019-10-01"},
    )
    response = client.post(
        reverse("legality:request_step", args=[other.pk, "opinion"]), stale, follow=True
    )
    assert ReviewRequest.objects.get(pk=other.pk).status == "RETURNED"
    assert ReviewRequest.objects.exclude(letter_number="").count() == 1
    assert response.status_code == 200


def test_an_edit_from_an_old_version_is_refused_not_overwritten(legality, login):
    client = login("shencha")
    review = legality["ours"]
    url = reverse("legality:request_edit", args=[review.pk])
    first = client.post(url, {"version": review.version, "title": "第一次修改"})
    assert first.status_code == 302
    second = client.post(url, {"version": review.version, "title": "第二次修改"})
    assert second.status_code == 200
    assert "已被他人修改" in second.content.decode()
    assert ReviewRequest.objects.get(pk=review.pk).title == "第一次修改"


def test_a_department_cannot_withdraw_a_concluded_request_and_the_api_says_why(legality, login):
    review = legality["ours"]
    reviewer = login("shencha")
    reviewer.post(
        reverse("legality:request_step", args=[review.pk, "return"]),
        {"return-version": review.version, "return-on": "2019-10-01"},
    )
    review.refresh_from_db()
    assert review.status == "RETURNED"
    liaison = login("liaison")
    api = liaison.post(
        reverse("legality-request-withdraw", args=[review.pk]),
        {"version": review.version, "on": "2019-10-02"},
        content_type="application/json",
    )
    assert api.status_code == 403 and "报送单位" in api.json()["detail"]
    page = liaison.get(reverse("legality:request_step", args=[review.pk, "withdraw"]))
    assert page.status_code == 403


def test_withdrawing_before_receipt_is_refused_with_a_message(legality, login):
    client = login("liaison")
    review = legality["ours"]
    response = client.post(
        reverse("legality:request_step", args=[review.pk, "withdraw"]),
        {"withdraw-version": review.version, "withdraw-on": "2019-09-01"},
        follow=True,
    )
    assert "不能早于" in response.content.decode()
    assert ReviewRequest.objects.get(pk=review.pk).status == "RECEIVED"


def test_filings_late_marked_result_recorded_and_stale_review_refused(filings, login):
    client = login("shencha")
    rows = client.get(reverse("legality:filing_list") + "?on_time=false").content.decode()
    assert "某公司无照经营案处罚决定" in rows and "区财政局关于规范" not in rows
    filing = filings["ours"]
    assert filing.due_on == date(2019, 5, 5) and not filing.on_time  # after the May holiday
    url = reverse("legality:filing_step", args=[filing.pk, "review"])
    client.post(
        url,
        {
            "review-version": filing.version,
            "review-result": "CORRECTION_ORDERED",
            "review-on": "2019-06-01",
        },
    )
    stale = client.post(
        url,
        {"review-version": filing.version, "review-result": "FILED", "review-on": "2019-06-02"},
        follow=True,
    )
    assert "已被他人修改" in stale.content.decode()
    filing.refresh_from_db()
    assert (filing.result, filing.reviewed_on) == ("CORRECTION_ORDERED", date(2019, 6, 1))


def test_a_liaison_files_for_their_department_on_the_day_of_submission(legality, login, today_is):
    client = login("liaison")
    market = Unit.objects.get(short_name="区市场监管局")
    data = {
        "kind": "NORMATIVE_DOCUMENT",
        "filing_unit": market.pk,
        "title": "关于规范广告发布的通知",
        "document_number": "游市监发〔2019〕5号",
        "published_on": "2019-06-03",
        "filed_on": "2019-06-04",  # not the department's to choose: ignored
    }
    today_is(date(2019, 6, 1))
    refused = client.post(reverse("legality:filing_create"), data)
    assert refused.status_code == 200  # "today" is before the publication: refused
    assert not Filing.objects.filter(title="关于规范广告发布的通知").exists()
    today_is(date(2019, 6, 20))
    response = client.post(reverse("legality:filing_create"), data)
    filing = Filing.objects.get(document_number="游市监发〔2019〕5号")
    assert response.url == filing.get_absolute_url()
    assert filing.filed_on == date(2019, 6, 20)
    assert filing.on_time and filing.due_on == date(2019, 7, 3)
    again = client.post(reverse("legality:filing_create"), data)
    assert again.status_code == 200 and "已经报备过" in again.content.decode()


def test_lists_export_what_the_filters_show(legality, filings, login):
    client = login("shencha")
    response = client.get(reverse("legality:request_list") + "?kind=CONTRACT&export=xlsx")
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("事项类型", "报送单位编码", "送审事项名称")
    assert [r[2] for r in rows[1:]] == ["政府采购服务合同"]
    response = client.get(reverse("legality:filing_list") + "?export=xlsx")
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 3
    response = client.get(reverse("legality:advisor_list") + "?export=xlsx")
    assert response.status_code == 200
    liaison = login("liaison")
    response = liaison.get(reverse("legality:request_list") + "?export=xlsx")
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [r[2] for r in list(sheet.iter_rows(values_only=True))[1:]] == [
        "关于规范农贸市场管理的通知（送审稿）"
    ]


def _workbook(ledger_key, rows):
    ledger = get_ledger(ledger_key)
    book = Workbook()
    sheet = book.active
    sheet.append([c.header for c in ledger.columns])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_importing_requests_saves_all_or_nothing_with_errors_by_cell(legality, district):
    market = Unit.objects.get(short_name="区市场监管局")
    bureau = Unit.objects.get(code="510704")
    bad = _workbook(
        "legality.requests",
        [
            [
                "规范性文件",
                market.code,
                "甲文件",
                "2019-03-01",
                "已出具意见",
                "2019-03-10",
                "游司审〔2019〕7号",
                "",
            ],
            ["重大经济合同", "no-such-unit", "乙合同", "2019-03-02", "", "", "", ""],
            [
                "规范性文件",
                market.code,
                "丙文件",
                "2019-03-05",
                "已出具意见",
                "2019-03-01",
                "游司审〔2019〕7号",
                "",
            ],
        ],
    )
    result = import_ledger(
        get_ledger("legality.requests"),
        bad,
        context={"unit": bureau, "viewer": district["shencha"]},
    )
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert "报送单位编码" in {c for _r, c in messages}
    assert (4, "办结日期") in messages  # concluded before received
    assert (4, "审查意见书文号") in messages  # duplicate letter number in the file
    assert not ReviewRequest.objects.filter(title__in=["甲文件", "乙合同", "丙文件"]).exists()
    good = _workbook(
        "legality.requests",
        [
            [
                "规范性文件",
                market.code,
                "甲文件",
                "2019-03-01",
                "已出具意见",
                "2019-03-10",
                "游司审〔2019〕7号",
                "",
            ],
            ["重大经济合同", market.code, "乙合同", "2019-03-02", "", "", "", ""],
        ],
    )
    result = import_ledger(
        get_ledger("legality.requests"),
        good,
        context={"unit": bureau, "viewer": district["shencha"]},
    )
    assert result.ok, result.errors
    issued = ReviewRequest.objects.get(title="甲文件")
    assert issued.letter_number == "游司审〔2019〕7号" and issued.status == "OPINION_ISSUED"
    assert deadlines_for(issued).get().completed_on == date(2019, 3, 10)


def test_a_request_received_in_the_future_is_refused_for_its_date_not_the_calendar(
    legality, district
):
    market = Unit.objects.get(short_name="区市场监管局")
    future = (date.today() + timedelta(days=3 * 366)).isoformat()  # no holiday schedule yet
    book = _workbook("legality.requests", [["规范性文件", market.code, "甲文件", future]])
    result = import_ledger(
        get_ledger("legality.requests"),
        book,
        context={"unit": Unit.objects.get(code="510704"), "viewer": district["shencha"]},
    )
    assert [str(e) for e in result.errors] == ["第 2 行“收文日期”：不能是今天以后的日期。"]


def test_importing_filings_computes_due_dates_and_refuses_duplicates(filings, district):
    bureau = Unit.objects.get(code="510704")
    finance = Unit.objects.get(short_name="区财政局")
    book = _workbook(
        "legality.filings",
        [
            [
                "规范性文件",
                finance.code,
                "新文件",
                "游财〔2019〕8号",
                "2019-08-01",
                "2019-09-15",
                "予以备案",
                "2019-09-30",
            ],
            [
                "规范性文件",
                finance.code,
                "重复文件",
                "游财〔2019〕3号",
                "2019-03-01",
                "2019-03-20",
                "",
                "",
            ],
        ],
    )
    result = import_ledger(
        get_ledger("legality.filings"), book, context={"unit": bureau, "viewer": None}
    )
    assert [(e.row, e.column) for e in result.errors] == [(3, "文号")]
    book = _workbook(
        "legality.filings",
        [
            [
                "规范性文件",
                finance.code,
                "新文件",
                "游财〔2019〕8号",
                "2019-08-01",
                "2019-09-15",
                "予以备案",
                "2019-09-30",
            ]
        ],
    )
    assert import_ledger(
        get_ledger("legality.filings"), book, context={"unit": bureau, "viewer": None}
    ).ok
    filing = Filing.objects.get(title="新文件")
    assert filing.due_on == date(2019, 9, 2) and not filing.on_time  # 31 August: a Saturday


def test_the_api_submits_reviews_and_refuses_stale_versions(legality, login, today_is):
    today_is(date(2019, 10, 8))
    liaison = login("liaison")
    market = Unit.objects.get(short_name="区市场监管局")
    finance = Unit.objects.get(short_name="区财政局")
    url = reverse("legality-request-list")
    body = {"kind": "MAJOR_DECISION", "title": "某重大决策", "received_on": "2019-10-08"}
    refused = liaison.post(
        url, body | {"submitting_unit": finance.pk}, content_type="application/json"
    )
    assert refused.status_code == 400
    created = liaison.post(
        url, body | {"submitting_unit": market.pk}, content_type="application/json"
    )
    assert created.status_code == 201, created.content
    pk, version = created.json()["id"], created.json()["version"]
    today_is(date(2019, 10, 20))
    reviewer = login("shencha")
    opinion = reverse("legality-request-issue-opinion", args=[pk])
    payload = {
        "version": version,
        "on": "2019-10-16",
        "items": [{"text": "建议开展风险评估。", "category": "RISK"}],
    }
    done = reviewer.post(opinion, payload, content_type="application/json")
    assert done.status_code == 200, done.content
    assert done.json()["letter_number"] == "游司审〔2019〕1号"
    assert done.json()["items"][0]["text"] == "建议开展风险评估。"
    stale = reviewer.post(
        reverse("legality-request-withdraw", args=[pk]),
        {"version": version, "on": "2019-10-17"},
        content_type="application/json",
    )
    assert stale.status_code == 409
    patch = reviewer.patch(
        reverse("legality-request-detail", args=[pk]),
        {"title": "x"},
        content_type="application/json",
    )
    assert patch.status_code == 400 and "version" in patch.json()


def test_a_department_cannot_import_review_outcomes_only_what_it_submitted(legality, district):
    market = Unit.objects.get(short_name="区市场监管局")
    book = _workbook(
        "legality.requests",
        [
            [
                "规范性文件",
                market.code,
                "甲",
                "2019-03-01",
                "已出具意见",
                "2019-03-10",
                "游司审〔2019〕9号",
                "",
            ]
        ],
    )
    context = {"unit": market, "viewer": district["liaison"]}
    result = import_ledger(get_ledger("legality.requests"), book, context=context)
    assert [(e.row, e.column) for e in result.errors] == [(2, "办理状态")]
    filings = _workbook(
        "legality.filings",
        [
            [
                "规范性文件",
                market.code,
                "乙",
                "游市监〔2019〕2号",
                "2019-03-01",
                "2019-03-05",
                "予以备案",
                "2019-03-20",
            ]
        ],
    )
    result = import_ledger(get_ledger("legality.filings"), filings, context=context)
    assert [(e.row, e.column) for e in result.errors] == [(2, "审查结果")]
    assert not ReviewRequest.objects.filter(title="甲").exists()
    assert not Filing.objects.filter(title="乙").exists()


def test_an_imported_letter_number_is_skipped_by_the_next_letter(legality, district):
    market = Unit.objects.get(short_name="区市场监管局")
    book = _workbook(
        "legality.requests",
        [
            [
                "重大经济合同",
                market.code,
                "旧合同",
                "2019-03-01",
                "已出具意见",
                "2019-03-10",
                "游司审〔2019〕1号",
                "",
            ]
        ],
    )
    context = {"unit": Unit.objects.get(code="510704"), "viewer": district["shencha"]}
    assert import_ledger(get_ledger("legality.requests"), book, context=context).ok
    review = legality["ours"]
    issued = services.request_issue_opinion(
        request=review,
        version=review.version,
        on=date(2019, 10, 10),
        reviewing_unit=legality["bureau"],
        items=[],
    )
    assert issued.letter_number == "游司审〔2019〕2号"


def test_importing_a_request_whose_clock_cannot_be_computed_says_so_by_cell(legality, district):
    market = Unit.objects.get(short_name="区市场监管局")
    book = _workbook(
        "legality.requests",
        [["规范性文件", market.code, "二〇〇三年的文件", "2003-06-02", "", "", "", ""]],
    )
    context = {"unit": Unit.objects.get(code="510704"), "viewer": district["shencha"]}
    result = import_ledger(get_ledger("legality.requests"), book, context=context, dry_run=True)
    assert [(e.row, e.column) for e in result.errors] == [(2, "收文日期")]
    assert "2003" in result.errors[0].message


def test_a_major_decision_from_before_its_regulation_has_no_clock_and_no_error(legality, login):
    client = login("shencha")
    market = Unit.objects.get(short_name="区市场监管局")
    response = client.post(
        reverse("legality:request_create"),
        {
            "kind": "MAJOR_DECISION",
            "submitting_unit": market.pk,
            "title": "某决策",
            "received_on": "2019-05-06",
        },
    )
    review = ReviewRequest.objects.get(title="某决策")
    assert response.url == review.get_absolute_url()
    assert not deadlines_for(review).exists()  # the regulation applies from 2019-09-01


def test_future_dates_are_refused(legality, login, today_is):
    today_is(date(2019, 10, 1))
    client = login("shencha")
    review = legality["ours"]
    response = client.post(
        reverse("legality:request_step", args=[review.pk, "withdraw"]),
        {"withdraw-version": review.version, "withdraw-on": "2019-10-02"},
        follow=True,
    )
    assert "今天以后" in response.content.decode()
    assert ReviewRequest.objects.get(pk=review.pk).status == "RECEIVED"


def test_an_advisor_edit_from_an_old_version_is_refused(legality, login):
    from fazhi.legality.models import LegalAdvisor

    bureau = legality["bureau"]
    advisor = services.advisor_create(
        unit=bureau, name="杨律师", kind="RESIDENT_LAWYER", term_start=date(2019, 1, 1)
    )
    client = login("shencha")
    url = reverse("legality:advisor_edit", args=[advisor.pk])
    data = {
        "name": "杨律师",
        "kind": "RESIDENT_LAWYER",
        "firm": "甲所",
        "unit": bureau.pk,
        "term_start": "2019-01-01",
        "version": advisor.version,
    }
    assert client.post(url, data).status_code == 302
    stale = client.post(url, data | {"firm": "乙所"})
    assert "已被他人修改" in stale.content.decode()
    assert LegalAdvisor.objects.get(pk=advisor.pk).firm == "甲所"


def test_an_outsider_with_write_permissions_still_gets_404_on_every_write_route(
    legality, filings, login
):
    from fazhi.org.demo import grant
    from fazhi.org.models import Role

    grant(
        Role.objects.get(code="liaison"),
        ["legality.change_reviewrequest", "legality.change_filing", "legality.change_legaladvisor"],
    )
    client = login("liaison")
    _gets, posts = request_routes(legality["theirs"])
    _filing_gets, filing_posts = filing_routes(filings["theirs"])
    for url in posts + filing_posts:
        assert client.post(url, {"version": 1, "on": "2019-10-10"}).status_code == 404, url
    assert ReviewRequest.objects.get(pk=legality["theirs"].pk).status == "RECEIVED"


@pytest.mark.parametrize("username", ["shencha", "liaison"])
def test_the_lists_run_a_fixed_number_of_queries(legality, filings, login, username):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fazhi.core.testing import page_statements

    market = Unit.objects.get(short_name="区市场监管局")
    for n in range(35):
        services.request_submit(
            kind="CONTRACT", submitting_unit=market, title=f"合同{n}", received_on=date(2019, 5, 6)
        )
    client = login(username)
    names = ["legality:request_list", "legality:filing_list"]
    if username == "shencha":
        names.append("legality:advisor_list")
    for name in names:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name)).status_code == 200
        assert len(page_statements(queries)) <= 12, (name, len(page_statements(queries)))
