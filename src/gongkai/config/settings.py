"""Django settings for Gongkai, read from the environment.

Environment variables (all optional):

- ``DATABASE_URL``: e.g. ``postgres://user:pass@host:5432/gongkai``; default an SQLite file
  ``var/gongkai.sqlite3`` (WAL mode).
- ``SECRET_KEY``: default generated on first run and kept in ``var/secret_key``.
- ``DEBUG``: off unless set to 1/true.
- ``ALLOWED_HOSTS``: comma separated; default ``127.0.0.1,localhost``.
- ``CSRF_TRUSTED_ORIGINS``: comma separated origins, e.g. ``https://gongkai.example.gov.cn``.
- ``GONGKAI_BASE_URL``: the site's address in letters and e-mails (default: the first
  trusted origin).
- ``GONGKAI_HTTPS``: cookies marked Secure and HSTS sent; default on unless DEBUG.
- ``GONGKAI_VAR_DIR``: where the SQLite file, secret key and collected static files live.
- ``GONGKAI_QA_LLM_URL``, ``GONGKAI_QA_LLM_MODEL``, ``GONGKAI_QA_LLM_KEY``: an
  OpenAI-compatible endpoint that rephrases the policy Q&A's cited passages (optional).
- ``EMAIL_URL``-less e-mail: ``EMAIL_BACKEND`` (default console), ``EMAIL_HOST``,
  ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``,
  ``DEFAULT_FROM_EMAIL``.
"""

from __future__ import annotations

import importlib.util
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from .environment import env_flag, env_list, s3_options_from_environment, secret_key

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent
VAR_DIR = Path(os.environ.get("GONGKAI_VAR_DIR", str(BASE_DIR / "var"))).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = secret_key(VAR_DIR)
DEBUG = env_flag("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
GONGKAI_BASE_URL = os.environ.get("GONGKAI_BASE_URL", "")
# 政策问答's optional rephrasing model (an OpenAI-compatible endpoint); unset: retrieval only.
GONGKAI_QA_LLM_URL = os.environ.get("GONGKAI_QA_LLM_URL", "")
GONGKAI_QA_LLM_MODEL = os.environ.get("GONGKAI_QA_LLM_MODEL", "")
GONGKAI_QA_LLM_KEY = os.environ.get("GONGKAI_QA_LLM_KEY", "")
"""The site's address as applicants reach it (links in letters and e-mails); without it,
the first ``CSRF_TRUSTED_ORIGINS`` entry."""

INSTALLED_APPS = [
    # Gongkai apps (add yours here; see docs/develop.md, 加入一个应用)
    "gongkai.core",
    "gongkai.site",
    "gongkai.accounts",
    "gongkai.organs",
    "gongkai.workcalendar",
    "gongkai.api",
    "gongkai.disclosure",
    "gongkai.portal",
    "gongkai.applications",
    "gongkai.reports",
    "gongkai.interaction",
    "gongkai.supervision",
    # third party
    "ninja",
    "axes",
    "django_q",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
# The demo and test data (``manage.py load_demo``, the factories): the ``gongkai-demo``
# package in ``demo/``, which ``make venv`` installs and production installs do not.
if importlib.util.find_spec("gongkai_demo") is not None:
    INSTALLED_APPS.append("gongkai_demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "gongkai.site.middleware.ContentSecurityPolicyMiddleware",
    "gongkai.site.middleware.NulByteMiddleware",
    "gongkai.api.middleware.ApiJsonErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gongkai.site.middleware.PrivateResponseMiddleware",
    "gongkai.accounts.middleware.PasswordChangeRequiredMiddleware",
    "gongkai.site.middleware.AdminAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "gongkai.core.errors.DomainErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gongkai.config.urls"
WSGI_APPLICATION = "gongkai.config.wsgi.application"
ASGI_APPLICATION = "gongkai.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.site.context_processors.shell",
            ],
        },
    },
]

# Database -------------------------------------------------------------------------------
DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_SQLITE_URL, conn_max_age=60
    )
}
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Authentication ---------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "gongkai.accounts.validators.CharacterClassValidator"},
    {"NAME": "gongkai.accounts.validators.GuessablePasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "site:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# django-axes: lock an account after five failed log-ins in a row.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
# Locked per username *and* address: a stranger cannot lock a colleague out by typing
# five wrong passwords for their name from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "gongkai.core.clients.axes_client_ip"

# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma
# separated); empty: the header is ignored. See gongkai.core.clients.
GONGKAI_TRUSTED_PROXIES = os.environ.get("GONGKAI_TRUSTED_PROXIES", "")
# Every cache is shared by all worker processes and all app servers, never kept in one
# process's memory: Redis when GONGKAI_REDIS_URL is set, the database otherwise (tables
# gongkai_cache and gongkai_ratelimit, created on migrate). Sessions are in the database.
GONGKAI_REDIS_URL = os.environ.get("GONGKAI_REDIS_URL", "")


def _shared_cache(table: str, prefix: str) -> dict[str, object]:
    if GONGKAI_REDIS_URL:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": GONGKAI_REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    return {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": table,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }


CACHES = {
    "default": _shared_cache("gongkai_cache", "gongkai"),
    "ratelimit": _shared_cache("gongkai_ratelimit", "gongkai-ratelimit"),
}
# Lock by account, not by address: a government office's staff share one NAT address.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Security -------------------------------------------------------------------------------
HTTPS = env_flag("GONGKAI_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if HTTPS:
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI (the API docs page) sets inline styles; only that page gets this policy.
CONTENT_SECURITY_POLICY_API_DOCS = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)

# E-mail -----------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(
    os.environ.get("EMAIL_TIMEOUT", "10")
)  # seconds: a hung server never hangs a page
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "gongkai@localhost")

# The background worker (``manage.py qcluster``, started by ``make run`` beside the web
# server): django-q2 with the database as its queue, so no Redis is needed; its schedules
# (sending, reminders, digests) are kept by ``gongkai.site.jobs`` after every migrate.
Q_CLUSTER = {
    "name": "gongkai",
    "orm": "default",
    "workers": int(os.environ.get("GONGKAI_WORKERS", "2")),
    "timeout": 600,
    "retry": 900,
    "max_attempts": 3,
    "catch_up": False,
    "save_limit": 500,
    "poll": 2,
    "label": "后台任务",
    # the scheduler role: off on extra worker machines (GONGKAI_SCHEDULER=0); two
    # schedulers would still not run a job twice (rows are locked on PostgreSQL)
    "scheduler": env_flag("GONGKAI_SCHEDULER", True),
}
if GONGKAI_REDIS_URL:
    # the queue on Redis: any number of worker machines take each task exactly once
    Q_CLUSTER.pop("orm")
    Q_CLUSTER["redis"] = GONGKAI_REDIS_URL


# Language and time ------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# Static files (whitenoise) ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Uploaded and generated files: folders under VAR_DIR, or one S3-compatible bucket shared
# by every app server when GONGKAI_S3_BUCKET is set (see gongkai.site.storage).
GONGKAI_S3 = s3_options_from_environment()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# django-ninja
NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
