"""What enforcement supervision contributes to section 一's (二) 法治政府, in our own words:
officers and certificates, the case-file evaluation, the three systems."""

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
    ),
    ReportItem(
        key="enforcement.case_files",
        theme="government",
        order=51,
        lead="以案卷评查促规范执法。",
        text=(
            "集中评查行政执法案卷{{enforcement.case_files_evaluated}}，平均得分"
            "{{enforcement.case_files_average_score}}，评查发现问题{{enforcement.problems_found}}，"
            "已督促整改{{enforcement.problems_rectified}}；择优上报{{enforcement.excellent_case_files}}"
            "优秀卷宗，参加全省行政执法优秀案例评选。"
        ),
    ),
    ReportItem(
        key="enforcement.three_systems",
        theme="government",
        order=52,
        lead="落实行政执法三项制度。",
        text=(
            "全年作出行政执法决定{{enforcement.decisions}}，在规定时限内公示"
            "{{enforcement.decisions_published_in_time}}；需经法制审核的"
            "{{enforcement.reviews_required}}决定中，{{enforcement.reviews_before_decision}}在作出前"
            "完成法制审核。"
        ),
    ),
)
