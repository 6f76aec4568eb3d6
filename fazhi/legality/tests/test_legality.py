"""Legality review and filing: the workflow's rules, the clocks, the numbered letters, the scope,
and the demo's figures (the seed's section 二)."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from fazhi.legality import services
from fazhi.legality.models import Filing
from fazhi.org.models import Unit
from fazhi.timelimits.selectors import deadlines_for

pytestmark = pytest.mark.django_db


def test_a_normative_document_gets_its_fifteen_working_day_clock(legality):
    clock = deadlines_for(legality["ours"]).get()
    # From 2019-09-27: the National Day holiday (10-01..10-07) does not count, the make-up
    # working days 09-29 and 10-12 do.
    assert clock.due_date == date(2019, 10, 23)
    assert not deadlines_for(legality["theirs"]).exists()  # no statutory period for contracts


def test_opinion_letters_are_numbered_in_order_and_the_clock_completes(legality):
    first = services.request_issue_opinion(
        request=legality["ours"],
        version=legality["ours"].version,
        on=date(2019, 10, 10),
        reviewing_unit=legality["bureau"],
        items=[{"text": "建议补充制定依据。", "category": "LEGALITY"}],
    )
    second = services.request_issue_opinion(
        request=legality["theirs"],
        version=legality["theirs"].version,
        on=date(2019, 10, 11),
        reviewing_unit=legality["bureau"],
        items=[],
    )
    assert (first.letter_number, second.letter_number) == ("游司审〔2019〕1号", "游司审〔2019〕2号")
    assert deadlines_for(first).get().completed_on == date(2019, 10, 10)
    assert first.items.count() == 1


def test_invalid_transitions_are_refused_with_a_message(legality):
    request = legality["ours"]
    with pytest.raises(ValidationError, match="不能早于"):
        services.request_issue_opinion(
            request=request,
            version=request.version,
            on=date(2019, 9, 1),
            reviewing_unit=legality["bureau"],
            items=[],
        )
    with pytest.raises(services.StaleEdit):
        services.request_withdraw(
            request=request, version=request.version + 5, on=date(2019, 10, 1)
        )
    done = services.request_withdraw(request=request, version=request.version, on=date(2019, 10, 1))
    with pytest.raises(ValidationError, match="已经办结"):
        services.request_return(request=done, version=done.version, on=date(2019, 10, 2))


def test_a_filing_is_due_thirty_days_after_publication_and_late_ones_show(legality):
    market = Unit.objects.get(short_name="区市场监管局")
    on_time = services.filing_register(
        kind=Filing.Kind.NORMATIVE_DOCUMENT,
        filing_unit=market,
        title="甲",
        published_on=date(2019, 3, 1),
        filed_on=date(2019, 3, 25),
    )
    late = services.filing_register(
        kind=Filing.Kind.MAJOR_PENALTY,
        filing_unit=market,
        title="乙",
        published_on=date(2019, 3, 1),
        filed_on=date(2019, 4, 15),
    )
    assert on_time.due_on == date(2019, 4, 1)  # 03-31 is a Sunday
    assert on_time.on_time and not late.on_time
    with pytest.raises(ValidationError):
        services.filing_register(
            kind=Filing.Kind.OTHER,
            filing_unit=market,
            title="丙",
            published_on=date(2019, 3, 1),
            filed_on=date(2019, 2, 1),
        )


def test_a_liaison_sees_only_their_departments_requests(legality, login):
    client = login("liaison")
    titles = [r["title"] for r in client.get(reverse("legality-request-list")).json()["results"]]
    assert titles == ["关于规范农贸市场管理的通知（送审稿）"]
    other = reverse("legality-request-detail", args=[legality["theirs"].pk])
    assert client.get(other).status_code == 404
    township = login("xinqiao").get(reverse("legality-request-list")).json()
    assert township["count"] == 0
    assert login("leader").get(reverse("legality-request-list")).json()["count"] == 2


def test_the_demo_reproduces_the_seeds_legality_and_filing_figures(seeded):
    call_command("demo", year=2019, stdout=StringIO())
    out = StringIO()
    call_command("indicators", unit="510704", year=2019, format="json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["legality.reviews.meeting_topics"] == 172
    assert figures["legality.reviews.contracts"] == 65
    assert figures["legality.reviews.normative_documents"] == 32
    assert figures["legality.opinion_letters"] == 79
    assert figures["legality.opinions"] == 297
    assert figures["legality.filings.normative_documents"] == 7
    assert figures["legality.filings.penalty_compulsory"] == 4
