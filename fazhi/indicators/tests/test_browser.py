"""In a real browser: the bureau leader opens the dashboard for 2019, clicks a township's bar in
the by-unit chart and lands on exactly the disputes that bar counts."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from fazhi.core.tests.test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts"


def test_the_leader_clicks_a_bar_of_the_dashboard_and_lands_on_its_records(seeded, page):
    call_command("demo", year=2019, stdout=StringIO())
    SCREENSHOTS.mkdir(exist_ok=True)
    log_in(page, "leader")
    page.get_by_role("navigation", name="导航").get_by_role("link", name="驾驶舱").click()
    page.locator("#d-year").select_option("2019")
    page.get_by_test_id("dashboard-form").get_by_role("button", name="查看").click()
    expect(page.get_by_test_id("scope")).to_contain_text("2019-01-01")
    figure = page.locator('.fz-figure[data-key="mediation.disputes"]')
    expect(figure).to_contain_text("2,197件")

    chart = page.get_by_test_id("breakdown")
    expect(chart.locator("canvas")).to_have_count(1)
    page.screenshot(path=SCREENSHOTS / "dashboard-2019.png", full_page=True)
    # The first bar from the top: where ECharts drew it, read from the chart itself.
    bar = page.evaluate(
        """() => {
          const node = document.getElementById("breakdown");
          const chart = echarts.getInstanceByDom(node);
          const data = chart.getOption().series[0].data;
          const last = data.length - 1;  // drawn bottom-up: the last item is the top bar
          const [x, y] = chart.convertToPixel({seriesIndex: 0}, [data[last].value / 2, last]);
          return {x, y, name: data[last].name, value: data[last].value};
        }"""
    )
    box = chart.bounding_box()
    page.mouse.click(box["x"] + bar["x"], box["y"] + bar["y"])

    expect(page).to_have_url(re.compile(r"/indicators/mediation\.disputes/records/\?unit="))
    expect(page.get_by_test_id("value")).to_have_text(f"{bar['value']:,}件")
    expect(page.get_by_role("heading", level=1)).to_contain_text("调处矛盾纠纷")
    rows = page.get_by_test_id("dispute-rows").locator("tbody tr")
    expect(rows.first).to_be_visible()
    assert bar["name"] in page.content()  # the township named on the records page
    page.screenshot(path=SCREENSHOTS / "dashboard-drilldown.png", full_page=True)
