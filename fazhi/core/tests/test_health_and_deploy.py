"""/healthz against a real and an unreachable database; production settings."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def run_fazhi(args, **env):
    """Run the `fazhi` command in a fresh process with the given environment."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "fazhi", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
    )


HEALTHZ_SCRIPT = """
import django
django.setup()
from django.test import Client
r = Client().get("/healthz")
print(r.status_code, r.content.decode())
"""


def test_healthz_answers_503_when_the_database_is_unreachable():
    # A real process whose database is a PostgreSQL port where nothing listens.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    env.update(
        DJANGO_SETTINGS_MODULE="fazhi.settings",
        DJANGO_DEBUG="1",
        DATABASE_URL="postgres://postgres@127.0.0.1:9/nothing?connect_timeout=2",
    )
    result = subprocess.run(
        [sys.executable, "-c", HEALTHZ_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.startswith("503 "), result.stderr
    assert '"database": "unavailable"' in result.stdout


def production_env(**extra):
    return {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "fazhi.example.gov.cn",
        "DATABASE_URL": f"sqlite:///{settings.BASE_DIR / 'var' / 'deploy-check.sqlite3'}",
        **extra,
    }


def test_deploy_check_passes_with_production_settings():
    result = run_fazhi(["check", "--deploy", "--fail-level", "WARNING"], **production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_on_the_default_secret_key():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = run_fazhi(["check", "--deploy"], **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stdout + result.stderr


def import_wsgi(**env):
    """Import the WSGI application, as gunicorn does, in a fresh process."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import fazhi.wsgi"],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=settings.BASE_DIR,
    )


def test_gunicorns_entry_point_refuses_the_default_secret_key_too():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    refused = import_wsgi(**env)
    assert refused.returncode != 0 and "DJANGO_SECRET_KEY is not set" in refused.stderr
    started = import_wsgi(**production_env())
    assert started.returncode == 0, started.stderr


def test_commands_that_need_no_secret_work_without_one():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = run_fazhi(["makemigrations", "--check", "--dry-run"], **env)
    assert result.returncode == 0, result.stderr


def test_secret_key_and_allowed_hosts_are_read_from_the_short_names_too():
    env = production_env()
    env["SECRET_KEY"] = env.pop("DJANGO_SECRET_KEY")
    env["ALLOWED_HOSTS"] = env.pop("DJANGO_ALLOWED_HOSTS")
    script = "from django.conf import settings as s; print(s.ALLOWED_HOSTS, s.SECRET_KEY == %r)"
    result = run_fazhi(["shell", "-c", script % env["SECRET_KEY"]], **env)
    assert result.stdout.strip().splitlines()[-1] == "['fazhi.example.gov.cn'] True", result.stderr
