"""The disputes ledger at district scale: import a 100,000-row workbook with every check and
every save (numbers, parties, clocks), against openpyxl merely iterating the same file's rows
read-only; then export the 100,000 disputes again and show the export's memory stays flat.

Runs against whatever DATABASE_URL names (migrated) inside one transaction that is rolled
back at the end, so it leaves nothing behind. The import's own transaction is then a savepoint:
to time what its commit would do, the deferred foreign-key checks PostgreSQL keeps for the
commit are forced inside the timed block (SQLite checks them as the rows go in). Timed with
DEBUG off, as in production (a debug cursor would format every insert's SQL).
"""

import resource
import tempfile
import threading
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from django.db import connection, transaction
from django.test.utils import override_settings
from openpyxl import Workbook, load_workbook

from fazhi.core.ledgers import get_ledger, import_ledger, write_export
from fazhi.core.models import NumberingRule
from fazhi.core.validators import credit_code_check_char, id_number_check_char
from fazhi.mediation import services
from fazhi.mediation.ledgers import DisputeLedger
from fazhi.mediation.models import Dispute
from fazhi.org import services as org_services
from fazhi.org.models import Unit

N = 100_000
COMMITTEES = 4
MEDIATORS_PER_COMMITTEE = 25
FIRST_DAY, DAYS = date(2019, 1, 1), 5 * 365  # received 2019-2023
TYPES = ["邻里纠纷", "婚姻家庭纠纷", "合同纠纷", "损害赔偿纠纷", "劳动争议纠纷", "物业纠纷"]
SOURCES = ["当事人申请", "主动调解", "法院委托", "公安机关移送"]


class _Rollback(Exception):
    pass


def _id(born: date, serial: int) -> str:
    first17 = f"510704{born:%Y%m%d}{serial:03d}"
    return first17 + id_number_check_char(first17)


def _credit_code(n: int) -> str:
    first17 = f"91510704MA{n:07d}"
    return first17 + credit_code_check_char(first17)


def _setup() -> list[tuple[str, list[str]]]:
    """A bench township with committees and mediators: [(committee code, [mediator IDs])]."""
    district = Unit.objects.filter(parent__isnull=True).first() or org_services.unit_create(
        parent=None, code="bench-district", name="基准区", kind=Unit.Kind.DISTRICT
    )
    township = org_services.unit_create(
        parent=district, code="bench-township", name="基准镇", kind=Unit.Kind.TOWNSHIP
    )
    NumberingRule.objects.create(unit=township, key="mediation.dispute", prefix="基准调")
    committees = []
    serial = 0
    for c in range(1, COMMITTEES + 1):
        committee = services.committee_create(
            parent=township,
            code=f"bench-c{c:02d}",
            name=f"基准镇{c}村人民调解委员会",
            committee_type="VILLAGE",
        )
        ids = []
        for _m in range(MEDIATORS_PER_COMMITTEE):
            serial += 1
            ids.append(_id(date(1970, 1, 1) + timedelta(days=serial * 37), 900 + serial % 99))
            services.mediator_create(
                name=f"调解员{serial}",
                gender="M" if int(ids[-1][16]) % 2 else "F",
                id_number=ids[-1],
                committee=committee,
                employment="PART_TIME",
                hired_on=date(2010, 1, 1),
            )
        committees.append((committee.unit.code, ids))
    return committees


