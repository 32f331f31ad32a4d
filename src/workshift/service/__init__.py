"""The workshift service (issue 15): a store for projects, users and runs, an audit log,
and (to come) the REST API over the library. See ``docs/design/service.md``.

This package holds what does not depend on HTTP: the settings (:class:`ServiceSettings`),
the database (:class:`Database`, SQLite by default, PostgreSQL by URL, migrated with
Alembic), the accounts (argon2id passwords, roles) and the append-only audit log.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> db = Database(ServiceSettings(database_url=f"sqlite:///{folder / 'ws.db'}"))
>>> db.upgrade()
>>> add_user(db, "admin", "a long enough passphrase", "admin").role
'admin'
>>> [entry.action for entry in audit_entries(db)]
['user.add']
"""

from __future__ import annotations

from workshift.service._accounts import (
    ROLES,
    Role,
    add_user,
    check_password,
    list_users,
    remove_user,
    set_role,
)
from workshift.service._audit import audit_entries, export_audit, record, sweep_audit
from workshift.service._db import Database
from workshift.service._models import AuditEntry, Base, Membership, Project, User
from workshift.service._settings import ServiceSettings

__all__ = [
    "ROLES",
    "AuditEntry",
    "Base",
    "Database",
    "Membership",
    "Project",
    "Role",
    "ServiceSettings",
    "User",
    "add_user",
    "audit_entries",
    "check_password",
    "export_audit",
    "list_users",
    "record",
    "remove_user",
    "set_role",
    "sweep_audit",
]
