"""The mediation ledgers in Excel: committees, mediators and disputes — template, import that
checks every cell and saves all rows or none, export with masked ID numbers."""

import io
import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext
from openpyxl import Workbook, load_workbook

from fazhi.core.ledgers import (
    OPTIONS_SHEET,
    get_ledger,
    import_ledger,
    write_export,
    write_template,
)
from fazhi.core.models import NumberingRule, NumberSequence
from fazhi.core.numbering import parse_document_number
from fazhi.core.testing import drop_downs
from fazhi.core.validators import credit_code_check_char, id_number_check_char
from fazhi.mediation import services
from fazhi.mediation.ledgers import DISPUTE_TYPE_LABELS, STATUS_LABELS
from fazhi.mediation.models import Committee, Dispute, Mediator, Party
from fazhi.org.demo import grant
from fazhi.org.models import Role, Unit, User
from fazhi.timelimits import services as clocks
from fazhi.timelimits.calendar import get_calendar
from fazhi.timelimits.engine import due_date
from fazhi.timelimits.models import Deadline

pytestmark = pytest.mark.django_db

DISPUTE_HEADERS = [
    "编号",
    "人民调解委员会",
    "纠纷类型",
    "纠纷来源",
    "受理日期",
    "主持调解员",
    "当事人一 姓名或名称",
    "当事人一 证件号码",
    "当事人二 姓名或名称",
    "当事人二 证件号码",
    "纠纷简要情况",
    "调解状态",
    "结案日期",
    "协议形式",
    "协议金额（元）",
    "协议内容",
    "履行方式、时限",
    "履行情况",
    "申请司法确认日期",
]
MEDIATOR_HEADERS = [
    "姓名",
    "性别",
    "身份证号码",
    "联系电话",
    "所属调委会",
    "专兼职",
    "政府购买服务",
    "聘任日期",
    "离任日期",
]
COMMITTEE_HEADERS = [
    "单位编码",
    "名称",
    "上级单位编码",
    "类型",
    "规范化调解室",
    "星级",
    "成立日期",
    "是否在用",
]


def id_number(born: date, serial: int) -> str:
    first17 = f"510704{born:%Y%m%d}{serial:03d}"
    return first17 + id_number_check_char(first17)


def credit_code(n: int) -> str:
    first17 = f"91510704MA62{n:05d}"
    return first17 + credit_code_check_char(first17)


LEAD = id_number(date(1975, 5, 1), 11)  # 新桥 committee, in post since 2015
GONE = id_number(date(1968, 2, 2), 21)  # 新桥 committee, left in mid-2018
OTHER = id_number(date(1980, 9, 9), 31)  # 小枧沟 committee


@pytest.fixture
def mediation(district):
    xinqiao = Unit.objects.get(code="510704101")
    xiaojiangou = Unit.objects.get(code="510704102")
    NumberingRule.objects.create(unit=xinqiao, key="mediation.dispute", prefix="新桥调")
    NumberingRule.objects.create(unit=xiaojiangou, key="mediation.dispute", prefix="小枧调")
    ours = services.committee_create(
        parent=xinqiao,
        code="510704101-c01",
        name="新桥镇金龙村人民调解委员会",
        committee_type="VILLAGE",
    )
    theirs = services.committee_create(
        parent=xiaojiangou,
        code="510704102-c01",
        name="小枧沟镇凤凰村人民调解委员会",
        committee_type="VILLAGE",
    )
    common = {"employment": "PART_TIME", "hired_on": date(2015, 4, 1)}
    services.mediator_create(name="王建国", gender="M", id_number=LEAD, committee=ours, **common)
    services.mediator_create(
        name="刘玉兰",
        gender="F",
        id_number=GONE,
        committee=ours,
        employment="PART_TIME",
        hired_on=date(2012, 1, 1),
        left_on=date(2018, 6, 30),
    )
    services.mediator_create(name="张海波", gender="M", id_number=OTHER, committee=theirs, **common)
    return {"ours": ours, "theirs": theirs, "users": district}


