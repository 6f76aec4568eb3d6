"""What enforcement supervision contributes to section 一's (二) 法治政府, in our own words."""

from fazhi.reports.paragraphs import ReportItem, register_item

register_item(
    ReportItem(
        key="enforcement.officers",
        theme="government",
        order=50,
        lead="加强行政执法监督。",
        text=(
            "完成{{enforcement.certificates_renewed}}行政执法人员证件换领，组织"
            "{{enforcement.exam_takers}}行政执法人员参加年度法律知识考试。"
        ),
    )
)
