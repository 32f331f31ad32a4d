"""The service's settings: ``WORKSHIFT_*`` environment variables (pydantic-settings).

Built when asked for, never at import, so a test or a deployment sets the environment
first. The database defaults to an SQLite file under ``WORKSHIFT_HOME``; a shared
installation gives ``WORKSHIFT_DATABASE_URL`` (``postgresql+psycopg://...``).

>>> ServiceSettings(database_url="sqlite:///x.db").host
'127.0.0.1'
>>> ServiceSettings(audit_retention_days=30)
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for ServiceSettings
audit_retention_days
  Input should be greater than or equal to 183 ...
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from workshift._config import get_config

__all__ = ["AUDIT_RETENTION_MIN_DAYS", "ServiceSettings"]

AUDIT_RETENTION_MIN_DAYS = 183
"""Six months: deployers of high-risk AI systems in employment keep the logs at least
that long (Regulation (EU) 2024/1689, Art. 26 (6))."""


class ServiceSettings(BaseSettings):
    """Settings of ``workshift serve`` and ``workshift users``.

    Attributes
    ----------
    host, port
        Where the server listens (loopback by default: put a TLS proxy in front to share).
    database_url
        SQLAlchemy URL; None means ``sqlite:///<WORKSHIFT_HOME>/service.db``.
    audit_retention_days
        How long audit entries are kept (at least 183 days).
    min_group
        The minimum group size in people for every result a non-HR role sees.
    secure_cookies
        Session cookies marked Secure (set it behind TLS).
    session_hours
        How long a login lasts.
    """

    model_config = SettingsConfigDict(env_prefix="WORKSHIFT_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(default=8765, ge=1, le=65535)
    database_url: str | None = None
    audit_retention_days: int = Field(default=AUDIT_RETENTION_MIN_DAYS, ge=AUDIT_RETENTION_MIN_DAYS)
    min_group: int = Field(default=5, ge=2)
    secure_cookies: bool = False
    session_hours: int = Field(default=8, ge=1, le=24 * 7)

    def url(self) -> str:
        """The database URL, the SQLite default filled in."""
        if self.database_url:
            return self.database_url
        home = get_config()["home"]
        home.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{home / 'service.db'}"
