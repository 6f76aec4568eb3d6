"""Refuse a production start with the development secret key.

The production start is the WSGI/ASGI application (gunicorn): `fazhi.wsgi` and `fazhi.asgi` call
`refuse_default_secret_key()`, and `fazhi check --deploy` reports it as an error. Management
commands that need no secret (makemigrations, compile_translations) keep working.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

MESSAGE = (
    "DJANGO_SECRET_KEY is not set: a production start with the default key is refused. "
    "Set DJANGO_SECRET_KEY to a long random value (or DJANGO_DEBUG=1 for development)."
)


def uses_default_secret_key_in_production() -> bool:
    return not settings.DEBUG and settings.SECRET_KEY == settings.DEFAULT_SECRET_KEY


@register(Tags.security, deploy=True)
def default_secret_key_check(app_configs, **kwargs):
    if uses_default_secret_key_in_production():
        return [Error(MESSAGE, id="fazhi.E001")]
    return []


def refuse_default_secret_key() -> None:
    if uses_default_secret_key_in_production():
        raise ImproperlyConfigured(MESSAGE)


@register()
def record_kinds_check(app_configs, **kwargs):
    """Every API viewset reading through `RecordViewSetMixin` has its record kind registered
    (else it would fail on its first request rather than at start)."""
    from django.utils.module_loading import autodiscover_modules

    from fazhi.core.api import RecordViewSetMixin, router
    from fazhi.core.records import all_kinds

    autodiscover_modules("api")
    registered = {kind.model for kind in all_kinds()}
    return [
        Error(
            f"The API viewset {viewset.__name__} reads {viewset.queryset.model._meta.label}, "
            "which has no record kind.",
            hint="Register a RecordKind for it in its app's records.py (fazhi.core.records).",
            id="fazhi.E002",
        )
        for _prefix, viewset, _basename in router.registry
        if issubclass(viewset, RecordViewSetMixin) and viewset.queryset.model not in registered
    ]
