import pytest
from chinese_calendar.constants import Holiday, holidays, workdays

from fazhi.timelimits.engine import Calendar


def package_calendar(**kwargs) -> Calendar:
    """The engine's calendar straight from the chinese-calendar package (no database)."""
    names = {h.value: h.chinese for h in Holiday}
    years = {d.year for d in holidays}
    rest = {d: names.get(n, n) for d, n in holidays.items()}
    work = {d: names.get(n, n) for d, n in workdays.items()}
    return Calendar(years, rest, work, **kwargs)


@pytest.fixture(scope="session")
def cal():
    return package_calendar()
