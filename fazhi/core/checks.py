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
