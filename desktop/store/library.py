"""The library database: the only package that speaks SQL.

One ``LibraryStore`` per thread: a connection never crosses threads (sqlite-utils'
``Database`` wraps one ``sqlite3`` connection). The store keeps the connection, the library's
meta values, its schema and integrity; one repository per job shares the connection:
``store.letters``, ``store.search``, ``store.similar``, ``store.cases``, ``store.drafts``,
``store.packs``, ``store.profile``, and the cases' lifecycle: ``store.case_history``,
``store.opinions``, ``store.feedback`` (:mod:`desktop.store.case_lifecycle`). Their public
methods take and return plain values and rows (no SQL, no sqlite3 types), so another engine
can provide the same classes.
"""

from __future__ import annotations

import logging
import sqlite3
import time
import uuid
from collections.abc import Callable, Generator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from desktop.fold import to_simplified
from desktop.store import open_files
from desktop.store.audit import AuditRepository
from desktop.store.backup_files import BackupError
from desktop.store.backups import BackupRepository
from desktop.store.case_letters import CaseLetterRepository
from desktop.store.case_lifecycle import (
    CaseHistoryRepository,
    FeedbackRepository,
    OpinionRepository,
)
from desktop.store.casework import CaseRepository, DraftRepository
from desktop.store.connection import LibraryDatabase
from desktop.store.copies import CopyRepository
from desktop.store.engine import is_server, shown
from desktop.store.errors import (
    LetterEditError,
    LetterNotFound,
    LibraryBusy,
    LibraryError,
    LibraryReadOnly,
    is_busy,
    is_damage,
    library_error,
)
from desktop.store.leftovers import remove_leftovers
from desktop.store.letter_lifecycle import LetterRepository
from desktop.store.letter_search import LetterSearchRepository
from desktop.store.letter_search import register_functions as register_letter_search_functions
from desktop.store.packs import PackRepository
from desktop.store.profiles import ProfileRepository
from desktop.store.schema import MIGRATIONS, known_migration_names, spaced
from desktop.store.search_queries import ParagraphHit, SearchFilters, SearchRepository
from desktop.store.similar_queries import SimilarRepository
from desktop.store.word_index import register_functions

log = logging.getLogger(__name__)
BUSY_TIMEOUT = 5.0  # seconds a read waits (writes wait longer: desktop.store.connection)
LIBRARY_ID_KEY = "library_id"
__all__ = [
    "LetterEditError",
    "LetterNotFound",
    "LibraryBusy",
    "LibraryError",
    "LibraryReadOnly",
    "LibraryStore",
    "ParagraphHit",
    "SearchFilters",
]


