"""Cached figures that are never stale. Every write that can change a figure — a record a
figure counts saved or deleted, an Excel import, synthetic data — advances one counter (a
PostgreSQL sequence: no row lock, so writers never wait for each other), after its transaction
commits. Cached figures are keyed by the counter's value, so a change makes every figure
computed before it unreachable.

On SQLite (a single office trying the platform) nothing is cached."""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction

SEQUENCE = "fazhi_figures_stamp"
TIMEOUT = 600  # seconds; the key, not the timeout, keeps figures fresh


def enabled() -> bool:
    return connection.vendor == "postgresql" and settings.FIGURES_CACHE


def stamp() -> int | None:
    if not enabled():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_value, is_called FROM {SEQUENCE}")  # noqa: S608 - a constant
        value, called = cursor.fetchone()
    return value if called else 0


def _advance() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT nextval('{SEQUENCE}')")


def records_changed(**kwargs) -> None:
    """After the writing transaction commits (a reader must not cache figures computed
    before the change under the new stamp)."""
    if enabled():
        transaction.on_commit(_advance)


def on_model_change(sender, **kwargs) -> None:
    if sender in watched_models():
        records_changed()


@functools.cache
def watched_models() -> frozenset:
    """The models whose writes can change a figure, derived from what is registered rather than
    listed: the models the indicators count, those their conditions and their path to a unit
    reach through (a mediator's employment, a committee's unit), and those the data scope is
    built from. A new line of work's figures are watched once they are registered."""
    from fazhi.indicators.registry import Period, all_indicators
    from fazhi.org.scope import scope_models

    models = set(scope_models())
    sample = Period.year(2000)  # any period: the conditions' shape is what matters
    for indicator in all_indicators():
        if indicator.model is None:
            continue
        models.add(indicator.model)
        lookups = [indicator.model.scope_unit_field, *_lookups(indicator.where(sample))]
        for lookup in lookups:
            models |= _models_along(indicator.model, lookup)
    return frozenset(models)


def _lookups(condition) -> list[str]:
    found = []
    for child in getattr(condition, "children", []):
        if isinstance(child, tuple):
            found.append(child[0])
        else:
            found += _lookups(child)
    return found


def _models_along(model, lookup: str) -> set:
    """The models a lookup ("committee__unit__path__gte") passes through after `model`, with
    the tables of many-to-many relations (their writes send m2m_changed from those)."""
    models = set()
    for part in lookup.split("__") if lookup else []:
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            break  # a lookup or transform (gte, year …): the path ends here
        if not field.is_relation:
            break
        if field.many_to_many:
            through = getattr(field.remote_field, "through", None) or field.through
            models.add(through)
        model = field.related_model
        models.add(model)
    return models


def scope_signature(viewer) -> str:
    """What a viewer's figures depend on: their unit and roles (data scope)."""
    from fazhi.org.scope import _roles_of  # read once per request

    roles = sorted(role.pk for role in _roles_of(viewer)) if viewer.pk else []
    return f"{viewer.pk}:{viewer.unit_id}:{int(viewer.is_superuser)}:{roles}"


def cache_key(*parts) -> str:
    return "figures:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def cached(key_parts, compute):
    """`compute()` unless its result for these parts and the current stamp is cached."""
    current = stamp()
    if current is None:
        return compute()
    key = cache_key(current, *key_parts)
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found