def workbook(headers, rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream


def dispute_row(n: int, **cells) -> list:
    """A good row: a neighbourhood dispute settled in writing, with two people as parties."""
    received = date(2019, 1, 2) + timedelta(days=n % 300)
    values = {
        "编号": "",
        "人民调解委员会": "新桥镇金龙村人民调解委员会",
        "纠纷类型": "邻里纠纷",
        "纠纷来源": "当事人申请",
        "受理日期": received,
        "主持调解员": "王建国",
        "当事人一 姓名或名称": f"甲{n}",
        "当事人一 证件号码": id_number(date(1960, 1, 1) + timedelta(days=n), 101),
        "当事人二 姓名或名称": f"乙{n}",
        "当事人二 证件号码": id_number(date(1970, 1, 1) + timedelta(days=n), 202),
        "纠纷简要情况": "双方为相邻房屋排水问题发生争执。",
        "调解状态": "调解成功",
        "结案日期": received + timedelta(days=5),
        "协议形式": "书面协议",
        "协议金额（元）": 1200,
        "协议内容": "一、乙方修复排水沟；二、双方再无争议。",
        "履行方式、时限": "十日内修复完毕。",
        "履行情况": "已履行",
        "申请司法确认日期": None,
    }
    values.update(cells)
    return [values[h] for h in DISPUTE_HEADERS]


def disputes_book(rows) -> io.BytesIO:
    return workbook(DISPUTE_HEADERS, rows)


def context(code="510704101", viewer=None, **extra):
    return {"unit": Unit.objects.get(code=code), "viewer": viewer, **extra}


def run(rows, **kwargs):
    ctx = kwargs.pop("context", None) or context()
    return import_ledger(
        get_ledger("mediation.disputes"), disputes_book(rows), context=ctx, **kwargs
    )


def errors_of(result) -> dict:
    return {(e.row, e.column): e.message for e in result.errors}


def allow_full_ids(username="xinqiao") -> User:
    grant(Role.objects.get(code="township_staff"), ["mediation.view_id_numbers"])
    return User.objects.get(username=username)  # a fresh object: no cached permissions


# --- template ------------------------------------------------------------------------------


def test_the_disputes_template_has_drop_downs_and_instructions(mediation):
    target = io.BytesIO()
    write_template(get_ledger("mediation.disputes"), target)
    book = load_workbook(target)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == DISPUTE_HEADERS
    lists = drop_downs(book)
    assert lists["纠纷类型"][:2] == ["婚姻家庭", "邻里"]  # as the pages say them
    assert "公安移交" in lists["纠纷来源"] and "公安机关移送" not in lists["纠纷来源"]
    assert "调解成功" in lists["调解状态"] and "终止调解" in lists["调解状态"]
    assert lists["协议形式"] == ["书面协议", "口头协议"] and "尚未履行" in lists["履行情况"]
    assert len(lists) == 5  # no committees or mediators without an importer to list them
    assert book[OPTIONS_SHEET].sheet_state == "hidden"
    notes = [row[0] for row in book["填写说明"].iter_rows(values_only=True)]
    assert "主持调解员" in notes
    assert any(line and "整个文件都不导入" in line for line in notes)


def test_a_clerks_template_offers_their_own_committees_and_serving_mediators(mediation, login):
    grant(Role.objects.get(code="township_staff"), ["mediation.add_dispute"])
    response = login("xinqiao").get(reverse("ledgers:template", args=["mediation.disputes"]))
    lists = drop_downs(load_workbook(io.BytesIO(response.content)))
    assert lists["人民调解委员会"] == ["新桥镇金龙村人民调解委员会"]
    assert lists["主持调解员"] == ["王建国"]  # 刘玉兰 has left; 张海波 serves in 小枧沟


def test_every_choice_of_the_models_has_the_pages_label_in_the_drop_downs():
    assert {v: str(label) for v, label in Dispute.Type.choices} == DISPUTE_TYPE_LABELS
    assert set(STATUS_LABELS) == set(Dispute.Status.values)
    assert len(set(DISPUTE_TYPE_LABELS.values())) == len(DISPUTE_TYPE_LABELS)


def test_the_committee_and_mediator_templates_have_their_drop_downs(mediation):
    for key, headers, expected in [
        ("mediation.committees", COMMITTEE_HEADERS, {"类型": "村（社区）", "星级": "5"}),
        ("mediation.mediators", MEDIATOR_HEADERS, {"性别": "女", "专兼职": "兼职"}),
    ]:
        target = io.BytesIO()
        write_template(get_ledger(key), target)
        book = load_workbook(target)
        assert [c.value for c in book.worksheets[0][1]] == headers
        lists = drop_downs(book)
        assert all(option in lists[header] for header, option in expected.items())


def test_a_file_on_the_former_template_still_imports(mediation):
    """Codes, ID numbers and the former words ("邻里纠纷", "公安机关移送") under the former
    headers ("调委会编码", "主持调解员身份证号码")."""
    former = [
        "调委会编码"
        if h == "人民调解委员会"
        else "主持调解员身份证号码"
        if h == "主持调解员"
        else h
        for h in DISPUTE_HEADERS
    ]
    row = dispute_row(1, **{"纠纷类型": "邻里纠纷", "纠纷来源": "公安机关移送"})
    row[DISPUTE_HEADERS.index("人民调解委员会")] = "510704101-c01"
    row[DISPUTE_HEADERS.index("主持调解员")] = LEAD
    result = import_ledger(
        get_ledger("mediation.disputes"), workbook(former, [row]), context=context()
    )
    assert result.ok, result.errors
    dispute = Dispute.objects.get()
    assert dispute.lead_mediator.name == "王建国" and dispute.source == Dispute.Source.POLICE
    assert dispute.dispute_type == Dispute.Type.NEIGHBOURHOOD


def test_mediators_of_one_name_are_told_apart_by_id_number(mediation):
    services.mediator_create(
        name="王建国",
        gender="M",
        id_number=id_number(date(1981, 1, 1), 41),
        committee=mediation["ours"],
        employment="PART_TIME",
        hired_on=date(2016, 1, 1),
    )
    errors = errors_of(run([dispute_row(1), dispute_row(2, **{"主持调解员": LEAD})]))
    assert errors == {
        (2, "主持调解员"): "新桥镇金龙村人民调解委员会有 2 名调解员叫“王建国”，请改填其身份证号码。"
    }


# --- a good import -------------------------------------------------------------------------


def test_a_good_import_creates_disputes_with_numbers_parties_and_clocks(mediation):
    rows = [dispute_row(n) for n in range(1, 31)]
    rows[4] = dispute_row(
        5,
        **{
            "纠纷类型": "劳动争议纠纷",
            "当事人二 姓名或名称": "绵阳市游仙区兴达建筑工程有限公司",
            "当事人二 证件号码": credit_code(7),
        },
    )
    rows[7] = dispute_row(
        8,
        **{
            "调解状态": "调解中",
            "结案日期": None,
            "协议形式": None,
            "协议金额（元）": None,
            "协议内容": None,
            "履行方式、时限": None,
            "履行情况": None,
        },
    )
    viewer = mediation["users"]["xinqiao"]
    result = run(rows, context=context(viewer=viewer))
    assert result.ok, result.errors
    assert result.created == 30
    disputes = Dispute.objects.order_by("received_on", "pk")
    assert [d.number for d in disputes] == [f"新桥调〔2019〕{n}号" for n in range(1, 31)]
    assert NumberSequence.objects.get(rule__prefix="新桥调", year=2019).last_serial == 30
    assert all(d.created_by == viewer and d.committee == mediation["ours"] for d in disputes)
    assert Party.objects.count() == 60
    company = Party.objects.get(kind=Party.Kind.ORGANISATION)
    assert company.credit_code == credit_code(7) and company.id_number == ""
    person = Dispute.objects.get(parties__name="甲1").parties.order_by("pk").first()
    assert person.kind == Party.Kind.PERSON and person.gender == "M"  # 17th digit odd
    assert Deadline.objects.count() == 30
    calendar = get_calendar()
    for dispute in disputes:
        clock = clocks.clock_of(dispute, services.MEDIATE_RULE)  # as the pages find it
        assert clock.start_date == dispute.received_on
        assert clock.due_date == due_date(calendar, dispute.received_on, 1, "months").due
        assert clock.completed_on == dispute.closed_on
        assert clock.unit_id == mediation["ours"].pk
    open_one = Dispute.objects.get(status=Dispute.Status.MEDIATING)
    assert clocks.clock_of(open_one, services.MEDIATE_RULE).completed_on is None
    won = Dispute.objects.get(parties__name="甲1")
    assert won.agreement_amount == Decimal("1200.00") and won.performance == "PERFORMED"


def test_every_record_an_import_writes_has_its_audit_entry_naming_the_import(mediation, login):
    viewer = mediation["users"]["xinqiao"]
    ctx = context(viewer=viewer, file="2019年纠纷台账.xlsx", job=42)
    assert run([dispute_row(n) for n in range(1, 4)], context=ctx).ok
    source = {"ledger": "mediation.disputes", "file": "2019年纠纷台账.xlsx", "import_job": 42}
    for model, count in [(Dispute, 3), (Party, 6), (Deadline, 3)]:
        entries = LogEntry.objects.get_for_model(model)
        assert entries.count() == count, model
        assert all(e.actor == viewer and e.additional_data == source for e in entries)
        assert all(e.action == LogEntry.Action.CREATE for e in entries)
    dispute = Dispute.objects.order_by("pk").first()
    entry = LogEntry.objects.get_for_object(dispute).get()
    assert entry.changes_dict["number"] == ["None", dispute.number]
    # the dispute's page tells who imported it, from which file, with its values
    page = login("admin").get(dispute.get_absolute_url()).content.decode()
    assert "2019年纠纷台账.xlsx" in page and dispute.number in page
    mediator_row = ["孙立", "女", id_number(date(1991, 1, 1), 52), "", "510704101-c01", "专职"]
    mediator_row += ["是", date(2019, 1, 1), None]
    assert import_ledger(
        get_ledger("mediation.mediators"),
        workbook(MEDIATOR_HEADERS, [mediator_row]),
        context=context(viewer=viewer, file="调解员.xlsx"),
    ).ok
    mediator = Mediator.objects.get(name="孙立")
    entry = LogEntry.objects.get_for_object(mediator).get()
    assert entry.actor == viewer and entry.additional_data["file"] == "调解员.xlsx"


def test_the_import_runs_as_many_queries_for_200_rows_as_for_20(mediation):
    def queries(rows):
        with CaptureQueriesContext(connection) as captured:
            assert run(rows).ok
        return len(captured)

    queries([dispute_row(0)])  # the year's number sequence is created, caches filled
    assert queries([dispute_row(n) for n in range(1, 21)]) == queries(
        [dispute_row(n) for n in range(21, 221)]
    )


def test_numbers_continue_the_sequence_and_skip_those_typed_into_the_file(mediation):
    ours = mediation["ours"]
    with_number = services.dispute_create(
        committee=ours,
        parties=[{"name": "先来"}],
        dispute_type="NEIGHBOURHOOD",
        source="APPLICATION",
        received_on=date(2019, 1, 1),
        lead_mediator=Mediator.objects.get(id_number=LEAD),
        status="MEDIATING",
    )
    assert with_number.number == "新桥调〔2019〕1号"
    rows = [dispute_row(n) for n in range(1, 5)]
    rows.append(dispute_row(9, **{"编号": "新桥调〔2019〕3号"}))
    rows.append(dispute_row(10, **{"编号": "新桥调〔2019〕12号"}))
    result = run(rows)
    assert result.ok, result.errors
    numbers = set(Dispute.objects.values_list("number", flat=True))
    assert numbers == {f"新桥调〔2019〕{n}号" for n in [1, 2, 3, 4, 5, 6, 12]}
    # The next dispute entered on the page does not collide with the typed-in 12号.
    assert NumberSequence.objects.get(rule__prefix="新桥调", year=2019).last_serial == 12


def test_a_typed_number_of_another_townships_rule_is_refused(mediation):
    result = run([dispute_row(1, **{"编号": "小枧调〔2019〕1号"})])
    assert [str(e) for e in result.errors] == [
        "第 2 行“编号”：编号 小枧调〔2019〕1号 不是 新桥镇金龙村人民调解委员会 的编号：前缀应为“新桥调”。"
    ]


@pytest.mark.django_db(transaction=True)
def test_an_import_beside_clerks_shares_no_number_and_leaves_no_gap(mediation):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database has no second connection")
    lead = Mediator.objects.get(id_number=LEAD)
    results, errors = [], []

    def in_thread(work):
        try:
            work()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    def clerk():
        for n in range(10):
            services.dispute_create(
                committee=mediation["ours"],
                parties=[{"name": f"来访{n}"}],
                dispute_type="NEIGHBOURHOOD",
                source="APPLICATION",
                received_on=date(2019, 6, 1),
                lead_mediator=lead,
                status="MEDIATING",
            )

    def importer():
        results.append(run([dispute_row(n) for n in range(1, 61)]))

    threads = [threading.Thread(target=in_thread, args=[work]) for work in [importer, clerk, clerk]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == [] and results[0].ok
    numbers = Dispute.objects.values_list("number", flat=True)
    assert sorted(parse_document_number(n).serial for n in numbers) == list(range(1, 81))
    assert NumberSequence.objects.get(rule__prefix="新桥调", year=2019).last_serial == 80


# --- refusals ------------------------------------------------------------------------------


def test_one_bad_cell_among_many_good_rows_imports_nothing_and_names_the_cell(mediation):
    rows = [dispute_row(n) for n in range(1, 81)]
    rows[56][4] = "2019-02-30"  # sheet row 58, 受理日期
    result = run(rows)
    assert not result.ok and result.created == 0
    assert [str(e) for e in result.errors] == ["第 58 行“受理日期”：应为日期，如 2019-03-15。"]
    assert not Dispute.objects.exists() and not Deadline.objects.exists()
    assert not NumberSequence.objects.filter(last_serial__gt=0).exists()


def test_cell_errors_and_rule_errors_of_other_rows_are_reported_together(mediation):
    rows = [dispute_row(n) for n in range(1, 21)]
    rows[3][4] = "2019-02-30"  # sheet row 5: not a date
    rows[9] = dispute_row(10, **{"受理日期": date(2019, 5, 10), "结案日期": date(2019, 5, 1)})
    errors = errors_of(run(rows))
    assert (5, "受理日期") in errors
    assert errors[(11, "结案日期")] == "结案日期不能早于受理日期。"
    assert not Dispute.objects.exists()


def test_every_error_of_a_row_comes_in_one_pass_and_a_future_date_is_named_as_such(mediation):
    bad_id = LEAD[:17] + ("0" if LEAD[17] != "0" else "1")
    future = date.today().replace(month=1, day=4) + timedelta(days=3 * 366)  # no schedule yet
    rows = [dispute_row(1, **{"主持调解员": bad_id, "受理日期": future})]
    result = run(rows)
    assert [str(e) for e in result.errors] == [
        "第 2 行“主持调解员”：身份证号码校验码错误。",
        "第 2 行“受理日期”：受理日期不能晚于今天。",
        "第 2 行“结案日期”：结案日期不能早于受理日期。",  # the row's 2019 closing date
    ]  # not "the holiday schedule of that year is not loaded: ask the administrator"


def test_a_row_with_a_bad_cell_is_still_checked_against_the_database(mediation):
    rows = [dispute_row(1, **{"人民调解委员会": "510704102-c01", "协议金额（元）": "很多"})]
    messages = {e.column: e.message for e in run(rows).errors}
    assert set(messages) == {"人民调解委员会", "协议金额（元）"}
    assert "不存在" in messages["人民调解委员会"]


def test_a_failure_while_saving_saves_nothing(mediation, monkeypatch):
    insert_rows = clocks.insert_rows

    def explode_at_the_clocks(model, *args, **kwargs):
        if model is Deadline:
            raise RuntimeError("disk full")
        return insert_rows(model, *args, **kwargs)

    monkeypatch.setattr(clocks, "insert_rows", explode_at_the_clocks)
    with pytest.raises(RuntimeError):
        run([dispute_row(n) for n in range(1, 6)])
    assert not Dispute.objects.exists() and not Party.objects.exists()
    assert not NumberSequence.objects.filter(last_serial__gt=0).exists()


def test_id_numbers_and_credit_codes_must_pass_their_checksums(mediation):
    bad_id = LEAD[:17] + ("0" if LEAD[17] != "0" else "1")
    bad_code = credit_code(3)[:17] + ("0" if credit_code(3)[17] != "0" else "1")
    rows = [
        dispute_row(1, **{"主持调解员": bad_id}),
        dispute_row(2, **{"当事人一 证件号码": "51070419800230001X"}),  # 30 February
        dispute_row(3, **{"当事人二 证件号码": bad_code}),
        dispute_row(4, **{"当事人二 证件号码": "12345"}),
        dispute_row(5, **{"当事人一 证件号码": bad_id}),
    ]
    errors = errors_of(run(rows))
    assert errors[(2, "主持调解员")] == "身份证号码校验码错误。"
    assert errors[(3, "当事人一 证件号码")] == "身份证号码中的出生日期不存在。"
    assert errors[(4, "当事人二 证件号码")] == "统一社会信用代码校验码错误。"
    assert "18位" in errors[(5, "当事人二 证件号码")]
    assert errors[(6, "当事人一 证件号码")] == "身份证号码校验码错误。"
    assert len(errors) == 5
    assert not Dispute.objects.exists()


def test_date_order_and_agreement_rules_come_from_the_shared_rule_function(mediation):
    rows = [
        dispute_row(1, **{"受理日期": date(2019, 5, 10), "结案日期": date(2019, 5, 1)}),
        dispute_row(2, **{"调解状态": "调解不成功"}),  # still carries the agreement cells
        dispute_row(3, **{"受理日期": date(2019, 3, 1), "主持调解员": GONE}),
        dispute_row(4, **{"调解状态": "调解中"}),  # open, yet with a closing date
        dispute_row(5, **{"申请司法确认日期": date(2018, 1, 1)}),
    ]
    errors = errors_of(run(rows))
    assert errors[(2, "结案日期")] == gettext(
        "The closing date cannot be before the date received."
    )
    only_on_success = gettext(
        "Only a dispute mediated successfully has an agreement, an amount, performance or "
        "judicial confirmation."
    )
    for header in ["协议形式", "协议金额（元）", "协议内容", "履行情况"]:
        assert errors[(3, header)] == only_on_success
    assert errors[(4, "主持调解员")] == gettext(
        "The lead mediator was not in post on the day the dispute was received."
    )
    assert errors[(5, "结案日期")] == gettext("An open dispute has no closing date.")
    assert errors[(6, "申请司法确认日期")] == gettext(
        "Judicial confirmation is applied for on or after the day of the agreement."
    )
    assert not Dispute.objects.exists()


def test_a_lead_mediator_of_another_committee_is_refused(mediation):
    errors = errors_of(
        run(
            [dispute_row(1, **{"主持调解员": OTHER})],
            context=context("510704"),
        )
    )
    assert errors == {
        (2, "主持调解员"): gettext("The lead mediator must belong to the dispute's committee.")
    }


def test_a_committee_outside_the_importers_scope_is_refused(mediation):
    rows = [
        dispute_row(1),
        dispute_row(2, **{"人民调解委员会": "510704102-c01", "主持调解员": OTHER}),
        dispute_row(3, **{"人民调解委员会": "510704199-c99"}),  # no such committee
    ]
    # 李新桥 (新桥镇) imports at district level: his data scope still stops at his township.
    result = run(rows, context=context("510704", viewer=mediation["users"]["xinqiao"]))
    errors = errors_of(result)
    assert "不在您的数据权限范围内" in errors[(3, "人民调解委员会")]
    assert "调解员" in errors[(3, "主持调解员")]  # not found within his scope either
    assert (4, "人民调解委员会") in errors and (2, "人民调解委员会") not in errors
    # From the command line (full access) the import unit's subtree is the limit.
    errors = errors_of(run(rows[:2], context=context("510704101")))
    assert "不在新桥镇之下" in errors[(3, "人民调解委员会")]
    # 张小枧 imports his own township's dispute fine, but not 新桥's.
    xiaojiangou = mediation["users"]["xiaojiangou"]
    assert run(rows[1:2], context=context("510704102", viewer=xiaojiangou), dry_run=True).ok
    assert (2, "人民调解委员会") in errors_of(
        run(rows[:1], context=context("510704", viewer=xiaojiangou))
    )


def test_duplicate_numbers_in_the_file_and_in_the_database_are_refused(mediation):
    assert run([dispute_row(1, **{"编号": "新桥调〔2018〕7号"})]).ok
    rows = [
        dispute_row(2, **{"编号": "新桥调〔2018〕7号"}),  # in the database
        dispute_row(3, **{"编号": "新桥调〔2019〕8号"}),
        dispute_row(4, **{"编号": "新桥调〔2019〕8号"}),  # twice in the file
    ]
    errors = errors_of(run(rows))
    assert errors == {
        (2, "编号"): "编号 新桥调〔2018〕7号 已被现有纠纷使用。",
        (4, "编号"): "与第 3 行的编号重复。",
    }
    errors = errors_of(run([dispute_row(5, **{"编号": "新桥调[2019]9号"})]))
    assert "〔2019〕" in errors[(2, "编号")]  # the 〔〕 format is required
    assert Dispute.objects.count() == 1


def test_a_dry_run_checks_everything_and_saves_nothing(mediation):
    calls = []
    result = run(
        [dispute_row(n) for n in range(1, 11)],
        dry_run=True,
        progress=lambda phase, done, total: calls.append((phase, done, total)),
    )
    assert result.ok and result.rows == 10 and result.created == 0 and result.dry_run
    assert not Dispute.objects.exists() and not Deadline.objects.exists()
    assert {phase for phase, _d, _t in calls} == {"read", "check"}


def test_progress_is_reported_per_phase_up_to_the_row_count(mediation):
    calls = []
    result = run(
        [dispute_row(n) for n in range(1, 2501)],
        progress=lambda phase, done, total: calls.append((phase, done, total)),
    )
    assert result.ok and result.created == 2500
    assert [phase for phase, _d, _t in calls if _d == _t] == ["read", "check", "save"]
    phases = [c[0] for c in calls]
    assert phases == sorted(phases, key=["read", "check", "save"].index)  # in order
    assert all(0 <= done <= total for _p, done, total in calls if total)
    assert calls[-1] == ("save", 2500, 2500)
    assert 6 <= len(calls) < 100  # now and then, not per row


# --- export --------------------------------------------------------------------------------


def exported(viewer, **extra) -> list[tuple]:
    target = io.BytesIO()
    write_export(get_ledger("mediation.disputes"), context(viewer=viewer, **extra), target)
    target.seek(0)
    return list(load_workbook(target).worksheets[0].iter_rows(values_only=True))


def test_an_export_reads_at_once_header_frozen_bold_and_columns_wide_enough(mediation):
    assert run([dispute_row(1)]).ok
    target = io.BytesIO()
    write_export(get_ledger("mediation.disputes"), context(), target)
    target.seek(0)
    sheet = load_workbook(target).worksheets[0]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b
    widths = {
        sheet.cell(1, n).value: sheet.column_dimensions[sheet.cell(1, n).column_letter].width
        for n in range(1, sheet.max_column + 1)
    }
    assert widths["纠纷简要情况"] == 40 and widths["受理日期"] >= 12
    assert all(width >= 12 for width in widths.values())


def test_export_masks_id_numbers_for_a_viewer_without_the_permission(mediation):
    assert run([dispute_row(1), dispute_row(2)]).ok
    rows = exported(mediation["users"]["xinqiao"])
    assert rows[0] == tuple(DISPUTE_HEADERS)
    first = dict(zip(DISPUTE_HEADERS, rows[1], strict=True))
    assert first["主持调解员"] == "王建国"  # by name: no ID number to mask
    assert first["当事人一 证件号码"].count("*") == 8
    # Another township's staff sees none of these disputes.
    assert exported(mediation["users"]["xiaojiangou"], code="510704") == [tuple(DISPUTE_HEADERS)]


def test_export_round_trips_through_import_for_a_viewer_who_may_see_id_numbers(mediation):
    rows = [dispute_row(n) for n in range(1, 8)]
    rows[2] = dispute_row(3, **{"当事人二 证件号码": credit_code(1)})
    rows[3] = dispute_row(
        4,
        **{
            "当事人二 姓名或名称": None,
            "当事人二 证件号码": None,
            "协议金额（元）": "1234.56",
            "申请司法确认日期": date(2019, 12, 30),
        },
    )
    assert run(rows).ok
    viewer = allow_full_ids()
    first = exported(viewer)
    assert "王建国" in first[1] and "十日内修复完毕。" in first[1]
    assert first[1][3] == "当事人申请"  # the page's words
    Deadline.objects.all().delete()
    Dispute.objects.all().delete()
    again = import_ledger(
        get_ledger("mediation.disputes"),
        disputes_book(first[1:]),
        context=context(viewer=viewer),
    )
    assert again.ok and again.created == 7, again.errors
    assert exported(viewer) == first


def test_export_of_a_year_holds_the_disputes_closed_that_year(mediation):
    rows = [
        dispute_row(1, **{"受理日期": date(2018, 12, 20), "结案日期": date(2019, 1, 3)}),
        dispute_row(2, **{"受理日期": date(2018, 11, 2), "结案日期": date(2018, 11, 9)}),
    ]
    assert run(rows).ok
    numbers = [r[0] for r in exported(None, year=2019)[1:]]
    assert numbers == ["新桥调〔2018〕2号"]


def test_export_of_a_filtered_queryset_holds_just_those_disputes(mediation):
    assert run([dispute_row(n) for n in range(1, 6)]).ok
    queryset = Dispute.objects.filter(number="新桥调〔2019〕3号")
    target = io.BytesIO()
    count = write_export(
        get_ledger("mediation.disputes"),
        {"viewer": None, "unit": None, "queryset": queryset},
        target,
    )
    assert count == 1


# --- committees and mediators --------------------------------------------------------------


def test_committees_import_into_the_township_and_export_back(mediation):
    rows = [
        [
            "510704101-c02",
            "新桥镇凤凰村人民调解委员会",
            "510704101",
            "村（社区）调委会",
            "是",
            4,
            date(2012, 6, 1),
            "是",
        ],
        [
            "510704101-c03",
            "新桥镇石桥村人民调解委员会",
            "510704101",
            "村（社区）调委会",
            None,
            None,
            None,
            None,
        ],
        # registered by the unit ledger as a committee unit without its profile:
        [
            "510704101-twh",
            "新桥镇人民调解委员会",
            "510704101",
            "乡镇（街道）调委会",
            "是",
            5,
            None,
            "是",
        ],
    ]
    viewer = mediation["users"]["xinqiao"]
    ctx = context(viewer=viewer)
    result = import_ledger(
        get_ledger("mediation.committees"), workbook(COMMITTEE_HEADERS, rows), context=ctx
    )
    assert result.ok and result.created == 3, result.errors
    c02 = Committee.objects.get(unit__code="510704101-c02")
    assert c02.has_standard_room and c02.star_rating == 4 and c02.unit.parent.code == "510704101"
    c03 = Committee.objects.get(unit__code="510704101-c03")
    assert not c03.has_standard_room and c03.star_rating == 0 and c03.is_active
    assert Committee.objects.get(unit__code="510704101-twh").committee_type == "TOWNSHIP"
    target = io.BytesIO()
    assert write_export(get_ledger("mediation.committees"), ctx, target) == 4
    target.seek(0)
    exported_rows = list(load_workbook(target).worksheets[0].iter_rows(values_only=True))
    assert exported_rows[0] == tuple(COMMITTEE_HEADERS)
    by_code = {row[0]: row for row in exported_rows[1:]}
    assert by_code["510704101-c02"][:6] == (
        "510704101-c02",
        "新桥镇凤凰村人民调解委员会",
        "510704101",
        "村（社区）",  # the page's word (the file said it the former way)
        "是",
        4,
    )
    assert by_code["510704101-c02"][6].date() == date(2012, 6, 1)


def test_committees_outside_scope_or_taken_are_refused(mediation):
    rows = [
        ["510704102-c02", "凤凰村调委会", "510704102", "村（社区）调委会", "否", 0, None, "是"],
        ["510704101-c01", "重复", "510704101", "村（社区）调委会", "否", 0, None, "是"],
        ["510704101-sfs", "司法所", "510704101", "其他调委会", "否", 0, None, "是"],
        ["510704101-c05", "五村", "510704101", "村（社区）调委会", "否", 1, date(2099, 1, 1), "是"],
        ["510704101-c05", "五村", "510704101", "村（社区）调委会", "否", 1, None, "是"],
    ]
    ctx = context("510704", viewer=mediation["users"]["xinqiao"])
    ledger = get_ledger("mediation.committees")
    errors = errors_of(import_ledger(ledger, workbook(COMMITTEE_HEADERS, rows), context=ctx))
    assert "不在您的数据权限范围内" in errors[(2, "上级单位编码")]
    assert errors[(3, "单位编码")] == "调委会 510704101-c01 已经登记。"
    assert errors[(4, "单位编码")] == "编码 510704101-sfs 已被现有单位使用。"
    assert errors[(5, "成立日期")] == "成立日期不能晚于今天。"
    assert errors[(6, "单位编码")] == "与第 5 行的编码重复。"
    assert len(errors) == 5
    closed_lists = [["510704101-c06", "六村", "510704101", "村委会", "否", 9, None, "是"]]
    errors = errors_of(
        import_ledger(ledger, workbook(COMMITTEE_HEADERS, closed_lists), context=ctx)
    )
    assert set(errors) == {(2, "类型"), (2, "星级")}
    assert "不在可选范围内（0、1、2、3、4、5）" in errors[(2, "星级")]
    assert (
        not Committee.objects.filter(unit__code__startswith="510704101-c0")
        .exclude(unit__code="510704101-c01")
        .exists()
    )


def test_mediators_import_with_checksums_duplicates_and_date_order(mediation):
    new = id_number(date(1990, 3, 3), 41)
    good = [
        "赵敏",
        "女",
        new,
        "13800000000",
        "新桥镇金龙村人民调解委员会",
        "兼职",
        "否",
        date(2019, 1, 1),
        None,
    ]
    rows = [
        good,
        ["钱进", "男", LEAD, "", "510704101-c01", "兼职", "否", date(2019, 1, 1), None],
        ["孙立", "男", new.lower(), "", "510704101-c01", "专职", "是", date(2019, 1, 1), None],
        [
            "李强",
            "男",
            LEAD[:17] + "Y",
            "",
            "510704102-c01",
            "专职",
            "是",
            date(2019, 5, 1),
            date(2019, 4, 1),
        ],
    ]
    ctx = context(viewer=mediation["users"]["xinqiao"])
    errors = errors_of(
        import_ledger(
            get_ledger("mediation.mediators"), workbook(MEDIATOR_HEADERS, rows), context=ctx
        )
    )
    assert errors[(5, "身份证号码")] == gettext(
        "A resident ID number has 17 digits and a final digit or X."
    )
    rows[3][2] = id_number(date(1991, 1, 1), 51)
    errors = errors_of(
        import_ledger(
            get_ledger("mediation.mediators"), workbook(MEDIATOR_HEADERS, rows), context=ctx
        )
    )
    assert errors[(3, "身份证号码")] == "该身份证号码的调解员已经登记。"
    assert errors[(4, "身份证号码")] == "与第 2 行的身份证号码重复。"
    assert "不在您的数据权限范围内" in errors[(5, "所属调委会")]
    assert errors[(5, "离任日期")] == "离任日期不能早于聘任日期。"
    result = import_ledger(
        get_ledger("mediation.mediators"), workbook(MEDIATOR_HEADERS, [good]), context=ctx
    )
    assert result.ok and result.created == 1
    mediator = Mediator.objects.get(id_number=new)
    assert mediator.committee == mediation["ours"] and mediator.gender == "F"


def test_the_mediator_export_masks_id_numbers_unless_allowed(mediation):
    def export(viewer):
        target = io.BytesIO()
        write_export(get_ledger("mediation.mediators"), context(viewer=viewer), target)
        target.seek(0)
        return [r[2] for r in load_workbook(target).worksheets[0].iter_rows(values_only=True)]

    assert sorted(export(mediation["users"]["xinqiao"])[1:]) == sorted(
        value[:6] + "********" + value[-4:] for value in [GONE, LEAD]
    )
    assert sorted(export(allow_full_ids())[1:]) == sorted([GONE, LEAD])


# --- command line --------------------------------------------------------------------------


def test_the_cli_writes_the_template_imports_and_exports_disputes(mediation, tmp_path):
    template = tmp_path / "template.xlsx"
    call_command("ledger", "template", "mediation.disputes", str(template), stdout=io.StringIO())
    assert [c.value for c in load_workbook(template).worksheets[0][1]] == DISPUTE_HEADERS

    good = tmp_path / "good.xlsx"
    good.write_bytes(disputes_book([dispute_row(n) for n in range(1, 4)]).getvalue())
    out = io.StringIO()
    call_command(
        "ledger",
        "import",
        "mediation.disputes",
        str(good),
        "--unit",
        "510704101",
        "--dry-run",
        stdout=out,
    )
    assert "校验通过：3 行" in out.getvalue() and not Dispute.objects.exists()
    out = io.StringIO()
    call_command(
        "ledger", "import", "mediation.disputes", str(good), "--unit", "510704101", stdout=out
    )
    assert "已导入 3 行" in out.getvalue() and Dispute.objects.count() == 3

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(disputes_book([dispute_row(4, **{"纠纷类型": "吵架"})]).getvalue())
    err = io.StringIO()
    with pytest.raises(CommandError, match="未导入任何数据"):
        call_command(
            "ledger",
            "import",
            "mediation.disputes",
            str(bad),
            "--unit",
            "510704101",
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "第 2 行“纠纷类型”" in err.getvalue()

    export = tmp_path / "export.xlsx"
    out = io.StringIO()
    call_command(
        "ledger",
        "export",
        "mediation.disputes",
        str(export),
        "--unit",
        "510704101",
        "--year",
        "2019",
        stdout=out,
    )
    assert "已导出 3 行" in out.getvalue()
    rows = list(load_workbook(export).worksheets[0].iter_rows(values_only=True))
    assert "王建国" in rows[1]
    assert id_number(date(1960, 1, 2), 101) in rows[1]  # the command line sees full ID numbers


def test_importing_the_same_workbook_again_is_refused_as_duplicates(mediation):
    rows = [dispute_row(n) for n in range(1, 6)]
    assert run(rows).ok
    again = run(rows)
    assert not again.ok and len(again.errors) == 5
    assert "重复（同一调委会、受理日期和当事人）" in again.errors[0].message
    twice_in_one_file = run([dispute_row(7), dispute_row(7)])
    assert [e.row for e in twice_in_one_file.errors] == [3]
    assert Dispute.objects.count() == 5
