"""Error pages in the platform's own look and words, whatever the DEBUG setting."""

import pytest
from django.test import Client

from fazhi.org.models import User

pytestmark = pytest.mark.django_db


def test_with_debug_on_a_missing_record_gets_the_platforms_own_404_page(district, settings):
    """`make run` serves with DEBUG on: Django's technical 404 page (English, every URL
    pattern listed) never reaches a user."""
    settings.DEBUG = True
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:-1],
        "fazhi.core.middleware.DebugErrorPagesMiddleware",
        settings.MIDDLEWARE[-1],
    ]
    client = Client()
    client.force_login(User.objects.get(username="admin"))
    for path in ["/mediation/disputes/999999/", "/no-such-page/"]:
        response = client.get(path)
        assert response.status_code == 404
        text = response.content.decode()
        assert "页面不存在" in text and "URLconf" not in text and "Page not found" not in text
