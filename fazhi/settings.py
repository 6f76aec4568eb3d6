"""Fazhi settings: one file, every deployment-specific value read from the environment."""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env(*names: str, default: str = "") -> str:
    """The first of the environment variables `names` that is set, else `default`."""
    for name in names:
        value = os.environ.get(name)
        if value is not None and value != "":
            return value
    return default


def env_bool(*names: str, default: bool = False) -> bool:
    return env(*names, default="1" if default else "0").lower() in ("1", "true", "yes", "on")


def env_list(*names: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(*names, default=default).split(",") if item.strip()]


# The default key exists so that `make run` works out of the box; production refuses it.
DEFAULT_SECRET_KEY = "fazhi-development-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env("DJANGO_SECRET_KEY", "SECRET_KEY", default=DEFAULT_SECRET_KEY)
DEBUG = env_bool("DJANGO_DEBUG", "DEBUG", default=False)
ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", "ALLOWED_HOSTS", default="127.0.0.1,localhost,testserver"
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "fazhi.core.views.csrf_failure"

# With DEBUG off, the default key stops the application's start: see fazhi/core/checks.py.
RUNNING_TESTS = "pytest" in sys.modules or (len(sys.argv) > 1 and sys.argv[1] == "test")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "csp",
    "fazhi.core.apps.AuditlogConfig",
    "fazhi.core.apps.AxesConfig",
    "fazhi.core",
    "fazhi.org",
    "fazhi.timelimits",
    "fazhi.indicators",
    "fazhi.mediation",
    "fazhi.legality",
    "fazhi.reconsideration",
    "fazhi.litigation",
    "fazhi.governance",
    "fazhi.enforcement",
    "fazhi.reports",
    "fazhi.inbox",
]
# A line of work that exists only in the test run (fazhi/core/tests/petitions), built on the kit
# alone: its tests prove that adding a line of work touches nothing outside its app.
if RUNNING_TESTS:
    INSTALLED_APPS.append("fazhi.core.tests.petitions")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "fazhi.core.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "fazhi.core.middleware.SessionRenewalMiddleware",
    "fazhi.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "fazhi.org.passwords.PasswordPolicyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # django-axes wants to be last.
    "axes.middleware.AxesMiddleware",
]

