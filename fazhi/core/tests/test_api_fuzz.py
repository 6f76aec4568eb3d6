"""A bounded fuzz of the whole API (schemathesis): every operation of /api/v1/schema/ gets a few
generated requests as the district's leader and as a township clerk; no answer may be a server
error or differ from what the schema says. New operations are covered as they appear."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, settings
from knox.models import AuthToken
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from fazhi.org.models import User

USERS = ["leader", "xinqiao"]  # every data, one township
EXAMPLES = 3
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]

app = get_wsgi_application()


def _api_schema():
    """The schema /api/v1/schema/ serves, generated in-process (it needs no records)."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(generated)))
    loaded.app = app  # requests go to the application in-process (WSGI), in the test's transaction
    return loaded


@pytest.fixture
def tokens(demo, keep_the_connection):
    return {
        username: AuthToken.objects.create(user=User.objects.get(username=username))[1]
        for username in USERS
    }


@pytest.fixture
def keep_the_connection():
    """Django closes the database connection when a request finishes; inside a test that is
    the test's own transaction (its test client avoids it the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = _api_schema()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same requests on every run: a failure comes back
    # Generated requests only: the explicit phase adds schemathesis' coverage cases, dozens
    # per operation, which would take the suite past its time.
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_the_api_answers_every_generated_request_as_its_schema_says(case, tokens):
    for username in USERS:
        response = case.call(headers={"Authorization": f"Token {tokens[username]}"})
        case.validate_response(response, checks=CHECKS)
