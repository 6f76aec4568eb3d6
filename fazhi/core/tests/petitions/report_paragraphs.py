from fazhi.reports.paragraphs import ReportItem, Theme, register_item, register_theme

register_theme(
    Theme(key="petitions", order=35, heading="依法做好信访工作。", opening="畅通群众诉求表达渠道。")
)
register_item(
    ReportItem(
        key="petitions.received",
        theme="petitions",
        lead="依法受理信访事项。",
        text="全年收到信访事项{{petitions.received}}。",
    )
)
