"""Every ledger checks a row whose cells are all wrong or missing against the database and the
other rows without failing: an import reports every error of every row in one pass."""

import io

import pytest
from openpyxl import Workbook

from fazhi.core import ledgers
from fazhi.core.ledgers import get_ledger, import_ledger
from fazhi.org.models import Unit, User

pytestmark = pytest.mark.django_db


def _all_ledgers():
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("ledgers")
    return sorted(ledgers._registry)


@pytest.mark.parametrize("key", _all_ledgers())
def test_rows_of_wrong_and_missing_cells_are_all_reported(district, key):
    ledger = get_ledger(key)
    book = Workbook()
    sheet = book.active
    sheet.append([column.header for column in ledger.columns])
    sheet.append(["×"] * len(ledger.columns))  # text where dates, numbers and choices belong
    sheet.append(["×"])  # every other cell missing
    sheet.append(["2019-13-45"] * len(ledger.columns))
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    context = {
        "unit": Unit.objects.get(code="510704"),
        "viewer": User.objects.get(username="admin"),
    }
    result = import_ledger(ledger, stream, context=context)
    assert not result.ok and result.created == 0
    rows = {error.row for error in result.errors}
    assert {2, 4} <= rows <= {2, 3, 4}  # a row of one text cell may be complete for a ledger


def _page_labels() -> set[str]:
    """Every label a page shows for a model's closed list, in Chinese."""
    from django.apps import apps
    from django.db.models import Choices
    from django.utils import translation

    with translation.override("zh-hans"):
        fields = {
            str(label)
            for model in apps.get_models()
            for model_field in model._meta.get_fields()
            for _value, label in getattr(model_field, "flatchoices", None) or []
        }
        # Closed lists a page shows without a field of their own (a lawsuit's stage).
        enums = {
            str(label)
            for model in apps.get_models()
            for attribute in vars(model).values()
            if isinstance(attribute, type) and issubclass(attribute, Choices)
            for label in attribute.labels
        }
    return fields | enums


@pytest.mark.parametrize("key", _all_ledgers())
def test_a_templates_drop_downs_use_the_pages_words(key):
    page = _page_labels() | {"是", "否"} | {str(n) for n in range(10)}
    for column in get_ledger(key).columns:
        for _value, label in column.choices:
            assert label in page, f"{column.header}：“{label}” is not a page's word"
