"""Whether the office server can be reached now (the window's status bar asks every half
minute; the start decides between the server and the local copy): one short login through
libpq, nothing read or written. Never raises: the answer is a state."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Final

log = logging.getLogger(__name__)

PROBE_TIMEOUT: Final = 3  # seconds: libpq's connect_timeout (its minimum is 2)

REACHABLE: Final = "ok"
UNREACHABLE: Final = "unreachable"  # no answer, refused, the server stopped or starting
REFUSED: Final = "refused"  # the server answered and refused the login (password, pg_hba)


@dataclass(frozen=True)
class ProbeResult:
    state: str  # REACHABLE | UNREACHABLE | REFUSED
    seconds: float
    detail: str = ""  # libpq's words, for the log

    @property
    def reachable(self) -> bool:
        return self.state == REACHABLE


def probe(
    url: str, options: dict[str, Any] | None = None, *, timeout: int = PROBE_TIMEOUT
) -> ProbeResult:
    """Log in to the server at ``url`` and out again."""
    import psycopg

    started = time.monotonic()
    try:
        with psycopg.connect(
            url, connect_timeout=max(2, timeout), application_name="replydesk-probe",
            **(options or {}),
        ) as conn:  # fmt: skip
            conn.execute("SELECT 1")
    except psycopg.OperationalError as exc:
        text = " ".join(str(exc).split())[:300]
        state = REFUSED if _is_refusal(text) else UNREACHABLE
        return ProbeResult(state, time.monotonic() - started, text)
    except psycopg.Error as exc:  # answered, but not as a library server would
        return ProbeResult(REFUSED, time.monotonic() - started, str(exc)[:300])
    return ProbeResult(REACHABLE, time.monotonic() - started)


_REFUSALS: Final = (
    "password authentication failed",
    "no password supplied",
    "pg_hba.conf",
    "口令认证失败",
    "密码认证失败",
    "does not exist",
    "不存在",
)


def _is_refusal(text: str) -> bool:
    return any(marker in text for marker in _REFUSALS)
