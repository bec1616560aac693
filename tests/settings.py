"""Test settings: the real ones, with cheap key derivation and a
throwaway data folder. Cheap Argon2 parameters are for tests only."""

import os
import tempfile

# A folder per process: parallel test workers must not see each other's
# evidence files.
os.environ["PELUIT_DATA_DIR"] = tempfile.mkdtemp(prefix="peluit-test-")
os.environ["PELUIT_SECRETS_DIR"] = tempfile.mkdtemp(prefix="peluit-secrets-")

from peluit.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PELUIT_RECEIPT_ARGON2 = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
PELUIT_MAX_FILE_BYTES = 256 * 1024
PELUIT_CLEAN_LIMIT_BYTES = 64 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = PELUIT_MAX_FILE_BYTES
PELUIT_MAX_FILES = 3
DATA_UPLOAD_MAX_NUMBER_FILES = PELUIT_MAX_FILES + 1
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files come from the apps' folders, as in development, so the
# suite needs no collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
PELUIT_STAFF_KEY_ARGON2 = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}

# SQLite test databases as files, not in memory, so that the test that
# searches everything written to disk can read them.
for _alias, _database in DATABASES.items():  # noqa: F405
    if _database["ENGINE"].endswith("sqlite3"):
        _test_name = DATA_DIR / f"test_{_alias}.sqlite3"  # noqa: F405
        _database["TEST"] = {"NAME": str(_test_name)}
