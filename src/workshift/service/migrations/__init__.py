"""Alembic migrations of the service's database (run by :meth:`Database.upgrade`)."""
