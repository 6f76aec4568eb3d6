"""The closed lists of the mediation ledgers and the Chinese labels their workbooks carry.

Fixed labels here rather than the model's translated ones: a workbook is a file format, and a
file filled in last year must still import after a label is reworded on the pages."""

from fazhi.mediation.models import Committee, Dispute, Gender, Mediator

YES_NO = [(True, "是"), (False, "否")]
GENDER_LABELS = {Gender.MALE: "男", Gender.FEMALE: "女"}
COMMITTEE_TYPE_LABELS = {
    Committee.Type.VILLAGE: "村（社区）调委会",
    Committee.Type.TOWNSHIP: "乡镇（街道）调委会",
    Committee.Type.INDUSTRY: "行业性专业性调委会",
    Committee.Type.ENTERPRISE: "企事业单位调委会",
    Committee.Type.OTHER: "其他调委会",
}
EMPLOYMENT_LABELS = {Mediator.Employment.FULL_TIME: "专职", Mediator.Employment.PART_TIME: "兼职"}
DISPUTE_TYPE_LABELS = {
    Dispute.Type.MARRIAGE_FAMILY: "婚姻家庭纠纷",
    Dispute.Type.NEIGHBOURHOOD: "邻里纠纷",
    Dispute.Type.HOUSING_LAND: "房屋宅基地纠纷",
    Dispute.Type.CONTRACT: "合同纠纷",
    Dispute.Type.PRODUCTION: "生产经营纠纷",
    Dispute.Type.DAMAGES: "损害赔偿纠纷",
    Dispute.Type.LABOUR: "劳动争议纠纷",
    Dispute.Type.VILLAGE_AFFAIRS: "村务管理纠纷",
    Dispute.Type.LAND_REQUISITION: "征地拆迁纠纷",
    Dispute.Type.POLLUTION: "环境污染纠纷",
    Dispute.Type.MEDICAL: "医疗纠纷",
    Dispute.Type.PROPERTY_MANAGEMENT: "物业纠纷",
    Dispute.Type.TRAFFIC: "道路交通事故纠纷",
    Dispute.Type.CONSUMER: "消费纠纷",
    Dispute.Type.OTHER: "其他纠纷",
}
SOURCE_LABELS = {
    Dispute.Source.APPLICATION: "当事人申请",
    Dispute.Source.OWN_INITIATIVE: "主动调解",
    Dispute.Source.COURT: "法院委托",
    Dispute.Source.POLICE: "公安机关移送",
    Dispute.Source.PETITION: "信访部门移送",
    Dispute.Source.DEPARTMENT: "其他部门移送",
}
STATUS_LABELS = {
    Dispute.Status.RECEIVED: "已受理",
    Dispute.Status.MEDIATING: "调解中",
    Dispute.Status.SUCCEEDED: "调解成功",
    Dispute.Status.FAILED: "调解不成功",
    Dispute.Status.TERMINATED: "终止调解",
}
AGREEMENT_FORM_LABELS = {
    Dispute.AgreementForm.WRITTEN: "书面协议",
    Dispute.AgreementForm.ORAL: "口头协议",
}
PERFORMANCE_LABELS = {
    Dispute.Performance.PENDING: "待履行",
    Dispute.Performance.PERFORMED: "已履行",
    Dispute.Performance.PARTLY: "部分履行",
    Dispute.Performance.NOT_PERFORMED: "未履行",
}
STARS = [(n, str(n)) for n in range(6)]


def choices_of(labels: dict, enum) -> list[tuple[str, str]]:
    """(value, label) for every value of `enum`: a choice added to the model without a label
    here stops the module from loading, rather than going missing from the drop-down."""
    return [(value, labels[value]) for value in enum.values]


def label(labels: dict, value) -> str:
    return labels.get(value, value) if value else ""


def yes_no(value: bool) -> str:
    return "是" if value else "否"
