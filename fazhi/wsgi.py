import os

from django.core.wsgi import get_wsgi_application

from fazhi.core.checks import refuse_default_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse the development key here too.
refuse_default_secret_key()
