"""A bounded fuzz of the whole API (schemathesis): every operation of /api/v1/schema/ gets a few
generated requests, valid and invalid, as the district's leader and as a township clerk; no
answer may be a server error, a status the schema does not list, or a body it does not allow.
New operations are covered as they appear. One test looping over the operations (rather than
schemathesis' pytest parametrisation) so that it also runs under pytest-xdist."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from knox.models import AuthToken
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from fazhi.org.models import User

USERS = ["leader", "xinqiao"]  # all the district's data; one township's
EXAMPLES = 3
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]

app = get_wsgi_application()


def api_schema():
    """The schema /api/v1/schema/ serves, generated in-process (it needs no records)."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(generated)))
    loaded.app = app  # requests go to the application in-process (WSGI), in the test's transaction
    return loaded


@pytest.fixture
def keep_the_connection():
    """Django closes the database connection when a request finishes; inside a test that is
    the test's own transaction (its test client avoids it the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_the_api_answers_every_generated_request_as_its_schema_says(demo, keep_the_connection):
    headers = {
        username: {
            "Authorization": "Token "
            + AuthToken.objects.create(user=User.objects.get(username=username))[1]
        }
        for username in USERS
    }
    operations = [result.ok() for result in api_schema().get_all_operations()]
    assert len(operations) > 60
    sent, failures = [0], []
    for operation in operations:
        cases = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        )

        @given(case=cases)
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,  # the same requests on every run: a failure comes back
            phases=[Phase.generate],
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answers_as_the_schema_says(case):
            for username in USERS:
                response = case.call(headers=headers[username])
                sent[0] += 1
                case.validate_response(response, checks=CHECKS)

        try:
            answers_as_the_schema_says()
        except Exception as failure:  # every operation is tried; all failures are reported
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}"[:1500])
    print(f"API fuzz: {len(operations)} operations, {sent[0]} requests, {len(failures)} failing")
    assert not failures, "\n\n".join(failures)
