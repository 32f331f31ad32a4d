"""``workshift users``: the service's accounts on the command line (the first admin is
made here). Every change is written to the service's audit log, with the actor ``cli``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from workshift.cli._output import console, user_errors
from workshift.cli._params import Command, Group

if TYPE_CHECKING:
    from workshift.service import Database

app = typer.Typer(
    cls=Group,
    help="Add, remove and list the service's users and set their roles "
    "(admin, analyst, finance, council).",
    no_args_is_help=True,
)

PasswordStdin = Annotated[
    bool,
    typer.Option(
        "--password-stdin",
        help="Read the password from the first line of standard input instead of a prompt.",
    ),
]


def _database() -> Database:
    """The service's database (``WORKSHIFT_DATABASE_URL`` or the SQLite default), migrated."""
    from workshift.service import Database  # heavy: imported only when used

    db = Database()
    db.upgrade()
    return db


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    text: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return text


@app.command("add", cls=Command)
def add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The login name.")],
    role: Annotated[str, typer.Option(metavar="ROLE", help="admin, analyst, finance or council.")],
    password_stdin: PasswordStdin = False,
) -> None:
    """Create a user (asks for the password twice; at least 12 characters)."""
    from workshift.service import add_user

    with user_errors():
        db = _database()
        user = add_user(db, name, _password(password_stdin), role)
    console().print(f"user {user.name} added with the role {user.role} ({db.url})")


@app.command("remove", cls=Command)
def remove(name: Annotated[str, typer.Argument(metavar="NAME")]) -> None:
    """Delete a user; their entries in the audit log stay."""
    from workshift.service import remove_user

    with user_errors():
        remove_user(_database(), name)
    console().print(f"user {name} removed")


@app.command("role", cls=Command)
def role(
    name: Annotated[str, typer.Argument(metavar="NAME")],
    new_role: Annotated[
        str, typer.Argument(metavar="ROLE", help="admin, analyst, finance or council.")
    ],
) -> None:
    """Give a user another role."""
    from workshift.service import set_role

    with user_errors():
        user = set_role(_database(), name, new_role)
    console().print(f"user {user.name} now has the role {user.role}")


@app.command("list", cls=Command)
def list_() -> None:
    """Every user with their role."""
    from workshift.service import list_users

    with user_errors():
        users = list_users(_database())
    out = console()
    for name, user_role in users:
        out.print(f"{name}\t{user_role}")
    if not users:
        out.print("no users yet: `workshift users add NAME --role admin` makes the first")
