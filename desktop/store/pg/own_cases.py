"""A clerk's own cases on the office server (issue 14 item 3), enforced by the server itself;
``replydesk server init`` installs it (desktop/store/server_roles.py), PostgreSQL only: the
portable schema (desktop/store/schema.py) stays the same on both engines.

- **Who did it is the login.** A trigger sets ``audit.clerk`` and ``draft_versions.clerk``
  to ``session_user`` on every insert, whatever name the program sent (the settings' 经办人
  and ``$REPLYDESK_CLERK`` are the PC's; on the server the account is the person), and keeps
  the recorded name on an update. For every account but the tables' owner: the owner (the
  IT person's account of ``server init``, never a clerk's) can switch triggers off anyway,
  and its ``server upload`` copies each version with the name it was saved under on the PC.
- **A clerk changes her own cases.** Row-level security for ``replydesk_clerk``: every case
  is readable, any case may be created, but an UPDATE reaches only the cases whose
  ``assignee`` is '' (nobody's yet) or the login; ``draft_versions`` are written only for
  such cases, and so are the working copies (``autosave``) — except the clerk's own working
  copy (``autosave.clerk`` = the login, m016), which she may keep of any case: a save refused
  on another's case keeps her text there, offered back to her alone. ``replydesk_admin``
  has a policy allowing everything; the owner is not subject to the policies. An UPDATE the
  policy filters changes no row and raises nothing: the store counts the rows (``refusal``
  in desktop/store/casework.py) and tells the clerk whose case it is.

Everything here is created or replaced, so running ``server init`` again is harmless.
"""

from __future__ import annotations

from typing import Final

from desktop.store.server_roles import ADMIN, CLERK, Executes, ident

STAMPED: Final = ("audit", "draft_versions")  # tables whose ``clerk`` is the login
FUNCTION: Final = "replydesk_clerk_is_login"

# A case a clerk's account may change: nobody's yet, or hers.
OWN_CASE: Final = "assignee IN ('', session_user::text)"


def _function(schema: str) -> str:
    # The owner of the table being written (TG_RELID) and its members (a superuser counts as
    # a member of every role) keep the name they give: see the module's description.
    return (
        f"CREATE OR REPLACE FUNCTION {schema}.{FUNCTION}() RETURNS trigger"
        " LANGUAGE plpgsql AS $$\nBEGIN\n"
        "  IF pg_has_role(session_user, (SELECT relowner FROM pg_catalog.pg_class"
        " WHERE oid = TG_RELID), 'MEMBER') THEN\n    RETURN NEW;\n  END IF;\n"
        "  IF TG_OP = 'INSERT' THEN\n    NEW.clerk := session_user;\n"
        "  ELSE\n    NEW.clerk := OLD.clerk;\n  END IF;\n"
        "  RETURN NEW;\nEND\n$$"
    )


def _policies(table: str, own: str) -> list[tuple[str, str]]:
    """(name, the rest of CREATE POLICY name ON table …) of ``table``'s policies; ``own`` is
    the condition a clerk's row must meet to be written."""
    everyone = [
        ("replydesk_admin_all", f"FOR ALL TO {ADMIN} USING (true) WITH CHECK (true)"),
        ("replydesk_clerk_read", f"FOR SELECT TO {CLERK} USING (true)"),
    ]
    if table == "cases":
        return [
            *everyone,
            ("replydesk_clerk_add", f"FOR INSERT TO {CLERK} WITH CHECK (true)"),
            ("replydesk_clerk_own", f"FOR UPDATE TO {CLERK} USING ({own}) WITH CHECK ({own})"),
        ]
    return [
        *everyone,
        ("replydesk_clerk_add", f"FOR INSERT TO {CLERK} WITH CHECK ({own})"),
        ("replydesk_clerk_own", f"FOR UPDATE TO {CLERK} USING ({own}) WITH CHECK ({own})"),
        ("replydesk_clerk_drop", f"FOR DELETE TO {CLERK} USING ({own})"),
    ]


def statements(schema: str) -> list[str]:
    """What :func:`install` runs in ``schema`` (the library's), in order."""
    s = ident(schema)
    done = [_function(s)]
    for table in STAMPED:
        t = f"{s}.{ident(table)}"
        done += [
            f"DROP TRIGGER IF EXISTS {FUNCTION} ON {t}",
            f"CREATE TRIGGER {FUNCTION} BEFORE INSERT OR UPDATE ON {t}"
            f" FOR EACH ROW EXECUTE FUNCTION {s}.{FUNCTION}()",
        ]
    of_case = f"EXISTS (SELECT 1 FROM {s}.cases c WHERE c.id = case_id AND c.{OWN_CASE})"
    rules = {
        "cases": OWN_CASE,
        "draft_versions": of_case,
        "autosave": f"{of_case} OR clerk = session_user::text",
    }
    for table, own in rules.items():
        t = f"{s}.{ident(table)}"
        done.append(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
        for name, rest in _policies(table, own):
            done += [f"DROP POLICY IF EXISTS {name} ON {t}", f"CREATE POLICY {name} ON {t} {rest}"]
    return done


def install(conn: Executes) -> list[str]:
    """Install the triggers and the policies in the connection's current schema (the
    connection is the tables' owner's); returns the statements run."""
    ((schema,),) = conn.execute("SELECT current_schema()").fetchall()
    done = statements(str(schema))
    for statement in done:
        conn.execute(statement)
    return done