class LibraryStore:
    db: LibraryDatabase
    engine: str  # "sqlite" or "postgresql"
    letters: LetterRepository
    search: SearchRepository
    letter_search: LetterSearchRepository
    similar: SimilarRepository
    cases: CaseRepository
    case_history: CaseHistoryRepository
    opinions: OpinionRepository
    feedback: FeedbackRepository
    case_letters: CaseLetterRepository
    drafts: DraftRepository
    packs: PackRepository
    profile: ProfileRepository
    backups: BackupRepository
    copies: CopyRepository
    audit: AuditRepository

    def __init__(
        self,
        location: str | Path,
        *,
        backup_dir: Path | None = None,
        read_only: bool = False,
        clerk: str | None = None,
    ):
        """Open the library at ``location``: a file path (SQLite) or a ``postgresql://``
        URL (desktop/store/engine.py). ``read_only`` opens an existing library file for
        reading only, wherever it is (the office server's local copy while the server is away:
        desktop/server/offline.py). ``clerk``: who the changes are recorded under (default:
        the clerk at this PC, desktop/clerks.py; on a server, the login — which a server set
        up by ``server init`` records whatever is given here)."""
        self.location = location
        self._clerk = clerk
        self._administers: bool | None = None
        self._open_key: tuple[int, int] | None = None
        if is_server(location):
            self._open_server(str(location))
        else:
            self._open_file(Path(location), backup_dir, read_only)

    def _open_server(self, url: str) -> None:
        from desktop.store.pg.library import ServerBackups, open_database

        self.engine = "postgresql"
        self.path = Path(shown(url))  # for messages only: there is no file
        self.read_only = False  # what the account may change is the server's to say
        self.backups = ServerBackups(self.path, self.path)
        # The repositories are typed for SQLite's connection; the PostgreSQL one offers the
        # same surface (desktop/store/pg/connection.py).
        self.db = cast(LibraryDatabase, open_database(url, shown(url), timeout=BUSY_TIMEOUT))
        try:
            self._repositories()
        except BaseException:
            self.close()
            raise

    def _open_file(self, path: Path, backup_dir: Path | None, read_only: bool) -> None:
        self.engine = "sqlite"
        self.path = path
        self.path.parent.mkdir(parents=True, exist_ok=True)
        existed = self.path.exists() and self.path.stat().st_size > 0
        # A library on a read-only medium is opened read-only: it can be read, searched and
        # exported elsewhere; every write is refused with a plain message (LibraryReadOnly).
        self.read_only = existed and (read_only or open_files.read_only_location(self.path))
        self.backups = BackupRepository(self.path, backup_dir or self.path.parent / "backups")
        if not self.read_only:
            remove_leftovers(self.path, self.backups.folder)
        try:
            conn = self._connect()
            self.db = LibraryDatabase(conn, timeout=BUSY_TIMEOUT)
            self._database().read_only = self.read_only
            self.db.execute("PRAGMA foreign_keys = ON")
            # The one-character index's triggers call spaced(); every connection that writes
            # paragraphs needs it.
            self.db.conn.create_function("spaced", 1, spaced, deterministic=True)
            # The agency filter compares folded text (desktop.store.search_queries).
            self.db.conn.create_function("to_simplified", 1, to_simplified, deterministic=True)
            register_functions(self.db.conn)  # the word indexes' triggers (m010)
            # The letter index's triggers (titles and metadata are searchable) call these.
            register_letter_search_functions(self.db.conn)
            if not self.read_only:
                self._enable_wal()
            self._open_key = open_files.register(self.path)
            self._check_not_newer()
            if self.read_only:
                self._check_current()
            else:
                self._migrate(existed)
            self._repositories()
        except sqlite3.DatabaseError as exc:
            self.close()
            if self.read_only:
                raise LibraryError(
                    f"资料库“{self.path}”所在的位置是只读的，只能只读打开，但没能打开（{exc}）。"
                    "如果它上次没有正常关闭（旁边有 -wal 文件），请把整个文件夹复制到可写的位置"
                    "后再打开。"
                ) from exc
            raise library_error(exc, f"资料库“{self.path}”无法打开") or LibraryError(
                f"资料库文件“{self.path}”无法打开（{exc}）：它可能已损坏、不是资料库文件，"
                "或正被其他程序占用。"
            ) from exc
        except BaseException:
            self.close()
            raise

    def _repositories(self) -> None:
        db = self._database()
        # Every repository that changes the library writes who did it (m015).
        # On the office server the clerk is the login (a server set up by `server init`
        # records it whatever a program sends: desktop/store/pg/own_cases.py).
        self.audit = AuditRepository(db, self._clerk or self._server_login())
        self.letters = LetterRepository(db, read_only=self.read_only, audit=self.audit)
        if self.engine == "postgresql":
            # The search half on PostgreSQL is desktop/store/pg/search*.py's (pg-search).
            from desktop.store.pg.repositories import index_writer, search_repositories

            db.conn.indexes = index_writer(cast(Any, db))  # type: ignore[attr-defined]
            self.search, self.letter_search, self.similar = search_repositories(db)
        else:
            self.search = SearchRepository(db)
            self.letter_search = LetterSearchRepository(db)
            self.similar = SimilarRepository(db)
        self.drafts = DraftRepository(db, self.audit)
        self.case_history = CaseHistoryRepository(db)
        self.opinions = OpinionRepository(db)
        self.feedback = FeedbackRepository(db)
        self.cases = CaseRepository(db, self.drafts, self.case_history, self.audit)
        self.case_letters = CaseLetterRepository(db, read_only=self.read_only, audit=self.audit)
        self.packs = PackRepository(db, self.letters)
        self.profile = ProfileRepository(db, self.audit)
        self.copies = CopyRepository(db)

    def _enable_wal(self) -> None:
        """Switch to write-ahead logging. While another process switches the same file (two
        windows opening an old library at once), SQLite may answer SQLITE_BUSY at once,
        without calling the busy handler: wait and try again, as long as a read would wait."""
        deadline = time.monotonic() + BUSY_TIMEOUT
        while True:
            try:
                self.db.enable_wal()
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _connect(self) -> sqlite3.Connection:
        if not self.read_only:
            return sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT)
        # Nothing can be created beside it: with no -wal to read, open it as immutable (no
        # -shm needed); with one, read-only, which reads the -wal too.
        uri = self.path.resolve().as_uri()
        wal = Path(f"{self.path}-wal").exists()
        query = "mode=ro" if wal else "immutable=1"
        return sqlite3.connect(f"{uri}?{query}", uri=True, timeout=BUSY_TIMEOUT)

    def _check_current(self) -> None:
        if MIGRATIONS.pending(self.db):
            raise LibraryError(
                f"资料库“{self.path}”是只读的，而它是旧版答复助手的格式，需要先升级才能使用，"
                "只读时无法升级。请把它复制到可写的位置后再打开。"
            )

    # ----------------------------------------------------------------- lifecycle
    @property
    def clerk(self) -> str:
        """Who this store works for: the name every change is recorded under (audit)."""
        return self.audit.clerk

    @clerk.setter
    def clerk(self, name: str) -> None:
        if self.engine == "postgresql":
            return  # the server's login says who works, not the settings
        self.audit.clerk = name

    def may_administer(self) -> bool:
        """Whether this account may do an administrator's work — assign cases, delete letters
        and cases, set the agency profile, the seal and the templates: always in a library
        file; on a server unless the account is one of its clerks'
        (desktop/store/server_roles.py). Asked of the server once."""
        if self._administers is None:
            if self.engine == "postgresql":
                from desktop.store.server_roles import role_of

                self._administers = role_of(self.db) != "clerk"
            else:
                self._administers = True
        return self._administers

    def _server_login(self) -> str | None:
        if self.engine != "postgresql":
            return None
        row = self._database().execute("SELECT session_user").fetchone()
        return str(row[0]) if row else None

    def on_wait(self, notice: Callable[[], None] | None) -> None:
        """Called when a write has to wait for another program's write to finish (after a
        second or two); the command line prints :data:`~desktop.store.connection.WAIT_MESSAGE`."""
        self._database().on_wait = notice

    def set_write_wait(self, seconds: float) -> None:
        """How long a write waits for another program's write after the first second or two
        (the window's own connection waits less than the command line: it holds up the UI)."""
        self._database().long_wait = max(0.0, seconds)

    def _database(self) -> LibraryDatabase:
        # A PgDatabase offers the same surface (desktop/store/pg/connection.py).
        return self.db

    def close(self) -> None:
        if hasattr(self, "db"):
            self.db.conn.close()
        open_files.unregister(self._open_key)
        self._open_key = None

    def __enter__(self) -> LibraryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_not_newer(self) -> None:
        applied = {m.name for m in MIGRATIONS.applied(self.db)}
        unknown = applied - known_migration_names()
        if unknown:
            raise LibraryError(
                f"资料库“{self.path}”由更新版本的答复助手创建，本版本无法安全打开。"
                "请升级答复助手后再打开。"
            )

    def _migrate(self, existed: bool) -> None:
        """Bring the schema up to date, once, however many programs open the library at once.

        Everything happens in one write transaction (``BEGIN IMMEDIATE``): a second program
        opening the library meanwhile waits for it, then finds nothing pending. The copy
        taken before the migration is made inside that transaction too."""
        if not MIGRATIONS.pending(self.db):
            return
        db = self._database()
        db.begin_write()
        try:
            pending = MIGRATIONS.pending(self.db)  # again, now that nobody else can write
            if pending:
                if existed and self.db.table_names():
                    self._backup_before_migration()
                MIGRATIONS.apply(self.db)
            self.db.conn.execute("COMMIT")
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise
        if pending:
            log.info("library %s migrated: %s", self.path, [m.name for m in pending])

    def _backup_before_migration(self) -> Path:
        """The copy kept before a migration, made like every backup (``store.backups``:
        ``library-<stamp>-before-migration.db``). It reads through a connection of its own:
        the backup API cannot read through this one, which holds the migration's write
        transaction, and the other sees the last committed state, which is what is kept."""
        try:
            return self.backups.make("before-migration")
        except BackupError as exc:
            cause = exc.__cause__ if is_damage(exc) else exc
            raise LibraryError(f"资料库需要升级，但升级前的备份没有做成：{exc.message}") from cause

    def schema_migrations(self) -> list[str]:
        if self.engine == "postgresql":
            from desktop.store.pg.schema import applied

            return applied(cast(Any, self.db))
        return [m.name for m in MIGRATIONS.applied(self.db)]

    def integrity_check(self) -> str:
        if self.engine == "postgresql":
            return "ok"  # the server keeps its files whole (checksums, WAL): nothing to ask
        row = self.db.execute("PRAGMA integrity_check").fetchone()
        fts = "ok"
        try:
            self.db.execute(
                "INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as exc:
            fts = str(exc)
        return row[0] if fts == "ok" else f"{row[0]}; fts: {fts}"

    @contextmanager
    def transaction(self) -> Generator[None, None, None]:
        """One write transaction around several repository calls (all kept, or none)."""
        with self._database().atomic():
            yield

    def library_id(self) -> str:
        """This library's random id, made and stored on first use; packs name it as origin."""
        stored = self.get_meta(LIBRARY_ID_KEY)
        if stored:
            return stored
        if self.read_only:  # cannot store one: the same one every time
            return str(uuid.uuid5(uuid.NAMESPACE_URL, f"replydesk-read-only:{self.path}"))
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                [LIBRARY_ID_KEY, str(uuid.uuid4())],
            )
        return str(self.get_meta(LIBRARY_ID_KEY))

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
