"""Typed readers for settings that come from the environment.

Each helper refuses a value it cannot parse, so a typo in production
stops the server at start instead of silently choosing a default.
Secrets may also come from a file named by ``NAME_FILE``, the way
container orchestrators hand them over.
"""

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def text(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def flag(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default

    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean, not {raw!r}")


def integer(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default

    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}")
    return value


def words(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [word for word in raw.replace(",", " ").split() if word]


def secret(name: str, fallback_file: Path, nbytes: int = 32) -> str:
    """Read a secret from NAME, NAME_FILE, or a generated file.

    The generated file is for the embedded single-machine setup: the
    secret is created once with mode 0600 and kept beside the data, never
    inside the database it protects.
    """
    if os.environ.get(name):
        return os.environ[name]

    named_file = os.environ.get(f"{name}_FILE")
    if named_file:
        return Path(named_file).read_text().strip()

    if not fallback_file.exists():
        _create_secret_file(fallback_file, secrets.token_hex(nbytes))
    return fallback_file.read_text().strip()


def _create_secret_file(path: Path, value: str) -> None:
    # Written aside and linked into place, so that a second process
    # starting at the same moment never reads a half-written secret.
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    descriptor = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(value)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(staging, path)
    except FileExistsError:
        pass  # another process won the race; its value is the one to use
    finally:
        staging.unlink()
