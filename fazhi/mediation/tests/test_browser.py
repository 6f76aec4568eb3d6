"""A township clerk keeps the mediation ledger in a real browser: register, find, close with an
agreement, download it, export the list — and another township's dispute stays out of reach."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from fazhi.core.tests.test_browser import log_in
from fazhi.mediation.models import Dispute

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts"


def test_xinqiao_registers_finds_closes_downloads_exports_and_cannot_see_xiaojiangou(ledger, page):
    SCREENSHOTS.mkdir(exist_ok=True)
    log_in(page, "xinqiao")
    nav = page.get_by_role("navigation", name="导航")
    nav.get_by_role("link", name="矛盾纠纷").click()
    page.get_by_role("link", name="登记纠纷").click()

    page.get_by_label("人民调解委员会").select_option(label="新桥镇人民调解委员会")
    page.get_by_label("纠纷类型").select_option(label="房屋宅基地")
    page.get_by_label("来源").select_option(label="主动调解")
    page.get_by_label("受理日期").fill("2019-09-02")
    page.get_by_label("主持调解员").select_option(index=1)
    page.get_by_label("纠纷主要事实、争议事项").fill("两户对宅基地界址有争议。")
    page.locator("#id_party-0-name").fill("钱宅甲")
    page.locator("#id_party-1-name").fill("孙宅乙")
    page.screenshot(path=SCREENSHOTS / "mediation-register.png", full_page=True)
    page.get_by_role("button", name="保存").click()

    expect(page.get_by_role("heading", name="新桥调〔2019〕2号")).to_be_visible()
    expect(page.get_by_test_id("deadlines")).to_contain_text("2019-10-08")  # 10-02 is a holiday

    nav.get_by_role("link", name="矛盾纠纷").click()
    page.get_by_placeholder("当事人姓名或案号").fill("孙宅乙")
    rows = page.get_by_test_id("dispute-rows")
    expect(rows.get_by_role("link", name="新桥调〔2019〕2号")).to_be_visible()
    expect(rows.get_by_role("link", name=ledger["xq_dispute"].number)).to_have_count(0)
    rows.get_by_role("link", name="新桥调〔2019〕2号").click()

    page.get_by_role("link", name="结案").click()
    page.get_by_label("调解成功").check()
    page.get_by_label("结案日期").fill("2019-09-20")
    page.get_by_label("协议形式").select_option(label="书面协议")
    page.get_by_label("协议涉及金额（元）").fill("8000")
    page.get_by_label("协议内容").fill("一、重新确定界址；二、甲方补偿乙方8000元。")
    page.get_by_label("履行方式、时限").fill("签订协议后十日内一次性支付。")
    page.get_by_role("button", name="确认结案").click()
    expect(page.get_by_test_id("status")).to_have_text("调解成功")
    page.screenshot(path=SCREENSHOTS / "mediation-closed.png", full_page=True)

    with page.expect_download() as download_info:
        page.get_by_test_id("agreement").click()
    agreement = Document(download_info.value.path())
    text = "\n".join(p.text for p in agreement.paragraphs)
    assert "人民调解协议书" in text and "钱宅甲" in text and "甲方补偿乙方8000元" in text

    nav.get_by_role("link", name="矛盾纠纷").click()
    page.get_by_label("纠纷类型").select_option(label="房屋宅基地")
    expect(page.get_by_test_id("dispute-rows")).to_contain_text("新桥调〔2019〕2号")
    # The export link follows the filter once htmx has pushed it into the address.
    export = page.get_by_test_id("export")
    expect(export).to_have_attribute("href", re.compile("dispute_type=HOUSING_LAND"))
    with page.expect_download() as export_info:
        page.get_by_test_id("export").click()
    sheet = load_workbook(BytesIO(Path(export_info.value.path()).read_bytes())).worksheets[0]
    exported = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(exported) == 1 and "新桥调〔2019〕2号" in exported[0]

    other = Dispute.objects.get(pk=ledger["xj_dispute"].pk)
    response = page.goto(page.base_url + other.get_absolute_url())
    assert response.status == 404
    expect(page.get_by_role("heading")).to_contain_text(re.compile("找不到|不存在"))


def test_an_upload_is_checked_in_the_background_and_its_errors_listed(
    ledger, page, tmp_path, settings
):
    from django.db import connection

    from fazhi.mediation.tests.test_import_pages import committees_file, good

    if connection.vendor == "sqlite":
        # The suite's in-memory SQLite cannot serve the page's polling while another thread
        # writes; the background thread is exercised by the PostgreSQL run of the suite.
        settings.LEDGER_IMPORTS_INLINE = True

    rows = [good(n) for n in range(1, 4)]
    rows[1][5] = 9  # sheet row 3, 星级
    path = tmp_path / "调委会.xlsx"
    path.write_bytes(committees_file(rows).read())
    log_in(page, "xinqiao")
    page.get_by_role("navigation", name="导航").get_by_role("link", name="从 Excel 导入").click()
    page.get_by_label("台账").select_option(label="人民调解委员会台账")
    page.get_by_label("Excel 文件（.xlsx）").set_input_files(path)
    page.get_by_test_id("import-form").get_by_role("button", name="上传并校验").click()
    expect(page.get_by_test_id("import-result")).to_contain_text("没有导入任何数据", timeout=30_000)
    expect(page.get_by_test_id("import-errors")).to_contain_text("星级")
    page.screenshot(path=SCREENSHOTS / "mediation-import-errors.png", full_page=True)
    with page.expect_download() as annotated:
        page.get_by_role("link", name="下载标注了错误的工作簿").click()
    assert annotated.value.suggested_filename.endswith(".xlsx")
