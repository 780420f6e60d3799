"""Portable mode: ``portable.txt`` beside a frozen program, or ``--portable``, keeps library,
templates, settings, logs and backups in ``data/`` beside the program."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from desktop import paths, reply_templates


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(paths, "_portable_forced", False)
    monkeypatch.delenv(paths.DB_ENV, raising=False)
    yield


@pytest.fixture
def frozen_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake frozen program: ``<tmp>/ReplyDesk/replydesk.exe``."""
    folder = tmp_path / "ReplyDesk"
    folder.mkdir()
    exe = folder / "replydesk.exe"
    exe.write_bytes(b"MZ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    return exe


def test_installed_uses_the_platform_folders(frozen_exe: Path) -> None:
    assert not paths.is_portable()  # no portable.txt
    assert paths.data_dir() == Path(platformdirs.user_data_dir("ReplyDesk", appauthor=False))
    assert paths.log_dir() == Path(platformdirs.user_log_dir("ReplyDesk", appauthor=False))
    assert paths.default_db_path() == paths.data_dir() / "library.db"
    assert paths.settings_path() is None  # native QSettings
    assert paths.backups_dir() == paths.data_dir() / "backups"


def test_portable_txt_beside_the_frozen_program(frozen_exe: Path) -> None:
    (frozen_exe.parent / "portable.txt").write_text("", encoding="utf-8")
    data = frozen_exe.parent / "data"
    assert paths.is_portable()
    assert paths.program_dir() == frozen_exe.parent.resolve()
    assert paths.data_dir() == data.resolve()
    assert paths.log_dir() == data.resolve() / "logs"
    assert paths.default_db_path() == data.resolve() / "library.db"
    assert paths.settings_path() == data.resolve() / "settings.ini"
    assert paths.backups_dir() == data.resolve() / "backups"
    assert reply_templates.user_dir() == data.resolve() / "templates" / "replies"


def test_portable_txt_is_ignored_when_running_from_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    python = tmp_path / "python.exe"
    python.write_bytes(b"")
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "executable", str(python))
    assert not paths.is_portable()
    assert paths.settings_path() is None


def test_portable_flag_is_taken_out_of_the_arguments(frozen_exe: Path) -> None:
    assert paths.enable_portable_from_argv(["search", "科技"]) == ["search", "科技"]
    assert not paths.is_portable()
    rest = paths.enable_portable_from_argv(["--portable", "search", "--db", "x.db"])
    assert rest == ["search", "--db", "x.db"]
    assert paths.is_portable()
    assert paths.data_dir() == frozen_exe.parent.resolve() / "data"


def test_portable_flag_from_source_uses_the_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.enable_portable_from_argv(["--portable"]) == []
    tree = Path(paths.__file__).resolve().parent.parent
    assert paths.data_dir() == tree / "data"
    assert paths.settings_path() == tree / "data" / "settings.ini"


def test_replydesk_db_still_chooses_the_library(
    frozen_exe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen_exe.parent / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.DB_ENV, str(tmp_path / "elsewhere" / "lib.db"))
    assert paths.default_db_path() == tmp_path / "elsewhere" / "lib.db"
    assert paths.backups_dir() == tmp_path / "elsewhere" / "backups"


def test_backups_go_beside_a_library_given_with_db(tmp_path: Path) -> None:
    assert paths.backups_dir(tmp_path / "科技局" / "lib.db") == tmp_path / "科技局" / "backups"


def test_licence_and_notices_are_found() -> None:
    assert paths.license_path().is_file()
    assert "ReplyDesk" in paths.license_path().read_text(encoding="utf-8")
    notices = paths.third_party_notices_path().read_text(encoding="utf-8")
    for name in ("PySide6", "LGPL", "python-docx", "Jinja2", "MarkupSafe", "sqlite-utils",
                 "platformdirs", "lxml", "SQLite", "Python"):  # fmt: skip
        assert name in notices


def test_licence_in_a_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "_internal"
    (bundle / "resources").mkdir(parents=True)
    (bundle / "LICENSE").write_text("licence", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.license_path() == bundle / "LICENSE"
    assert paths.third_party_notices_path() == bundle / "resources" / "THIRD_PARTY_NOTICES.md"


# ------------------------------------------------------------------------------ no network
def test_the_test_session_cannot_reach_the_network(network_attempts: list[str]) -> None:
    """tests/conftest.py blocks and records every attempt; this one is provoked on purpose."""
    import socket

    # conftest's NetworkBlocked (a RuntimeError); importing it would give a second copy.
    NetworkBlocked = RuntimeError
    before = len(network_attempts)
    try:
        with pytest.raises(NetworkBlocked, match=r"network access attempted.*example\.com"):
            socket.create_connection(("example.com", 80), timeout=1)
        with pytest.raises(NetworkBlocked):
            socket.getaddrinfo("example.com", 443)
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        with pytest.raises(NetworkBlocked):
            tcp.connect(("93.184.216.34", 80))
        with pytest.raises(NetworkBlocked):
            tcp.connect_ex(("127.0.0.1", 80))
        tcp.close()
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        with pytest.raises(NetworkBlocked):
            udp.sendto(b"x", ("8.8.8.8", 53))
        udp.close()
        assert len(network_attempts) == before + 5  # recorded even if the caller swallows it
        # Local sockets stay allowed (Qt's single-instance server is one).
        a, b = socket.socketpair()
        a.sendall(b"ok")
        assert b.recv(2) == b"ok"
        a.close()
        b.close()
        assert socket.getaddrinfo("localhost", None)
    finally:
        del network_attempts[before:]  # provoked on purpose: the session stays green
