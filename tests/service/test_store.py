"""The service's store: migrations equal to the models, accounts, the append-only audit
log and its retention, and `workshift users`; on SQLite (in temporary folders) and on a
real PostgreSQL (`WORKSHIFT_TEST_POSTGRES_URL`, which .ci/run starts; with
`WORKSHIFT_REQUIRE_POSTGRES=1` a missing one fails instead of skipping)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from workshift.cli import app
from workshift.exceptions import ConfigError
from workshift.service import (
    ROLES,
    AuditEntry,
    Base,
    Database,
    ServiceSettings,
    add_user,
    audit_entries,
    check_password,
    export_audit,
    list_users,
    remove_user,
    set_role,
    sweep_audit,
)
from workshift.service._db import HEAD

PASSWORD = "correct horse battery staple"


def _postgres_database() -> Iterator[str]:
    """A fresh database on the test server for one test, dropped after it."""
    url = os.environ.get("WORKSHIFT_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("WORKSHIFT_REQUIRE_POSTGRES") == "1":
            pytest.fail("WORKSHIFT_TEST_POSTGRES_URL is not set but PostgreSQL is required")
        pytest.skip("no PostgreSQL (set WORKSHIFT_TEST_POSTGRES_URL; .ci/run starts one)")
    name = f"ws_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{tmp_path / 'service.db'}"])
    else:
        urls = _postgres_database()
    url = next(urls)
    database = Database(ServiceSettings(database_url=url))
    database.upgrade()
    yield database
    database.dispose()
    next(urls, None)  # drops the PostgreSQL database


def test_the_migrations_make_the_models_schema(db: Database) -> None:
    assert db.revision() == HEAD
    assert {"users", "projects", "memberships", "audit_log"} <= set(db.tables())
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    db.upgrade()  # a second upgrade is a no-op
    assert db.revision() == HEAD


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    db = Database(ServiceSettings(database_url=f"sqlite:///{tmp_path / 'service.db'}"))
    db.upgrade()
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_passwords_are_argon2id_and_checked(db: Database) -> None:
    user = add_user(db, "hr.lead", PASSWORD, "analyst")
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
    assert check_password(db, "hr.lead", PASSWORD) is not None
    assert check_password(db, "hr.lead", PASSWORD + "x") is None
    assert check_password(db, "nobody", PASSWORD) is None


@pytest.mark.parametrize(
    ("name", "password", "role", "message"),
    [
        ("a", "short", "analyst", "at least 12"),
        ("a", PASSWORD, "boss", "unknown role 'boss'"),
        ("two words", PASSWORD, "analyst", "without spaces"),
        ("", PASSWORD, "analyst", "without spaces"),
    ],
)
def test_bad_accounts_are_refused_with_a_reason(
    db: Database, name: str, password: str, role: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        add_user(db, name, password, role)
    assert list_users(db) == []


def test_a_name_is_taken_once_and_the_last_admin_stays(db: Database) -> None:
    add_user(db, "root", PASSWORD, "admin")
    with pytest.raises(ConfigError, match="exists"):
        add_user(db, "root", PASSWORD, "council")
    with pytest.raises(ConfigError, match="last admin"):
        set_role(db, "root", "analyst")
    with pytest.raises(ConfigError, match="last admin"):
        remove_user(db, "root")
    add_user(db, "second", PASSWORD, "admin")
    remove_user(db, "root")
    assert list_users(db) == [("second", "admin")]


def test_every_change_is_in_the_audit_log_and_it_is_append_only(db: Database) -> None:
    add_user(db, "br.vorsitz", PASSWORD, "council")
    set_role(db, "br.vorsitz", "finance")
    remove_user(db, "br.vorsitz")
    entries = export_audit(db)
    assert entries["action"].tolist() == ["user.add", "user.role", "user.remove"]
    assert entries["detail"].tolist()[1] == "council -> finance"
    assert all(moment.tzinfo is not None for moment in entries["at"])
    assert PASSWORD not in entries.to_csv()
    with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET actor = 'someone else'"))
    assert export_audit(db)["actor"].eq("cli").all()


def test_the_sweep_removes_only_entries_past_the_retention(db: Database) -> None:
    now = datetime(2027, 6, 1, tzinfo=UTC)
    with db.session() as session:
        for days in (400, 184, 182, 1):
            session.add(AuditEntry(actor="cli", action="run.view", target=f"{days} days",
                                   at=now - timedelta(days=days)))  # fmt: skip
    assert sweep_audit(db, now=now) == 2
    left = [e.target for e in audit_entries(db) if e.action == "run.view"]
    assert left == ["182 days", "1 days"]
    assert audit_entries(db)[-1].action == "audit.sweep"  # the sweep is logged itself


def test_retention_below_six_months_is_refused() -> None:
    with pytest.raises(ValueError, match="greater than or equal to 183"):
        ServiceSettings(audit_retention_days=90)


_STEPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "role", "remove"]),
        st.sampled_from(["u1", "u2", "u3"]),
        st.sampled_from(ROLES),
    ),
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=_STEPS)
def test_an_admin_once_made_is_never_the_last_one_lost(tmp_path: Path, steps: list) -> None:
    """Whatever the order of changes, a service that had an admin keeps one."""
    folder = tmp_path / f"run{abs(hash(tuple(steps)))}"
    folder.mkdir()
    db = Database(ServiceSettings(database_url=f"sqlite:///{folder / 's.db'}"))
    db.upgrade()
    add_user(db, "root", PASSWORD, "admin")
    for step, name, role in steps:
        try:
            if step == "add":
                add_user(db, name, PASSWORD, role)
            elif step == "role":
                set_role(db, name if name != "u3" else "root", role)
            else:
                remove_user(db, name if name != "u3" else "root")
        except ConfigError:
            pass
        assert any(user_role == "admin" for _, user_role in list_users(db))
    db.dispose()


def test_the_users_command(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"WORKSHIFT_DATABASE_URL": f"sqlite:///{tmp_path / 'service.db'}"}
    result = runner.invoke(
        app, ["users", "add", "admin", "--role", "admin", "--password-stdin"],
        input=PASSWORD + "\n", env=env,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (tmp_path / "service.db").exists()
    for args in (["users", "add", "br", "--role", "council", "--password-stdin"],
                 ["users", "role", "br", "finance"]):  # fmt: skip
        result = runner.invoke(app, args, input=PASSWORD + "\n", env=env)
        assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["users", "list"], env=env)
    assert listed.output.split() == ["admin", "admin", "br", "finance"]
    refused = runner.invoke(app, ["users", "remove", "admin"], env=env)
    assert refused.exit_code != 0 and "last admin" in refused.output
    short = runner.invoke(
        app, ["users", "add", "x", "--role", "analyst", "--password-stdin"],
        input="short\n", env=env,
    )  # fmt: skip
    assert short.exit_code != 0 and "at least 12" in short.output
