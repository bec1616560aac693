"""Django settings for Peluit.

Everything that differs between a laptop demo and production comes from
the environment through ``peluit.env``; the defaults are the safe choice
for the embedded single-machine setup that ``make run`` starts.
"""

from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

from peluit import env

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env.text("PELUIT_DATA_DIR", str(BASE_DIR / "data"))).resolve()
SECRETS_DIR = Path(env.text("PELUIT_SECRETS_DIR", str(DATA_DIR / "secrets")))

DEBUG = env.flag("PELUIT_DEBUG", False)
SECRET_KEY = env.secret("PELUIT_SECRET_KEY", SECRETS_DIR / "django_secret_key")
ALLOWED_HOSTS = env.words("PELUIT_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
SITE_URL = env.text("PELUIT_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "peluit.core",
    "peluit.vault",
    "peluit.evidence",
    "peluit.deadlines",
    "peluit.notifications",
    "peluit.accounts",
    "peluit.routing",
    "peluit.cases",
    "peluit.audit",
    "peluit.reporter",
    "peluit.staff",
]

MIDDLEWARE = [
    # First, so that no later layer (and no error report) ever sees the
    # network address or browser fingerprint of whoever made the request.
    "peluit.core.middleware.forget_client",
    "django.middleware.security.SecurityMiddleware",
    "peluit.core.middleware.security_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "peluit.urls"
WSGI_APPLICATION = "peluit.wsgi.application"

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
                "peluit.core.context.languages",
            ],
        },
    },
]

# SQLite in the data folder is the embedded default. WAL with FULL
# synchronous commits means a receipt is only shown once the report is
# on disk, and IMMEDIATE transactions serialise writers up front.
_SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def _database(url_variable: str, sqlite_name: str) -> dict[str, Any]:
    url = env.text(url_variable)
    if url:
        parsed = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        return dict(parsed)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / sqlite_name,
        "OPTIONS": dict(_SQLITE_OPTIONS),
    }


# The access trail lives in a database of its own: a trail kept inside
# the database it audits can be rewritten by whoever controls that one.
DATABASES = {
    "default": _database("DATABASE_URL", "peluit.sqlite3"),
    "audit": _database("AUDIT_DATABASE_URL", "audit.sqlite3"),
}
DATABASE_ROUTERS = ["peluit.audit.router.AuditRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:home"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
]

# Staff sessions only; reporters never get a Django session (see
# peluit.reporter.session). A distinct name keeps the two apart.
SESSION_COOKIE_NAME = "peluit_staf"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True
# A session cookie, not a year-long one: a cookie left on the device
# would show later that it visited Peluit.
CSRF_COOKIE_AGE = None
CSRF_FAILURE_VIEW = "peluit.core.views.csrf_failure"
SECURE_COOKIES = env.flag("PELUIT_SECURE_COOKIES", SITE_URL.startswith("https://"))
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_HSTS_SECONDS = 31536000 if SITE_URL.startswith("https://") else 0
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# same-origin, not no-referrer: with no-referrer browsers send "Origin:
# null" on form posts, which Django's CSRF check rightly refuses. Other
# sites still receive nothing.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "peluit" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.text("PELUIT_TIME_ZONE", "Asia/Jakarta")
# Numbers, money and dates follow id-ID in both languages; the English
# format module only translates the month names.
FORMAT_MODULE_PATH = ["peluit.formats"]
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {
        "BACKEND": "peluit.vault.storage.DurableFileSystemStorage",
        "OPTIONS": {"location": DATA_DIR / "evidence"},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Evidence uploads (peluit.evidence.uploads). Files up to the cleaning
# limit are cleaned in memory; larger ones are encrypted as they stream
# in. Neither ever touches disk in plain form. Views that take no
# evidence refuse files altogether.
PELUIT_MAX_FILE_BYTES = env.integer("PELUIT_MAX_FILE_BYTES", 1024**3, 1)
PELUIT_CLEAN_LIMIT_BYTES = env.integer("PELUIT_CLEAN_LIMIT_BYTES", 32 * 1024**2, 1)
PELUIT_MAX_FILES = env.integer("PELUIT_MAX_FILES", 10, 1)
FILE_UPLOAD_HANDLERS = ["peluit.evidence.uploads.RefuseFilesHandler"]
# One more than the form accepts, so that the form names the problem;
# beyond that the request is refused before anything is read.
DATA_UPLOAD_MAX_NUMBER_FILES = PELUIT_MAX_FILES + 1

# Receipt hashing (Argon2id). An attacker holding the database pays this
# for every guess; see docs/security.md for the reasoning.
PELUIT_RECEIPT_ARGON2 = {
    "time_cost": env.integer("PELUIT_RECEIPT_ARGON2_TIME", 3, 1),
    "memory_cost": env.integer("PELUIT_RECEIPT_ARGON2_MEMORY_KIB", 64 * 1024, 8),
    "parallelism": 1,
}
PELUIT_RECEIPT_PEPPER = env.secret(
    "PELUIT_RECEIPT_PEPPER", SECRETS_DIR / "receipt_pepper"
)
PELUIT_VAULT_KEY = env.secret("PELUIT_VAULT_KEY", SECRETS_DIR / "vault_key")
PELUIT_AUDIT_KEY = env.secret("PELUIT_AUDIT_KEY", SECRETS_DIR / "audit_key")
# Staff notifications (peluit.notifications) go out through an SMTP relay,
# by default one on this machine. They hold a link, never a report's
# content: a relay that keeps copies sees who was told about which case
# number, and nothing of what was reported.
EMAIL_BACKEND = env.text(
    "PELUIT_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env.text("PELUIT_SMTP_HOST", "127.0.0.1")
EMAIL_PORT = env.integer("PELUIT_SMTP_PORT", 25, 1)
EMAIL_HOST_USER = env.text("PELUIT_SMTP_USER")
EMAIL_HOST_PASSWORD = env.text("PELUIT_SMTP_PASSWORD")
EMAIL_USE_TLS = env.flag("PELUIT_SMTP_TLS", False)
# A relay that never answers must not hold the worker for long.
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env.text("PELUIT_MAIL_FROM", "peluit@localhost")
# Only for bench/upload_throughput.py: mounts an upload-discarding endpoint.
PELUIT_BENCH_ENDPOINTS = env.flag("PELUIT_BENCH_ENDPOINTS", False)
PELUIT_REPORTER_SESSION_SECONDS = env.integer(
    "PELUIT_REPORTER_SESSION_SECONDS", 1800, 60
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.text("PELUIT_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django logs each 4xx/5xx with the request path; the path never
        # carries a receipt, but the request object would, so keep it terse.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # The image and PDF libraries log the metadata they parse (camera,
        # author, GPS) at debug level: never let that reach a log.
        "PIL": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},
    },
}
ADMINS: list[tuple[str, str]] = []
MESSAGE_STORAGE = "peluit.core.messages.SealedCookieStorage"
FORM_RENDERER = "peluit.core.forms.FieldGroupRenderer"
PELUIT_STAFF_KEY_ARGON2 = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 1}
SESSION_ENGINE = "peluit.staff.sessions"

# Days between telling a reporter their identity will be shared with a
# handler and the handler seeing it.
PELUIT_IDENTITY_NOTICE_DAYS = env.integer("PELUIT_IDENTITY_NOTICE_DAYS", 3, 0)
