"""What legality review and filing contribute to section 一 of the annual report, and the
sub-section they lead: (二) 法治政府 (reconsideration and litigation write into it too)."""

from fazhi.reports.paragraphs import ReportItem, Theme, register_item, register_theme

register_theme(
    Theme(
        key="government",
        order=20,
        heading="扎实推进法治政府建设。",
        opening="统筹推进依法行政各项工作，法治政府建设取得新进展。",
    )
)

register_item(
    ReportItem(
        key="legality.review",
        theme="government",
        order=10,
        lead="严把合法性审查关。",
        text=(
            "发挥常驻律师、政府法律顾问团和专项法律顾问的作用，全年对政府常务会议议题开展"
            "合法性审查{{legality.reviews.meeting_topics}}，审查重大经济合同"
            "{{legality.reviews.contracts}}，审查规范性文件{{legality.reviews.normative_documents}}，"
            "出具合法性审查意见书{{legality.opinion_letters}}，提出法律意见和建议"
            "{{legality.opinions}}。"
        ),
    ),
    ReportItem(
        key="legality.filing",
        theme="government",
        order=20,
        lead="抓实备案审查。",
        text=(
            "全年报送备案规范性文件{{legality.filings.normative_documents}}，报送备案重大行政处罚、"
            "行政强制决定{{legality.filings.penalty_compulsory}}。"
        ),
    ),
)
