"""Accounts: users with one role, passwords hashed with argon2id.

Roles (issue 15): ``admin`` (users and projects), ``analyst`` (HR: everything in their
projects, person-level included), ``finance`` (portfolio, costs and scenarios, aggregates
only) and ``council`` (the works council: only what disclosure control lets through).
Every change is written to the audit log in the same transaction.
"""

from __future__ import annotations

from typing import Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from workshift.exceptions import ConfigError
from workshift.service._audit import record
from workshift.service._db import Database
from workshift.service._models import User

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "ROLES",
    "Role",
    "add_user",
    "check_password",
    "list_users",
    "remove_user",
    "set_role",
]

Role = Literal["admin", "analyst", "finance", "council"]
ROLES: tuple[Role, ...] = get_args(Role)
MIN_PASSWORD_LENGTH = 12
"""A passphrase of at least 12 characters (no composition rules, NIST SP 800-63B)."""

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters


def _role(role: str) -> Role:
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    return role


def _name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 200 or any(c.isspace() for c in cleaned):
        raise ConfigError(f"a user name is 1 to 200 characters without spaces, not {name!r}")
    return cleaned


def add_user(db: Database, name: str, password: str, role: str, *, actor: str = "cli") -> User:
    """Create a user; refuses a name in use, a short password or an unknown role."""
    user_name, checked = _name(name), _role(role)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ConfigError(f"a password has at least {MIN_PASSWORD_LENGTH} characters")
    with db.session() as session:
        if session.scalar(select(User).where(User.name == user_name)) is not None:
            raise ConfigError(f"a user named {user_name!r} exists")
        user = User(name=user_name, password_hash=_HASHER.hash(password), role=checked)
        session.add(user)
        record(session, actor, "user.add", user_name, detail=f"role {checked}")
    return user


def _get(session: object, name: str) -> User:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise ConfigError(f"no user named {name!r}")
    return user


def remove_user(db: Database, name: str, *, actor: str = "cli") -> None:
    """Delete a user (their audit entries stay); refuses to remove the last admin."""
    with db.session() as session:
        user = _get(session, name)
        if user.role == "admin" and _admins(session) == 1:
            raise ConfigError(f"{name!r} is the last admin: make another admin first")
        session.delete(user)
        record(session, actor, "user.remove", name)


def set_role(db: Database, name: str, role: str, *, actor: str = "cli") -> User:
    """Give a user another role; refuses to demote the last admin."""
    checked = _role(role)
    with db.session() as session:
        user = _get(session, name)
        if user.role == "admin" and checked != "admin" and _admins(session) == 1:
            raise ConfigError(f"{name!r} is the last admin: make another admin first")
        before = user.role
        user.role = checked
        record(session, actor, "user.role", name, detail=f"{before} -> {checked}")
    return user


def _admins(session: object) -> int:
    from sqlalchemy import func
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    return int(session.scalar(select(func.count()).where(User.role == "admin")) or 0)


def list_users(db: Database) -> list[tuple[str, str]]:
    """Every user's name and role, by name."""
    with db.session() as session:
        return [(u.name, u.role) for u in session.scalars(select(User).order_by(User.name))]


def check_password(db: Database, name: str, password: str) -> User | None:
    """The user if ``password`` is theirs, else None (the same answer, and about the
    same time, for an unknown name)."""
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == name))
        stored = user.password_hash if user is not None else _DUMMY
        try:
            _HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        if user is not None and _HASHER.check_needs_rehash(stored):
            user.password_hash = _HASHER.hash(password)
        return user


_DUMMY = _HASHER.hash("not a password of anyone")
