"""The audit log: who uploaded, ran, viewed or exported what, when, and whether it was
allowed. Append-only (the database refuses an UPDATE); entries older than the retention
period are removed by :func:`sweep_audit` only.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from workshift.service._models import AuditEntry, utcnow

if TYPE_CHECKING:
    from workshift.service._db import Database

__all__ = ["AUDIT_COLUMNS", "audit_entries", "export_audit", "record", "sweep_audit"]

AUDIT_COLUMNS = ["at", "actor", "action", "target", "outcome", "detail"]


def record(
    session: Session,
    actor: str,
    action: str,
    target: str = "",
    *,
    outcome: str = "allowed",
    detail: str = "",
) -> AuditEntry:
    """Add an entry in ``session`` (so it commits, or rolls back, with the change it
    describes)."""
    entry = AuditEntry(actor=actor, action=action, target=target, outcome=outcome,
                       detail=detail, at=utcnow())  # fmt: skip
    session.add(entry)
    return entry


def audit_entries(db: Database) -> list[AuditEntry]:
    """Every entry, oldest first."""
    with db.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def export_audit(db: Database) -> pd.DataFrame:
    """The log as a frame of :data:`AUDIT_COLUMNS` (for an admin's export)."""
    rows = [{c: getattr(e, c) for c in AUDIT_COLUMNS} for e in audit_entries(db)]
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def sweep_audit(db: Database, now: datetime | None = None) -> int:
    """Remove the entries older than the settings' retention period; how many."""
    cutoff = (now or utcnow()) - timedelta(days=db.settings.audit_retention_days)
    with db.session() as session:
        result = session.execute(delete(AuditEntry).where(AuditEntry.at < cutoff))
        removed = int(getattr(result, "rowcount", 0) or 0)
        if removed:
            record(
                session,
                "service",
                "audit.sweep",
                detail=f"{removed} entries before {cutoff:%Y-%m-%d}",
            )
        return removed