def _build_workbook(path: Path, committees) -> None:
    """N valid rows across the committees: mostly settled, some failed, some still open."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("纠纷")
    sheet.append([column.header for column in DisputeLedger.columns])
    born = date(1950, 1, 1)
    for n in range(N):
        code, mediators = committees[n % len(committees)]
        received = FIRST_DAY + timedelta(days=n % DAYS)
        kind = n % 20
        settled = kind < 17
        closed = received + timedelta(days=n % 25) if kind < 19 else None
        organisation = n % 3 == 0
        sheet.append(
            [
                None,
                code,
                TYPES[n % len(TYPES)],
                SOURCES[n % len(SOURCES)],
                received,
                mediators[n % len(mediators)],
                f"当事人甲{n}",
                _id(born + timedelta(days=n % 18000), n % 1000),
                f"四川某某商贸有限公司{n}" if organisation else f"当事人乙{n}",
                _credit_code(n) if organisation else _id(born + timedelta(days=n % 17000), 999),
                "双方因相邻房屋排水和通行问题发生争执，多次协商未果，申请调解。",
                "调解成功" if settled else ("调解不成功" if closed else "调解中"),
                closed,
                ("书面协议" if n % 7 else "口头协议") if settled else None,
                (n % 5000) * 10 + 0.5 if settled and n % 2 else None,
                "一、乙方于十日内支付甲方赔偿款；二、双方再无其他争议。" if settled else None,
                "十日内一次性支付。" if settled else None,
                "已履行" if settled else None,
                closed + timedelta(days=3) if settled and n % 50 == 0 else None,
            ]
        )
    book.save(path)


def _iterate_read_only(path: Path) -> int:
    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _values in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return count


def _run_deferred_checks() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


class _RssSampler:
    """The largest resident set seen every 20 ms while a block runs (ru_maxrss only ever grows,
    so it cannot show the peak of a later, smaller step)."""

    def __enter__(self):
        self.start = self.peak = _rss_mb()
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            self.peak = max(self.peak, _rss_mb())
            time.sleep(0.02)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, _rss_mb())


def _traced_export_peak_mb(ledger, context, path: Path) -> tuple[int, float]:
    tracemalloc.start()
    before, _peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    count = write_export(ledger, context, path)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count, (peak - before) / 2**20


def run(report=print) -> list[str]:
    """Measure; each result line goes to `report` as soon as it is known, and all are
    returned."""
    lines = []

    def say(line):
        lines.append(line)
        report(line)

    with override_settings(DEBUG=False), tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "disputes.xlsx"
        try:
            with transaction.atomic():
                _measure(source, Path(folder), say)
                raise _Rollback
        except _Rollback:
            pass
    return lines


def _measure(source: Path, folder: Path, say) -> None:
    committees = _setup()
    began = time.perf_counter()
    _build_workbook(source, committees)
    built_s = time.perf_counter() - began
    ledger = get_ledger("mediation.disputes")
    context = {"unit": Unit.objects.get(code="bench-township"), "viewer": None}

    baseline_s = float("inf")
    for _ in range(2):
        began = time.perf_counter()
        rows = _iterate_read_only(source)
        baseline_s = min(baseline_s, time.perf_counter() - began)
    assert rows == N + 1

    rss_before = _peak_rss_mb()
    phases = {}

    def progress(phase, done, total):
        phases.setdefault(phase, time.perf_counter())

    began = time.perf_counter()
    result = import_ledger(ledger, source, context=context, progress=progress)
    checked = time.perf_counter()
    _run_deferred_checks()
    import_s = time.perf_counter() - began
    deferred_s = import_s - (checked - began)
    rss_after = _peak_rss_mb()
    assert result.ok and result.created == N, result.errors[:5]
    assert Dispute.objects.filter(committee__unit__code__startswith="bench-c").count() == N
    ended = began + import_s
    split = (
        f"open and read {phases['check'] - began:.1f} s, check {phases['save'] - phases['check']:.1f}"
        f" s, save {ended - phases['save']:.1f} s incl. {deferred_s:.1f} s of deferred"
        " foreign-key checks"
    )
    say(
        f"mediation.ledger_import: {N} disputes (+ parties, clocks, numbers) in {import_s:.1f} s "
        f"({split}); openpyxl read-only iteration of the same file {baseline_s:.1f} s; "
        f"ratio {import_s / baseline_s:.2f}x (goal <= 3x); peak RSS {rss_after:.0f} MB "
        f"(getrusage ru_maxrss of the whole process, {rss_before:.0f} MB before the import; "
        f"goal <= 1024 MB); workbook built in {built_s:.1f} s"
    )

    target = folder / "export.xlsx"
    with _RssSampler() as rss:
        began = time.perf_counter()
        count = write_export(ledger, context, target)
        export_s = time.perf_counter() - began
    assert count == N
    tenth = Dispute.objects.filter(
        committee__unit__code__startswith="bench-c",
        received_on__lt=FIRST_DAY + timedelta(days=DAYS // 10),
    )
    small, small_mb = _traced_export_peak_mb(ledger, {**context, "queryset": tenth}, target)
    large, large_mb = _traced_export_peak_mb(ledger, context, target)
    say(
        f"mediation.ledger_export: {count} disputes in {export_s:.1f} s; resident memory "
        f"{rss.start:.0f} MB before, {rss.peak:.0f} MB at most during it (/proc sampling); "
        f"peak Python allocations (tracemalloc, separate runs) {small_mb:.1f} MB for {small} "
        f"rows, {large_mb:.1f} MB for {large} rows: flat"
    )
