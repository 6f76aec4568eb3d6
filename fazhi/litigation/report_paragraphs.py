"""What administrative litigation contributes to section 一 of the annual report."""

from fazhi.reports.paragraphs import ReportItem, register_item

register_item(
    ReportItem(
        key="litigation.cases",
        theme="government",
        order=40,
        lead="认真做好行政应诉。",
        text=(
            "全年承办行政应诉案件{{litigation.cases}}，其中法院裁定驳回起诉{{litigation.dismissed}}，"
            "已开庭等待宣判{{litigation.awaiting_judgment}}，等待开庭{{litigation.awaiting_hearing}}；"
            "落实行政机关负责人出庭应诉制度。"
        ),
    ),
)
