"""What people's mediation contributes to section 一 of the annual report, and the sub-section
it leads: (三) 法治社会."""

from fazhi.reports.paragraphs import ReportItem, Theme, register_item, register_theme

register_theme(
    Theme(
        key="society",
        order=30,
        heading="共同推进法治社会建设。",
        opening="立足基层、服务群众，矛盾纠纷多元化解机制不断完善。",
    )
)

register_item(
    ReportItem(
        key="mediation.disputes",
        theme="society",
        order=10,
        lead="做实基层人民调解。",
        text=(
            "建成规范化人民调解室{{mediation.standard_rooms}}，健全人民调解组织"
            "{{mediation.organizations}}，配备专兼职人民调解员{{mediation.mediators|名}}，各级人民调解"
            "组织全年调处矛盾纠纷{{mediation.disputes}}。以政府购买服务方式选聘专职人民调解员"
            "{{mediation.full_time_mediators|名}}（当年新增{{mediation.full_time_mediators_new|名}}），"
            "专职人民调解员调处纠纷{{mediation.disputes_by_full_time}}，占全部调处纠纷的"
            "{{mediation.full_time_share}}，调解协议涉及金额{{mediation.agreement_amount}}。"
        ),
    ),
)
