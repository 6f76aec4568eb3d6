"""Edits that never silently overwrite: a record carries a `version`; an edit names the version
its editor saw, and is refused if someone saved the record since."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class StaleEdit(ValidationError):
    """Someone saved the record after the editor opened it (the API answers 409)."""


def lock_for_edit(model, pk, version):
    """The stored record, locked until the transaction ends, with its version already raised
    for the save that follows; StaleEdit when `version` is not the stored one. Call inside
    transaction.atomic."""
    stored = model._default_manager.select_for_update().get(pk=pk)
    try:
        version = int(version)
    except (TypeError, ValueError):
        version = None
    if version != stored.version:
        raise StaleEdit(
            _(
                "This record was changed by someone else after you opened it. Your changes "
                "were not saved: reload the page to see the current record, then edit again."
            ),
            code="stale",
        )
    stored.version += 1
    return stored
