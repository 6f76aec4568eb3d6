"""How figures are written in report text and how hand-typed figures are caught."""

from decimal import Decimal

from fazhi.reports.references import format_figure, references_in, untraceable_numbers


def test_a_typed_percentage_is_caught_and_a_reference_is_not():
    text = "专职调解员调处纠纷{{mediation.disputes_by_full_time}}，占全年调处总数的45.57%。"
    assert untraceable_numbers(text) == ["45.57%"]
    assert untraceable_numbers("占全年调处总数的{{mediation.full_time_share}}。") == []


def test_counts_typed_in_narrative_are_caught_but_years_dates_and_titles_are_not():
    text = (
        "2019年，根据《法治政府建设实施纲要（2015－2020年）》，于2020年3月9日印发游司发〔2020〕"
        "12号文件，向区委书记专题汇报工作1次，通报批评20余个单位。"
    )
    assert untraceable_numbers(text) == ["1", "20"]


def test_references_are_read_with_their_style():
    refs = references_in("配备{{ mediation.mediators|名 }}，调处{{mediation.disputes}}。")
    assert [(r.key, r.style, r.name) for r in refs] == [
        ("mediation.mediators", "名", "mediation.mediators|名"),
        ("mediation.disputes", "", "mediation.disputes"),
    ]


def test_figures_are_printed_as_running_chinese_text_prints_them():
    assert format_figure(2197, "件") == "2197件"  # no thousands separator
    assert format_figure(1769, "人", "名") == "1769名"
    assert format_figure(Decimal("45.2"), "%") == "45.20%"
    assert format_figure(Decimal("14643580.00"), "元") == "1464余万元"
    assert format_figure(Decimal("14643580.00"), "元", money_rule="TWO_DECIMALS") == "1464.36万元"
    assert format_figure(Decimal("5200.50"), "元") == "5200.50元"
    assert format_figure(Decimal("20000000.00"), "元") == "2000万元"  # exact: no 余
    assert format_figure(17, "人", "数") == "17"
    assert format_figure(None, "件") == "—"


def test_figures_hidden_in_brackets_or_chinese_numerals_are_caught_and_dates_are_not():
    caught = (
        "调处纠纷（2197）件，〔2197件〕，二千一百九十七件，百分之四十五点五七，１２３件，2,197件"
    )
    assert untraceable_numbers(caught) == [
        "2197",
        "2197",
        "１２３",
        "2,197",
        "二千一百九十七件",
        "百分之四十五点五七",
    ]
    fine = (
        "12348公共法律服务热线，2019—2020年，1-11月，第3条，2020.3.9，十九届四中全会，"
        "三个协调小组，（2019）川0704行初12号，游司发〔2020〕12号"
    )
    assert untraceable_numbers(fine) == []


def test_a_mistyped_reference_is_found():
    from fazhi.reports.references import malformed_references

    text = "{{mediation.disputes|00件}} {{Mediation.disputes}} {{mediation.disputes} {{ok.key|名}}"
    assert malformed_references(text) == [
        "{{mediation.disputes|00件}}",
        "{{Mediation.disputes}}",
        "{{mediation.disputes}",
    ]
