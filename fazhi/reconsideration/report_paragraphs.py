"""What administrative reconsideration contributes to section 一 of the annual report."""

from fazhi.reports.paragraphs import ReportItem, register_item

register_item(
    ReportItem(
        key="reconsideration.cases",
        theme="government",
        order=30,
        lead="依法办理行政复议。",
        text=(
            "全年受理行政复议案件{{reconsideration.applications}}，办结{{reconsideration.concluded}}，"
            "年末尚在办理{{reconsideration.pending}}；其中决定维持{{reconsideration.upheld}}，"
            "决定不予受理{{reconsideration.not_accepted}}。"
        ),
    ),
)
