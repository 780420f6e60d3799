"""Who may do what in a shared library on PostgreSQL (issue 14 item 3): two group roles the
IT person's login roles join, and their rights on the library's tables.

- ``replydesk_clerk`` (经办人): reads the whole library; imports and corrects letters; creates
  cases and edits its own (assigned to its login or to nobody: desktop/store/pg/own_cases.py),
  their drafts, history, opinions and feedback; never deletes a letter or a case, never
  assigns a case (the assignee column), never changes the agency profile or the templates;
  writes the audit trail but cannot change it (and the server writes the login into it).
- ``replydesk_admin`` (管理员): everything a clerk may, and deleting letters and cases,
  assigning cases, the profile, the seal and the templates.

Neither creates or alters tables: the schema belongs to the role that ran
``replydesk server init`` (the database's owner), which applies migrations; a clerk's program
finding a migration pending is refused by the server and told so. Granting again is harmless:
``server init`` does it every time, so after an upgrade (new tables, new columns) running it
again brings the rights up to date.

The statements carry no parameters, only identifiers checked here: they run on a raw psycopg
connection (``server init`` before any library exists) and on a store's connection alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Protocol

CLERK: Final = "replydesk_clerk"
ADMIN: Final = "replydesk_admin"
ROLES: Final = (CLERK, ADMIN)

# Tables a clerk only reads (the administrator sets them for the whole bureau).
ADMIN_TABLES: Final = frozenset({"profile", "profile_files", "templates", "reply_templates"})
# Tables whose rows nobody but an administrator deletes.
NO_CLERK_DELETE: Final = frozenset({"letters", "cases"})
# Columns of ``cases`` only an administrator changes: who the case is assigned to.
ASSIGN_COLUMNS: Final = frozenset({"assignee", "assigned_to", "clerk"})
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class Executes(Protocol):
    def execute(self, sql: str) -> Any: ...


def ident(name: str) -> str:
    """``name`` quoted as an SQL identifier, after checking it is a plain one."""
    if not _IDENT.match(name):
        raise ValueError(f"not a plain identifier: {name!r}")
    return f'"{name}"'


def create_roles(conn: Executes) -> None:
    """The two group roles (no login), unless the cluster has them already (roles belong to
    the whole server: several libraries on one server share them)."""
    for role in ROLES:
        conn.execute(
            "DO $$ BEGIN"
            f" IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN"
            f" CREATE ROLE {role} NOLOGIN; END IF;"
            " EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )


def _rows(conn: Executes, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute(sql).fetchall()]


def _is_audit(table: str) -> bool:
    return "audit" in table


def grant_rights(conn: Executes) -> list[str]:
    """Grant the roles their rights on the library's tables (in the connection's current
    schema); returns the statements run, for the record."""
    ((database, schema),) = _rows(conn, "SELECT current_database(), current_schema()")
    s = ident(schema)
    tables = [
        str(r[0])
        for r in _rows(
            conn,
            "SELECT table_name FROM information_schema.tables"
            f" WHERE table_schema = '{schema}' AND table_type = 'BASE TABLE' ORDER BY 1",
        )
    ]
    both = f"{CLERK}, {ADMIN}"
    done = [
        f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {both}',
        f"GRANT USAGE ON SCHEMA {s} TO {both}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {both}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {CLERK}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {ADMIN}",
        # tables a later migration adds: readable at once, writable after `server init` again
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON TABLES TO {CLERK}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s}"
        f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {ADMIN}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {both}",
    ]
    for table in tables:
        done.extend(_clerk_grants(conn, schema, table))
    if '"' in database:
        raise ValueError(f"database name with a quote: {database!r}")
    for statement in done:
        conn.execute(statement)
    return done


def _clerk_grants(conn: Executes, schema: str, table: str) -> list[str]:
    t = f"{ident(schema)}.{ident(table)}"
    revoke = f"REVOKE INSERT, UPDATE, DELETE ON {t} FROM {CLERK}"
    if table in ADMIN_TABLES or table.startswith("replydesk_migrations"):
        return [revoke]
    if _is_audit(table):
        return [revoke, f"GRANT INSERT ON {t} TO {CLERK}"]
    if table == "cases":
        columns = [
            str(r[0])
            for r in _rows(
                conn,
                "SELECT column_name FROM information_schema.columns"
                f" WHERE table_schema = '{schema}' AND table_name = 'cases' ORDER BY 1",
            )
        ]
        editable = ", ".join(ident(c) for c in columns if c not in ASSIGN_COLUMNS)
        return [revoke, f"GRANT INSERT, UPDATE ({editable}) ON {t} TO {CLERK}"]
    if table in NO_CLERK_DELETE:
        return [revoke, f"GRANT INSERT, UPDATE ON {t} TO {CLERK}"]
    return [f"GRANT INSERT, UPDATE, DELETE ON {t} TO {CLERK}"]


def role_of(conn: Executes) -> str | None:
    """``"admin"``, ``"clerk"`` or None: what the connected login role may do here (a
    superuser or the owner counts as admin)."""
    ((is_admin, is_clerk, superuser),) = _rows(
        conn,
        f"SELECT pg_has_role(current_user, '{ADMIN}', 'MEMBER'),"
        f" pg_has_role(current_user, '{CLERK}', 'MEMBER'),"
        " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)",
    )
    if is_admin or superuser:
        return "admin"
    return "clerk" if is_clerk else None


def login_accounts(conn: Executes) -> list[str]:
    """The login roles that belong to ``replydesk_clerk`` or ``replydesk_admin`` (directly or
    through another group), sorted: the people a case can be assigned to on this server.
    A superuser is listed only when made a member; none when the roles do not exist."""
    return [
        str(r[0])
        for r in _rows(
            conn,
            "WITH RECURSIVE members(oid) AS ("
            f" SELECT oid FROM pg_roles WHERE rolname IN ('{CLERK}', '{ADMIN}')"
            " UNION SELECT m.member FROM pg_auth_members m JOIN members g ON m.roleid = g.oid)"
            " SELECT rolname FROM pg_roles WHERE rolcanlogin"
            " AND oid IN (SELECT oid FROM members) ORDER BY rolname",
        )
    ]


def roles_exist(conn: Executes) -> bool:
    names = {r[0] for r in _rows(conn, "SELECT rolname FROM pg_roles")}
    return set(ROLES) <= names


@dataclass(frozen=True)
class InitOutcome:
    migrations: list[str]  # applied to the library, in order
    roles_created: list[str]  # of ROLES, those this run created
    grants: list[str]  # the statements run (rights, then own_cases' triggers and policies)


def _connect(url: str, options: dict[str, Any]) -> Any:
    import psycopg

    from desktop.store.engine import shown
    from desktop.store.pg.errors import connect_error

    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=5, **options)
    except psycopg.Error as exc:
        raise connect_error(exc, shown(url)) from exc


def init_server(
    url: str, options: dict[str, Any], *, open_library: Callable[[str], list[str]]
) -> InitOutcome:
    """``replydesk server init``: the roles, the schema (``open_library`` opens the library
    once, which migrates it, and returns the applied migrations), then the rights and the
    rules of a clerk's own cases (desktop/store/pg/own_cases.py)."""
    import psycopg

    from desktop.store.errors import LibraryError, ServerError, library_error

    conn = _connect(url, options)
    try:
        before = {r[0] for r in _rows(conn, "SELECT rolname FROM pg_roles")}
        try:
            create_roles(conn)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise LibraryError(
                "建立角色需要 CREATEROLE 权限，没有做任何修改：请用资料库的所有者"
                "（具有 CREATEROLE 权限）或 postgres 账户运行 replydesk server init。"
            ) from exc
        created = [r for r in ROLES if r not in before]
    finally:
        conn.close()
    migrations = open_library(url)
    from desktop.store.pg import own_cases

    conn = _connect(url, options)
    try:
        with conn.transaction():  # the rights and the own-cases rules together, or neither
            grants = grant_rights(conn)
            grants += own_cases.install(conn)
    except psycopg.Error as exc:
        problem = library_error(ServerError(str(exc), exc.sqlstate), "权限没有设置")
        raise (problem or exc) from exc
    finally:
        conn.close()
    return InitOutcome(migrations, created, grants)
