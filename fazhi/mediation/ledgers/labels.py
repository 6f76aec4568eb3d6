"""The closed lists of the mediation ledgers: a workbook's drop-downs read exactly as the pages'
(the models' labels in Chinese), and the words earlier templates used still import.

A workbook is a file format: a file filled in last year must still import after a label is
reworded on the pages, hence the former labels (`FORMER_…`), accepted on import, never written."""

from fazhi.core.ledgers import page_labels
from fazhi.mediation.models import Committee, Dispute, Gender, Mediator

YES_NO = [(True, "是"), (False, "否")]
GENDER_LABELS = page_labels(Gender)
COMMITTEE_TYPE_LABELS = page_labels(Committee.Type)
EMPLOYMENT_LABELS = page_labels(Mediator.Employment)
DISPUTE_TYPE_LABELS = page_labels(Dispute.Type)
SOURCE_LABELS = page_labels(Dispute.Source)
STATUS_LABELS = page_labels(Dispute.Status)
AGREEMENT_FORM_LABELS = page_labels(Dispute.AgreementForm)
PERFORMANCE_LABELS = page_labels(Dispute.Performance)

# The words of the templates before they read as the pages do.
FORMER_COMMITTEE_TYPES = {f"{label}调委会": value for value, label in COMMITTEE_TYPE_LABELS.items()}
FORMER_DISPUTE_TYPES = {f"{label}纠纷": value for value, label in DISPUTE_TYPE_LABELS.items()}
FORMER_SOURCES = {
    "公安机关移送": Dispute.Source.POLICE,
    "信访部门移送": Dispute.Source.PETITION,
    "其他部门移送": Dispute.Source.DEPARTMENT,
}
FORMER_PERFORMANCE = {"待履行": Dispute.Performance.PENDING}
STARS = [(n, str(n)) for n in range(6)]


def choices_of(labels: dict, enum) -> list[tuple[str, str]]:
    """(value, label) for every value of `enum`: a choice added to the model without a label
    here stops the module from loading, rather than going missing from the drop-down."""
    return [(value, labels[value]) for value in enum.values]


def label(labels: dict, value) -> str:
    return labels.get(value, value) if value else ""


def yes_no(value: bool) -> str:
    return "是" if value else "否"
