"""Cached figures that are never stale. Every write that can change a figure — a model saved
or deleted in a line of work, an Excel import, synthetic data — advances one counter (a
PostgreSQL sequence: no row lock, so writers never wait for each other), after its transaction
commits. Cached figures are keyed by the counter's value, so a change makes every figure
computed before it unreachable.

On SQLite (a single office trying the platform) nothing is cached."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

SEQUENCE = "fazhi_figures_stamp"
APPS = {"org", "mediation", "legality", "reconsideration", "litigation"}
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
    if sender._meta.app_label in APPS:
        records_changed()


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
