"""What the register pages (fazhi.core.registers) need from a template."""

from django import template
from django.db import models

register = template.Library()


@register.filter
def column_labels(reg) -> list[str]:
    return [reg.label(name) for name in reg.columns]


@register.simple_tag
def register_cells(record, reg, full_ids=False) -> list[tuple[str, bool]]:
    """The record's list cells, each with whether it is a date (kept on one line); ID numbers
    masked unless `full_ids`."""
    return [(reg.cell_text(record, name, full_ids), _is_date(record, name)) for name in reg.columns]


def _is_date(record, name: str) -> bool:
    from datetime import date

    try:
        return isinstance(record._meta.get_field(name), models.DateField)
    except Exception:  # a property
        return isinstance(getattr(record, name), date)


@register.filter
def verbose_name(model) -> str:
    return model._meta.verbose_name