if DEBUG:  # the platform's own 404/403 pages, not Django's technical ones
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
        "fazhi.core.middleware.DebugErrorPagesMiddleware",
    )

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fazhi.core.context_processors.navigation",
                "fazhi.core.context_processors.security",
                "fazhi.inbox.context_processors.unread_messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'fazhi.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", default="0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Wait for a writer rather than fail at once, and take the write lock when a transaction
    # starts (IMMEDIATE), so concurrent writers queue instead of failing halfway.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The working set of a county's data stays in memory (or on SSD), where a page read out of
    # order costs little more than one read in order. PostgreSQL's default (4) is for spinning
    # disks and made a township's figures read the whole district's year through the date
    # index instead of the township's own rows (docs/performance.md).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c random_page_cost=" + env("POSTGRES_RANDOM_PAGE_COST", default="1.1")
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "org.User"

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out username before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "fazhi.org.backends.RoleBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "fazhi.org.passwords.CharacterClassesValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "fazhi.org.passwords.PasswordHistoryValidator", "OPTIONS": {"remember": 5}},
]
# A password older than this many days must be changed at the next request (0: never).
FAZHI_PASSWORD_MAX_AGE_DAYS = int(env("FAZHI_PASSWORD_MAX_AGE_DAYS", default="90"))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after this many idle minutes: every request renews the cookie.
SESSION_IDLE_MINUTES = int(env("FAZHI_SESSION_IDLE_MINUTES", default="30"))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = False  # SessionRenewalMiddleware renews it, once a minute at most
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login throttling (django-axes, fazhi/core/login.py): 5 failures lock the username *from that
# address* for 15 minutes, so someone elsewhere who knows a username cannot lock its owner out;
# an address failing 20 times over any usernames is throttled as a whole (an office behind one
# NAT gateway fails far less). Superusers lift either in 系统管理.
AXES_FAILURE_LIMIT = int(env("FAZHI_LOGIN_FAILURE_LIMIT", default="5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("FAZHI_LOCKOUT_MINUTES", default="15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
FAZHI_ADDRESS_FAILURE_LIMIT = int(env("FAZHI_ADDRESS_FAILURE_LIMIT", default="20"))
# Audit and login records are kept at least this long (网络安全法 第21条: six months).
FAZHI_RECORD_RETENTION_DAYS = max(180, int(env("FAZHI_RECORD_RETENTION_DAYS", default="180")))
AXES_HANDLER = "fazhi.core.login.LoginHandler"
AXES_LOCKOUT_CALLABLE = "fazhi.core.login.locked_out"
# The username is taken from the login form, not from the user agent or a cookie, so the
# rotation that axes.W006 warns about does not apply.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False

# Behind a reverse proxy that terminates TLS, set FAZHI_BEHIND_TLS_PROXY=1.
if env_bool("FAZHI_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
    AXES_IPWARE_PROXY_COUNT = 1

SECURE_CONTENT_TYPE_NOSNIFF = True
# Scripts, styles, fonts and images from this site only (every library is vendored); no inline
# script (page behaviours are data- attributes read by static/fazhi/app.js). Inline style
# attributes stay allowed: Bootstrap's components and htmx set them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    # The test suite talks plain HTTP to its own live server.
    SESSION_COOKIE_SECURE = env_bool("FAZHI_SECURE_COOKIES", default=not RUNNING_TESTS)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_bool("FAZHI_SSL_REDIRECT", default=not RUNNING_TESTS)
    SECURE_HSTS_SECONDS = int(env("FAZHI_HSTS_SECONDS", default=str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # /healthz is probed over plain HTTP by load balancers and monitors.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or RUNNING_TESTS
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# In development and tests, serve static files straight from the source folders.
WHITENOISE_USE_FINDERS = DEBUG or RUNNING_TESTS
if WHITENOISE_USE_FINDERS:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Figures cached (PostgreSQL only) under a counter every committed write advances.
FIGURES_CACHE = env_bool("FAZHI_FIGURES_CACHE", default=True)
MEDIA_ROOT = Path(env("FAZHI_MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"  # uploads are never served directly: views check who may read them
# Excel imports run in a background thread of the web process, so the page can show progress;
# set to 1 to run them within the upload request instead.
LEDGER_IMPORTS_INLINE = env_bool("FAZHI_LEDGER_IMPORTS_INLINE")

# API tokens (django-rest-knox): only a SHA-512 digest is stored; each expires, by default after
# FAZHI_API_TOKEN_DAYS days. Issued and revoked by superusers in 系统管理, on the audit trail.
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=int(env("FAZHI_API_TOKEN_DAYS", default="90"))),
    "AUTH_HEADER_PREFIX": "Token",
}

REST_FRAMEWORK = {
    # Token first: an unauthenticated call is answered 401 with WWW-Authenticate: Token.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["fazhi.core.drf.ModelViewPermissions"],
    "DEFAULT_PAGINATION_CLASS": "fazhi.core.drf.Pagination",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "fazhi.core.schema.Schema",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Fazhi API",
    "DESCRIPTION": "法治工作平台接口（/api/v1/）。权限与数据范围与网页相同。",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models have a closed list named `kind`: each gets its own schema name.
    "ENUM_NAME_OVERRIDES": {
        "ReviewRequestKindEnum": "fazhi.legality.models.ReviewRequest.Kind",
        "FilingKindEnum": "fazhi.legality.models.Filing.Kind",
        # The adoption step's `item_<id>` field offers the same choices as an item's adoption.
        "AdoptionEnum": "fazhi.legality.models.OpinionItem.Adoption",
    },
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # No call to the public schema validator: the intranet has no way out.
    "SWAGGER_UI_SETTINGS": {
        "validatorUrl": None,
        "deepLinking": True,
        "persistAuthorization": True,
    },
}


EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if env("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
# Reminders are e-mailed only when a mail server is configured.
FAZHI_EMAIL_ENABLED = bool(env("EMAIL_HOST"))
EMAIL_PORT = int(env("EMAIL_PORT", default="25"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="fazhi@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("FAZHI_LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

if RUNNING_TESTS:
    # Hashing the demo users' passwords with PBKDF2 costs seconds per test; speed, not strength.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
