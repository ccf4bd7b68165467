"""Settings for factcheck, read once from the environment.

Every value comes from an environment variable with a local default that needs
no server (SQLite, Celery's filesystem broker, local-memory cache). A malformed
value stops start-up with one line naming the variable (see core/env.py).
The README lists every variable.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from factcheck.core.env import (
    EnvError,
    env_bool,
    env_database,
    env_float,
    env_int,
    env_int_list,
    env_list,
    env_redis_url,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("FACTCHECK_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        if len(key) < 32:
            raise EnvError("SECRET_KEY must be at least 32 characters long")
        return key
    # Local runs get a random key kept under var/, so sessions survive restarts
    # without anyone committing a key. Production sets SECRET_KEY.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "axes",
    "csp",
    "factcheck.core",
    "factcheck.accounts",
    "factcheck.articles",
    "factcheck.claims",
    "factcheck.sources",
    "factcheck.publishing",
    "factcheck.webhooks",
    "factcheck.web",
    "factcheck.api",
]

MIDDLEWARE = [
    "factcheck.core.middleware.PrivateJsonMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "factcheck.core.middleware.RequestFramingMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The browser's Accept-Language picks the language until a member logs in; then the
    # profile's choice (accounts.middleware, right after authentication) wins on every page.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "factcheck.accounts.middleware.MemberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "factcheck.core.middleware.CSPMiddleware",  # django-csp's, the headers built once (core/middleware.py)
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "factcheck.core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
# Where Django's admin answers (a path of your choosing is one less thing for scanners to find).
ADMIN_URL = env_str("ADMIN_URL", "admin/").strip("/") + "/"
if ADMIN_URL == "/" or ADMIN_URL.startswith(("api/", "static/", "media/", "reports/", "accounts/")):
    raise EnvError(f"ADMIN_URL={ADMIN_URL!r} must be a path of its own, e.g. newsroom-admin/")
WSGI_APPLICATION = "factcheck.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "factcheck.web.context.newsroom",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'factcheck.sqlite3'}")}
if not DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # One connection per server thread, kept for DB_CONN_MAX_AGE seconds and checked before
    # reuse. Bounded because the servers' threads are: `make run` and the compose file serve
    # with gunicorn's fixed thread pool (WEB_WORKERS x WEB_THREADS connections at most).
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60, minimum=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Names the process in pg_stat_activity (web, worker), so its connections can be counted.
    DATABASES["default"].setdefault("OPTIONS", {})["application_name"] = env_str("DB_APPLICATION_NAME", "factcheck")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory, for the test database: the Celery worker the tests
    # start is another process and must see the same rows.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    DATABASES["default"].setdefault("OPTIONS", {})
    # Web and worker write at the same time; wait for the lock instead of failing.
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
# A persistent connection is checked before reuse, so the first request after a database restart
# opens a new one instead of answering 500 (issue 13).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if not DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A database host that drops packets fails a request in seconds, not after the kernel's minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    # Waits out a restart's second of refused connections instead of failing the request (core/postgresql).
    DATABASES["default"]["ENGINE"] = "factcheck.core.postgresql"
DB_CONNECT_WAIT_SECONDS = env_float("DB_CONNECT_WAIT_SECONDS", 3.0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: broker and cache ----------------------------------------------------
REDIS_URL = env_redis_url("REDIS_URL")
# Every Redis socket has a connect and a read timeout: a Redis that is down or hung (accepts the
# connection, never answers) costs a request at most these seconds, never a gunicorn worker timeout.
REDIS_CONNECT_TIMEOUT = env_float("REDIS_CONNECT_TIMEOUT", 1.0)
REDIS_SOCKET_TIMEOUT = env_float("REDIS_SOCKET_TIMEOUT", 1.0)
if REDIS_URL:
    # Fails open (core/cache.py): throttles and cached hints are skipped while Redis is away.
    CACHES = {"default": {
        "BACKEND": "factcheck.core.cache.FailOpenRedisCache", "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": REDIS_CONNECT_TIMEOUT, "socket_timeout": REDIS_SOCKET_TIMEOUT},
    }}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whether every process reads the same cache: only then may answers be cached whole against the
# change stamps (core/stamps.py: a worker's write must reach the web processes' cache).
CACHE_SHARED = env_bool("CACHE_SHARED", bool(REDIS_URL))

# --- Celery -------------------------------------------------------------------------
CELERY_BROKER_DIR = VAR_DIR / env_str("CELERY_BROKER_SUBDIR", "celery")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    if REDIS_URL.startswith(("redis://", "rediss://")):
        # kombu's Redis transport, reusing its client for every message published (core/redisbroker.py).
        CELERY_BROKER_TRANSPORT = "factcheck.core.redisbroker:Transport"
    # Longer than any task's hard time limit, so a late-acked task is not
    # redelivered while it is still running.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=1),
        # Without a read timeout a hung broker held a web request until gunicorn killed it (issue 13);
        # the worker's blocking pop waits 1 s, so the read timeout must stay above that.
        "socket_connect_timeout": env_float("CELERY_BROKER_CONNECTION_TIMEOUT", 2.0),
        "socket_timeout": max(1.5, env_float("CELERY_BROKER_SOCKET_TIMEOUT", 2.0)),
    }
else:
    CELERY_BROKER_URL = "filesystem://"
    # kombu's filesystem transport with atomic publishing: stock kombu let a polling worker read a
    # message file before its producer had written it, and the worker died (core/fsbroker.py).
    CELERY_BROKER_TRANSPORT = "factcheck.core.fsbroker:Transport"
    for sub in ("queue", "processed", "control"):
        (CELERY_BROKER_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        # Broadcast (control) messages would otherwise land in ./control.
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        "store_processed": False,
        # kombu sleeps this long whenever it finds nothing it may take (also while all worker
        # threads are busy); the 1 s default left freed threads idle (bench/lookups_concurrency.py).
        "polling_interval": 0.1,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 180, minimum=1)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {"factcheck.sources.tasks.*": {"queue": "lookups"}}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must not hang a web request when the broker is down: fail fast and
# let the sweeper re-enqueue the row that was saved.
CELERY_BROKER_CONNECTION_TIMEOUT = env_float("CELERY_BROKER_CONNECTION_TIMEOUT", 2.0)
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BEAT_SCHEDULE = {
    "sweep-lookups": {"task": "factcheck.sources.tasks.lookups_sweep", "schedule": env_float("LOOKUP_SWEEP_SECONDS", 10.0)},
    "sweep-webhooks": {"task": "factcheck.webhooks.tasks.webhooks_sweep", "schedule": 60.0},
    "overdue-claims": {"task": "factcheck.publishing.tasks.claims_overdue_emit", "schedule": 300.0},
    # Emails whose send failed at commit (broker down) or spent their retries (claims.services.notices).
    "resend-notifications": {"task": "factcheck.claims.tasks.notifications_resend", "schedule": 300.0},
    # Members who chose the daily digest get one email a day (the task is idempotent per row).
    "notification-digest": {"task": "factcheck.claims.tasks.notification_digest",
                            "schedule": env_float("NOTIFICATION_DIGEST_SECONDS", 86400.0)},
}
# A burst of notices of one kind about one article within this many seconds of each other is one
# notification with a count (claims.services.notices); its email goes once the burst has settled.
NOTIFICATION_GROUP_SECONDS = env_int("NOTIFICATION_GROUP_SECONDS", 300, minimum=0)

# --- Auth, sessions, security ------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_float("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "factcheck.accounts.lockout.lockout_response"
# How many proxies in front of the app append to X-Forwarded-For (0: none, the header is
# ignored). Throttles and lockouts both count per address through core/client_ip.py.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "factcheck.core.client_ip.client_ip"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# The container's health check asks over plain HTTP from inside (docker-compose.yml); a
# redirect to https would fail it for ever. Nothing private is served there.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline script or style anywhere: everything comes from /static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Internationalisation, static files ----------------------------------------------
# English stays the default (and the language of the msgids); "en-gb" keeps British dates
# ("2 Dec 2026") and also answers a browser asking for any other English. Each name is written
# in its own language, so a member who cannot read the current one still finds theirs.
LANGUAGE_CODE = "en-gb"
LANGUAGES = [
    ("en-gb", "English"),
    ("ar", "العربية"),
    ("he", "עברית"),
]
LANGUAGES_BIDI = ["ar", "he"]
# locale/<lang>/LC_MESSAGES/django.po, compiled at install time (manage.py compiletranslations).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
_collected = (STATIC_ROOT / "staticfiles.json").exists()
# Uploaded source files. Several web processes on several hosts must all read every upload:
# either MEDIA_ROOT is one shared folder (NFS, a volume) or STORAGE_BACKEND=s3 keeps them in an
# S3-compatible bucket (django-storages). Nothing else is written to local disk by a request.
STORAGE_BACKEND = env_str("STORAGE_BACKEND", "filesystem")
if STORAGE_BACKEND == "filesystem":
    _default_storage: dict = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif STORAGE_BACKEND == "s3":
    if not env_str("AWS_STORAGE_BUCKET_NAME", ""):
        raise EnvError("STORAGE_BACKEND=s3 needs AWS_STORAGE_BUCKET_NAME")
    _default_storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME", ""),
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
        "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
        # Unset, boto3 finds credentials itself (instance role, ~/.aws, AWS_* variables).
        "access_key": env_str("AWS_ACCESS_KEY_ID", "") or None,
        "secret_key": env_str("AWS_SECRET_ACCESS_KEY", "") or None,
        "location": env_str("AWS_LOCATION", ""),
        # Uploads are members-only: private objects, read back through the app (never a public URL).
        "default_acl": None, "querystring_auth": True, "file_overwrite": False,
    }}
else:
    raise EnvError(f"STORAGE_BACKEND={STORAGE_BACKEND!r} must be filesystem or s3")
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _collected
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Without collectstatic (local runs, tests) serve straight from the source folders.
WHITENOISE_USE_FINDERS = not _collected

# --- Email ----------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "factcheck@localhost")
# Unset, links follow the port the site is served on (`PORT=18100 make run` exports it to
# the web process and the worker), so emails and ClaimReview URLs never point at :8000.
SITE_URL = env_str("SITE_URL", "").rstrip("/") or f"http://127.0.0.1:{env_int('PORT', 8000, minimum=1)}"

# --- REST framework ---------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: its header is the WWW-Authenticate challenge of a 401.
        "factcheck.api.authentication.CachedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["factcheck.api.permissions.IsMember"],
    "DEFAULT_SCHEMA_CLASS": "factcheck.api.schema.FactcheckAutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON everywhere; the one upload endpoint adds multipart itself.
    "DEFAULT_PARSER_CLASSES": ["factcheck.api.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "factcheck.api.exceptions.exception_handler",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "factcheck.api.filters.StrictOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "factcheck.api.pagination.Pagination",
    "PAGE_SIZE": env_int("API_PAGE_SIZE", 50, minimum=1),
    # Our throttles read the address from core/client_ip.py (TRUSTED_PROXIES); this keeps DRF's
    # own fallback from trusting the whole X-Forwarded-For header either.
    "NUM_PROXIES": TRUSTED_PROXIES,
    # These throttles read the rates below on every request, so tests and the environment can change them.
    "DEFAULT_THROTTLE_CLASSES": [
        "factcheck.api.throttles.AnonRateThrottle",
        "factcheck.api.throttles.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANON", "60/min"),
        "user": env_str("API_THROTTLE_USER", "1200/min"),
        "login": env_str("API_THROTTLE_LOGIN", "10/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": "Articles, claims, reviews, sources and lookups of a factcheck newsroom. "
    "Every error answers `{\"error\": {\"code\", \"message\", \"fields\"?}}`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/",
    # Path ids are at most 18 digits (api/urls.py), so they always fit the database's integer.
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 0, "maximum": 999_999_999_999_999_999}},
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "factcheck.claims.models.ClaimStatus",
        "LookupStatusEnum": "factcheck.sources.models.LookupStatus",
        "VerdictEnum": "factcheck.claims.models.Verdict",
    },
}

# --- factcheck itself ----------------------------------------------------------------------
NEWSROOM_NAME = env_str("NEWSROOM_NAME", "factcheck")
ARTICLE_MAX_CHARS = env_int("ARTICLE_MAX_CHARS", 200_000, minimum=1)
RATING_SCALE = env_list(
    "RATING_SCALE", ["accurate", "mostly accurate", "misleading", "inaccurate", "unproven"]
)
# ClaimReview's numeric scale (publishing/claimreview.py). Ratings named here are not a degree of truth
# ("unproven": the evidence is missing, the claim is not thereby false), so they get no number at all
# rather than a place below "inaccurate"; the numbers run over the rest of RATING_SCALE, best first.
RATING_UNSCORED = env_list("RATING_UNSCORED", ["unproven"])
# The rating ClaimReview gives a claim recorded with a verdict but no rating: verdict=rating pairs.
CLAIMREVIEW_VERDICT_RATINGS = dict(
    pair.split("=", 1) for pair in env_list(
        "CLAIMREVIEW_VERDICT_RATINGS", ["verified=accurate", "disputed=inaccurate", "unverifiable=unproven"]
    ) if "=" in pair
)
for _verdict, _rating in CLAIMREVIEW_VERDICT_RATINGS.items():
    if _verdict not in ("verified", "disputed", "unverifiable") or _rating not in RATING_SCALE:
        raise EnvError(
            f"CLAIMREVIEW_VERDICT_RATINGS: {_verdict}={_rating} must pair a verdict with a rating of RATING_SCALE"
        )
# Name the reviewers on public reports; 0 shows only the newsroom.
REPORT_SHOW_REVIEWERS = env_bool("REPORT_SHOW_REVIEWERS", True)
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = max(ARTICLE_MAX_CHARS * 4 + 65536, 2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

FETCH_ALLOW_HOSTS = env_list("FETCH_ALLOW_HOSTS", [])
FETCH_ALLOWED_PORTS = env_int_list("FETCH_ALLOWED_PORTS", [80, 443])
FETCH_MAX_BYTES = env_int("FETCH_MAX_BYTES", 5 * 1024 * 1024, minimum=1024)
FETCH_TIMEOUT = env_float("FETCH_TIMEOUT", 10.0)
LOOKUP_DEADLINE_SECONDS = env_int("LOOKUP_DEADLINE_SECONDS", 300, minimum=10)
LOOKUP_MAX_ATTEMPTS = env_int("LOOKUP_MAX_ATTEMPTS", 3, minimum=1)
# A running lookup whose worker's heartbeat is this old belongs to a dead worker and is re-queued
# (the sweeper runs every LOOKUP_SWEEP_SECONDS): recovery within lease + sweep, 15 + 10 s by default.
LOOKUP_LEASE_SECONDS = env_int("LOOKUP_LEASE_SECONDS", 15, minimum=3)
LOOKUP_SWEEP_SECONDS = env_float("LOOKUP_SWEEP_SECONDS", 10.0)
# Lookups: the queue their tasks go to (workers must consume it), providers a newsroom adds
# or overrides ({"kind": "dotted.path.Class"}, see sources/providers), kinds switched off.
LOOKUP_QUEUE = env_str("LOOKUP_QUEUE", "lookups")
LOOKUP_PROVIDERS: dict[str, str] = {}
LOOKUP_DISABLED = env_list("LOOKUP_DISABLED", [])
# Webhooks: the queue their deliveries go to, attempts per delivery, first retry delay (doubling).
WEBHOOK_QUEUE = env_str("WEBHOOK_QUEUE", "default")
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 6, minimum=1)
WEBHOOK_RETRY_BACKOFF = env_float("WEBHOOK_RETRY_BACKOFF", 30.0)
SIMILAR_CLAIMS_MIN_SCORE = env_int("SIMILAR_CLAIMS_MIN_SCORE", 75, minimum=1)
# PostgreSQL text-search configuration of the article and claim search (stemming, stop words):
# the newsroom's language, e.g. "english", "french", "german", or "simple" for none. After a
# change, `manage.py refresh_derived` rebuilds the stored vectors.
SEARCH_CONFIG = env_str("SEARCH_CONFIG", "english")
# The external fact-check search asks for reviews in the article's language; this code (e.g. "en")
# is used for articles whose language is undetermined ("" = any language).
FACTCHECK_TOOLS_LANGUAGE = env_str("FACTCHECK_TOOLS_LANGUAGE", "")
FACTCHECK_TOOLS_API_KEY = env_str("FACTCHECK_TOOLS_API_KEY", "")
FACTCHECK_TOOLS_BASE_URL = env_str(
    "FACTCHECK_TOOLS_BASE_URL", "https://factchecktools.googleapis.com/v1alpha1/"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
