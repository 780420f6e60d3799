"""The server password never in plain text (issue 14 item 3): kept in the system keyring by
``replydesk server login`` (asked for, never on the command line), read back for the
connection; a machine without a keyring is told to use .pgpass and nothing is stored; an
address with a password in it is refused; TLS ``prefer`` unless the address says otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import credentials
from desktop.store.credentials import CredentialsError

ROOT = Path(__file__).resolve().parents[2]
URL = "postgresql://zhangsan@192.168.10.5/replydesk"


def _cli(
    *args: str, stdin: str = "", keyring_file: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if keyring_file is not None:
        env["PYTHON_KEYRING_BACKEND"] = "tests.keyring_file.FileKeyring"
        env["REPLYDESK_TEST_KEYRING"] = str(keyring_file)
    else:  # this machine's own keyring situation (none on the test machines)
        env.pop("PYTHON_KEYRING_BACKEND", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This process uses the tests' file keyring too (as the subprocesses do)."""
    import keyring

    from tests.keyring_file import FileKeyring

    path = tmp_path / "keyring.json"
    monkeypatch.setenv("REPLYDESK_TEST_KEYRING", str(path))
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield path
    keyring.set_keyring(before)


def test_login_keeps_the_password_in_the_keyring_and_the_connection_gets_it(
    file_keyring: Path,
) -> None:
    proc = _cli("server", "login", URL, "--password-stdin", "--json", stdin="长密码-2026\n",
                keyring_file=file_keyring)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {
        "saved": True,
        "account": "zhangsan@192.168.10.5:5432/replydesk",
    }
    stored = json.loads(file_keyring.read_text(encoding="utf-8"))
    assert stored == {"ReplyDesk\nzhangsan@192.168.10.5:5432/replydesk": "长密码-2026"}
    assert credentials.connect_options(URL) == {"sslmode": "prefer", "password": "长密码-2026"}
    # another account or server has none of it
    assert "password" not in credentials.connect_options("postgresql://lisi@192.168.10.5/replydesk")

    proc = _cli("server", "logout", URL, keyring_file=file_keyring)
    assert proc.returncode == 0 and "已删除" in proc.stdout
    assert json.loads(file_keyring.read_text(encoding="utf-8")) == {}
    assert credentials.connect_options(URL) == {"sslmode": "prefer"}


def test_without_a_keyring_nothing_is_stored_and_pgpass_is_named(tmp_path: Path) -> None:
    if credentials.keyring_available():
        pytest.skip("this machine has a system keyring")
    proc = _cli("server", "login", URL, "--password-stdin", stdin="secret\n")
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("本机没有可用的系统密钥环")
    assert ".pgpass" in proc.stderr and "secret" not in proc.stderr + proc.stdout
    # reading falls back to libpq's sources (.pgpass) without a word
    assert credentials.password_for(URL) is None
    assert credentials.connect_options(URL) == {"sslmode": "prefer"}


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://zhangsan:secret@192.168.10.5/replydesk", "不能写密码"),
        ("postgresql://zhangsan@192.168.10.5/replydesk?password=secret", "不能写密码"),
        ("postgresql://zhangsan@192.168.10.5/replydesk?sslmode=always", "sslmode"),
        ("postgresql://192.168.10.5/replydesk", "缺少用户名"),
    ],
)
def test_an_address_with_a_password_or_a_bad_sslmode_is_refused(
    file_keyring: Path, url: str, words: str
) -> None:
    proc = _cli("server", "login", url, "--password-stdin", stdin="x\n", keyring_file=file_keyring)
    assert proc.returncode == 2
    assert words in proc.stderr and "secret" not in proc.stderr
    assert not file_keyring.exists()
    with pytest.raises(CredentialsError):
        credentials.check_no_password(url)


def test_tls_is_preferred_unless_the_address_says_otherwise() -> None:
    assert credentials.connect_options(URL)["sslmode"] == "prefer"
    strict = URL + "?sslmode=verify-full&sslrootcert=C:/certs/ca.crt"
    assert "sslmode" not in credentials.connect_options(strict)  # the address's own is used
    credentials.check_no_password(strict)


def test_an_address_that_insists_on_tls_is_refused_by_a_server_without_it(
    pg_database_url: str,
) -> None:
    """The test server offers no TLS: ``prefer`` (the default) connects in the clear,
    ``require`` refuses to, with a plain message, before anything is read or written."""
    from desktop.store import LibraryError, LibraryStore

    LibraryStore(pg_database_url).close()
    with pytest.raises(LibraryError) as refused:
        LibraryStore(pg_database_url + "?sslmode=require")
    message = refused.value.message
    assert message.startswith("无法连接资料库服务器") and "SSL" in message
