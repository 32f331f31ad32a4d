"""Pseudonyms for employee ids: a keyed hash (HMAC-SHA-256, first 16 hex digits), so the
same id and key always give the same pseudonym and the raw id appears in no output.

The key is passed, or read from ``WORKSHIFT_PSEUDONYM_KEY``; without either, ids are kept.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from workshift.exceptions import ConfigError

__all__ = ["PSEUDONYM_KEY_ENV", "pseudonymise", "resolve_key"]

PSEUDONYM_KEY_ENV = "WORKSHIFT_PSEUDONYM_KEY"
"""Environment variable with the pseudonymisation key used when none is passed."""


def pseudonymise(value: str, key: str | bytes) -> str:
    """The pseudonym of an identifier: HMAC-SHA-256 with ``key``, first 16 hex digits;
    ``""`` stays ``""``.

    >>> pseudonymise("4711", "secret"), pseudonymise("", "secret")
    ('f53b722881c7e54f', '')
    """
    if not value:
        return ""
    raw_key = key.encode() if isinstance(key, str) else key
    return hmac.new(raw_key, value.encode(), hashlib.sha256).hexdigest()[:16]


def resolve_key(key: str | bytes | None) -> bytes | None:
    """The key to use: ``key``, else the environment's, else None (no pseudonyms).

    Raises
    ------
    ConfigError
        The key is empty.
    """
    key = os.environ.get(PSEUDONYM_KEY_ENV) or None if key is None else key
    if key is None:
        return None
    raw = key.encode() if isinstance(key, str) else key
    if not raw:
        raise ConfigError("the pseudonymisation key is empty")
    return raw
