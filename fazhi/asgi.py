import os

from django.core.asgi import get_asgi_application

from fazhi.core.checks import refuse_default_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
application = get_asgi_application()

# gunicorn runs no system checks: refuse the development key here too.
refuse_default_secret_key()
