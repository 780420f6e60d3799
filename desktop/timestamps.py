"""Time stamps: one convention for every moment the library records.

**Stored** — in UTC, as ISO 8601 text to the second with the offset written out:
``2026-11-21T06:47:58+00:00`` (:func:`now`). Every column that records when something
happened holds this form: ``letters.imported_at``, ``cases.created_at`` / ``updated_at``,
``draft_versions.saved_at``, ``autosave.saved_at``, the pack export time in ``meta``, and a
pack's ``created_at``. Why UTC with the offset:

- a moment means the same on every machine: letters travel in packs between colleagues, and
  ``export-pack --since`` compares ``imported_at`` across them; a clerk's laptop may change
  its zone (travel) or its daylight-saving time without older rows changing meaning;
- one offset everywhere keeps the text sortable and comparable in SQL (``ORDER BY``, ``>=``);
- the offset in the text says what it is: nobody has to know which table was which.

**Shown** — in the machine's local time zone at the moment of showing (:func:`to_local`,
:func:`local_text`): the clerk sees the wall-clock time at which the thing happened.

**Older rows** — before schema version 9, cases, draft versions and the autosave held local
wall-clock time *without* an offset (``2026-11-21T14:47:58``); migration ``m009`` converted
them to UTC with the machine's zone at migration time. A value without an offset that still
turns up (a hand-edited row, an old pack) is read as local time (:func:`parse`), which is
what it meant when it was written.

**Not stored** — backup file names (``library-2026-11-21-1447-manual.db``) carry local
wall-clock time: they are read by the clerk in a file manager, not by the program's
arithmetic (:mod:`desktop.store.backup_files`).
"""

from __future__ import annotations

import datetime as dt

__all__ = ["local_text", "now", "parse", "to_local", "utc_text"]


def now() -> str:
    """This moment as stored: ``2026-11-21T06:47:58+00:00``."""
    return utc_text(dt.datetime.now(dt.UTC))


def utc_text(moment: dt.datetime) -> str:
    """``moment`` as stored (UTC, to the second, offset written out). A naive ``moment`` is
    local wall-clock time on this machine."""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def parse(stamp: str) -> dt.datetime:
    """A stored time stamp as an aware datetime. Text without an offset (rows from before
    schema version 9) is local wall-clock time. Raises ``ValueError`` on text that is no
    ISO 8601 time stamp."""
    moment = dt.datetime.fromisoformat(stamp.strip())
    if moment.tzinfo is None:
        return moment.astimezone()  # local time; an ambiguous hour: the first of the two
    return moment


def to_local(stamp: str) -> dt.datetime:
    """A stored time stamp in this machine's time zone (aware)."""
    return parse(stamp).astimezone()


def local_text(stamp: str, sep: str = "T") -> str:
    """A stored time stamp as local wall-clock text without an offset, to the second:
    ``2026-11-21T14:47:58`` — what older versions stored and showed. Text that is no time
    stamp comes back unchanged (it is shown as it is rather than hidden)."""
    try:
        local = to_local(stamp)
    except (ValueError, OverflowError):
        return stamp
    return local.replace(tzinfo=None).isoformat(sep=sep, timespec="seconds")
