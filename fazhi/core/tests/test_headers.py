"""Response headers an assessor checks: a Content-Security-Policy allowing this site's scripts
only (and no page carrying an inline script or handler it would block), no-store on pages and
API answers, 401 with WWW-Authenticate for an API call without credentials, and a schema that
documents the errors and the values the API really returns."""

import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
TEMPLATE_DIRS = [
    Path(settings.BASE_DIR) / "templates",
    *Path(settings.BASE_DIR).glob("fazhi/*/templates"),
]


def test_pages_carry_a_policy_allowing_only_this_sites_scripts(district, login):
    response = login("leader").get("/")
    policy = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"


def test_no_template_holds_an_inline_script_or_event_handler():
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
    handler = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I)
    found = []
    for folder in TEMPLATE_DIRS:
        for path in folder.rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            found += [f"{path}: {m.group()}" for m in inline.finditer(text)]
            found += [f"{path}: {m.group()}" for m in handler.finditer(text)]
    assert not found


def test_pages_and_api_answers_are_not_stored(district, login):
    client = login("leader")
    for url in ["/", "/org/units/", "/api/v1/units/"]:
        assert client.get(url)["Cache-Control"] == "no-store", url


def test_an_api_call_without_credentials_is_a_401_naming_the_scheme(district):
    response = APIClient().get("/api/v1/units/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_the_schema_documents_errors_and_blank_choices(district, login):
    schema = yaml.safe_load(login("leader").get("/api/v1/schema/").content)
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert {"400", "401", "403"} <= codes, (method, path)
            if "{" in path:
                assert "404" in codes, (method, path)
            if method in ("post", "put", "patch"):
                assert "409" in codes, (method, path)
    lawsuit = schema["components"]["schemas"]["Lawsuit"]["properties"]["outcome"]
    assert {"$ref": "#/components/schemas/BlankEnum"} in lawsuit["oneOf"]
