"""The command line as a clerk's terminal runs it: a real ``python -m desktop`` subprocess.

``--db`` and ``--json`` wherever they are placed, argparse in Chinese, and bad values (not
valid UTF-8, integers past 64 bits) as one Chinese line with exit code 2.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.__main__ import build_parser, main
from desktop.cli_args import ZhHelpFormatter, display_width, wrap
from desktop.fold import to_simplified
from desktop.store import LibraryStore
from tests.conftest import ROOT, SAMPLES

SAMPLE = next(p for p in sorted(SAMPLES.iterdir()) if p.suffix == ".txt")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """An environment whose default library, data, config and log folders are all in
    ``tmp_path/home``: what a command writes there by mistake can be seen."""
    base = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "REPLYDESK"))}
    env.update(
        HOME=str(base),
        XDG_DATA_HOME=str(base / "data"),
        XDG_CONFIG_HOME=str(base / "config"),
        XDG_STATE_HOME=str(base / "state"),
        XDG_CACHE_HOME=str(base / "cache"),
        REPLYDESK_DB=str(base / "default" / "library.db"),
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def cli(env: dict[str, str], *args: str | bytes) -> subprocess.CompletedProcess[str]:
    """``replydesk ARGS`` in a subprocess; ``bytes`` arguments go onto argv as raw bytes."""
    argv: list[str | bytes] = [sys.executable, "-m", "desktop", *args]
    # stdin: the one line `server login --password-stdin` reads (no other command reads it)
    proc = subprocess.run(
        argv, cwd=ROOT, env=env, capture_output=True, timeout=120, input=b"test-password\n"
    )
    return subprocess.CompletedProcess(
        proc.args,
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def leaf_commands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every runnable command path (``("profile", "set")`` …), read from the parser itself."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield prefix
        return
    for name, child in subs[0].choices.items():
        yield from leaf_commands(child, (*prefix, name))


def placements(command: tuple[str, ...], db: str, rest: list[str]) -> list[list[str]]:
    """``--db`` before the command, after each of its words, and after its arguments (for
    a one-word command the same parser level as right after the word, so that is left out)."""
    out = [["--db", db, *command, *rest]]
    for i in range(1, len(command) + 1):
        out.append([*command[:i], "--db", db, *command[i:], *rest])
    if len(command) > 1:
        out.append([*command, *rest, "--db", db])
    return out


def _case_file(folder: Path, number: str) -> Path:
    data = {
        "number": number,
        "session": "市十七届人大三次会议",
        "title": "关于加快众创空间建设的建议",
        "proposers": ["张三"],
        "role": "代表",
        "category": "B",
        "content": "建议加快众创空间建设。",
        "reply_date": "2026-06-01",
        "contact_name": "王五",
        "contact_phone": "0513-85000000",
        "sections": {"plan": ["下一步，我们将继续推进众创空间建设。"]},
    }
    path = folder / f"案件{number}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_every_command_uses_the_library_given_with_db_wherever_it_stands(
    tmp_path: Path, home: dict[str, str]
) -> None:
    lib = tmp_path / "other" / "lib.db"
    lib.parent.mkdir()
    assert main(["import", str(SAMPLE), "--db", str(lib)]) == 0
    assert main(["profile", "set", "agency_name", "如东县科学技术局", "--db", str(lib)]) == 0
    with LibraryStore(lib) as store:
        letter_id = store.letters.all()[0].id
    work = tmp_path / "work"
    work.mkdir()
    runs = iter(range(1000))
    backup = work / "first-backup.db"

    # For each command: its arguments (fresh names per run), and a check of what it did.
    def profile_set() -> tuple[list[str], Callable[[], None]]:
        signer = f"张局长{next(runs)}"

        def saved() -> None:
            with LibraryStore(lib) as s:
                assert s.profile.load().signer == signer

        return ["signer", signer], saved

    def draft() -> tuple[list[str], Callable[[], None]]:
        number = str(next(runs))
        out = work / f"答复{number}.docx"
        case = _case_file(work, number)

        def saved() -> None:
            assert out.is_file()
            with LibraryStore(lib) as s:
                assert number in {c.number for c in s.cases.all()}

        return ["--case", str(case), "--out", str(out)], saved

    def backup_to() -> tuple[list[str], Callable[[], None]]:
        target = work / f"backup{next(runs)}.db"
        return ["--to", str(target)], lambda: assert_same_letters(target)

    def assert_same_letters(other: Path) -> None:
        with LibraryStore(other) as a, LibraryStore(lib) as b:
            assert a.letters.count() == b.letters.count() == 1

    def pack() -> tuple[list[str], Callable[[], None]]:
        out = work / f"pack{next(runs)}.zip"
        return ["--out", str(out)], lambda: None if out.is_file() else pytest.fail("no pack")

    def edit() -> tuple[list[str], Callable[[], None]]:
        name = f"王五{next(runs)}"

        def saved() -> None:
            with LibraryStore(lib) as s:
                assert s.letters.get(letter_id).contact_name == name  # type: ignore[union-attr]

        return [str(letter_id), "--set", f"contact_name={name}"], saved

    def delete() -> tuple[list[str], Callable[[], None]]:
        letter = work / f"letter{next(runs)}.txt"
        # a different letter: one sentence of its text differs (a line after the signature
        # would not do: the parser reads it as furniture, and the letter stays a duplicate)
        text = SAMPLE.read_text(encoding="utf-8").replace("。", f"（{letter.stem}）。", 1)
        letter.write_text(text, encoding="utf-8")
        assert main(["import", str(letter), "--db", str(lib)]) == 0
        with LibraryStore(lib) as s:
            new = max(x.id for x in s.letters.all())

        def gone() -> None:
            with LibraryStore(lib) as s:
                assert s.letters.get(new) is None and s.letters.get(letter_id) is not None

        return [str(new), "--yes"], gone

    def case_sent() -> tuple[list[str], Callable[[], None]]:
        from desktop.casework import Draft, DraftBlock, case_from_json

        number = str(500 + next(runs))
        with LibraryStore(lib) as s:
            data = json.loads(_case_file(work, number).read_text(encoding="utf-8"))
            case_id = s.cases.save(case_from_json(data))
            draft = Draft()
            draft.sections["plan"].append(DraftBlock("free", f"下一步，第{number}号的打算。"))
            s.drafts.save(case_id, draft)

        def filed() -> None:
            with LibraryStore(lib) as s:
                assert s.case_letters.of_case(case_id) is not None

        return [str(case_id)], filed

    def export_all() -> tuple[list[str], Callable[[], None]]:
        case_args, _filed = case_sent()
        with LibraryStore(lib) as s:
            s.cases.set_status(int(case_args[0]), "sent")
        out = work / f"batch{next(runs)}"

        def written() -> None:
            assert list(out.glob("*.docx")) and list(out.glob("*.txt"))

        return ["--session", "市十七届人大三次会议", "--to", str(out)], written

    def new_case(*, sent: bool = False) -> int:
        from desktop.actions import cases
        from desktop.casework import Draft, DraftBlock, case_from_json

        number = str(700 + next(runs))
        with LibraryStore(lib) as s:
            data = json.loads(_case_file(work, number).read_text(encoding="utf-8"))
            data["co_organizers"] = ["市财政局"]
            case_id = s.cases.save(case_from_json(data))
            if sent:
                draft = Draft()
                draft.sections["plan"].append(DraftBlock("free", f"下一步，第{number}号的打算。"))
                s.drafts.save(case_id, draft)
                cases.mark_sent(case_id, store=s)
        return case_id

    def status_of(case_id: int) -> str | None:
        with LibraryStore(lib) as s:
            return s.cases.status_of(case_id)

    def case_status() -> tuple[list[str], Callable[[], None]]:
        case_id = new_case()
        return [str(case_id), "起草中"], lambda: None if status_of(case_id) == "drafting" else (
            pytest.fail("status not changed"))

    def case_assign() -> tuple[list[str], Callable[[], None]]:
        case_id = new_case()

        def assigned() -> None:
            with LibraryStore(lib) as s:
                case = s.cases.get(case_id)
                assert case is not None and case.assignee == "李华"

        return [str(case_id), "李华"], assigned

    def case_history() -> tuple[list[str], Callable[[], None]]:
        return [str(new_case())], lambda: None

    def case_opinion() -> tuple[list[str], Callable[[], None]]:
        case_id = new_case()

        def recorded() -> None:
            with LibraryStore(lib) as s:
                assert [o.unit for o in s.opinions.of_case(case_id)] == ["市财政局"]

        return [str(case_id), "--unit", "市财政局", "--received", "2026-04-01"], recorded

    def case_feedback() -> tuple[list[str], Callable[[], None]]:
        case_id = new_case(sent=True)
        return [str(case_id), "满意"], lambda: None if status_of(case_id) == "closed" else (
            pytest.fail("not closed"))

    def case_import() -> tuple[list[str], Callable[[], None]]:
        number = str(900 + next(runs))
        listing = work / f"交办清单{number}.csv"
        listing.write_text(f"建议号,标题,领衔代表\n{number},关于第{number}号的建议,王明\n", "utf-8")

        def stored() -> None:
            with LibraryStore(lib) as s:
                assert number in {c.number for c in s.cases.all()}

        return [str(listing)], stored

    def server_upload() -> tuple[list[str], Callable[[], None]]:
        other = work / f"pc{next(runs)}.db"
        letter = work / f"{other.stem}.txt"
        text = SAMPLE.read_text(encoding="utf-8").replace("。", f"（{letter.stem}）。", 1)
        letter.write_text(text, encoding="utf-8")
        assert main(["import", str(letter), "--db", str(other)]) == 0
        with LibraryStore(lib) as s:
            before = s.letters.count()

        def uploaded() -> None:
            with LibraryStore(lib) as s:
                assert s.letters.count() == before + 1

        return ["--from", str(other)], uploaded

    def server_download() -> tuple[list[str], Callable[[], None]]:
        target = work / f"download{next(runs)}.db"

        def copied() -> None:
            with LibraryStore(target) as a, LibraryStore(lib) as b:
                assert a.letters.count() == b.letters.count() > 0

        return ["--to", str(target)], copied

    def server_login() -> tuple[list[str], Callable[[], None]]:
        user = f"clerk{next(runs)}"
        url = f"postgresql://{user}@127.0.0.1:1/replydesk"

        def kept() -> None:
            stored = json.loads(keyring_file.read_text(encoding="utf-8"))
            assert f"ReplyDesk\n{user}@127.0.0.1:1/replydesk" in stored

        return [url, "--password-stdin"], kept

    def fixed(*args: str) -> Callable[[], tuple[list[str], Callable[[], None]]]:
        return lambda: (list(args), lambda: None)

    # draft refuses a library whose profile is still the sample agency's
    assert main(["profile", "set", "agency_name", "南通市科学技术局", "--db", str(lib)]) == 0
    assert main(["backup", "--db", str(lib), "--to", str(backup)]) == 0
    assert main(["export-pack", "--db", str(lib), "--out", str(work / "own.zip")]) == 0
    invocations: dict[tuple[str, ...], Callable[[], tuple[list[str], Callable[[], None]]]] = {
        ("import",): fixed(str(SAMPLE)),
        ("letters",): fixed(),
        ("show",): fixed(str(letter_id)),
        ("explain",): fixed(str(SAMPLE)),
        ("search",): fixed("科技"),
        ("similar",): fixed("--title", "关于支持众创空间发展的建议"),
        ("profile", "show"): fixed(),
        ("profile", "set"): profile_set,
        ("draft",): draft,
        ("check",): fixed(str(SAMPLE)),
        ("backup",): backup_to,
        ("restore",): fixed(str(backup), "--yes"),
        ("export-pack",): pack,
        ("import-pack",): fixed(str(work / "own.zip")),
        ("edit",): edit,
        ("delete",): delete,
        ("reparse",): fixed(),
        ("case", "list"): fixed(),
        ("case", "sent"): case_sent,
        ("case", "export-all"): export_all,
        ("report",): fixed("--year", "2020"),
        ("case", "status"): case_status,
        ("case", "history"): case_history,
        ("case", "opinion"): case_opinion,
        ("case", "feedback"): case_feedback,
        ("case", "due"): fixed("--days", "10"),
        ("case", "import"): case_import,
        # the server's commands: a library file works as their --db too (tests/unit/
        # test_server_pg.py runs them against a real server); init and logout name a server
        # that does not answer (port 1) or hold no password: they say so
        ("server", "init"): fixed("postgresql://owner@127.0.0.1:1/replydesk"),
        ("server", "login"): server_login,
        ("server", "logout"): fixed("postgresql://nobody@127.0.0.1:1/replydesk"),
        ("server", "upload"): server_upload,
        ("server", "download"): server_download,
        ("case", "assign"): case_assign,
        ("audit",): fixed("--limit", "5"),
        ("clerk",): fixed(),
    }
    # server login keeps the password in the tests' keyring (tests/keyring_file.py)
    keyring_file = work / "keyring.json"
    home["PYTHON_KEYRING_BACKEND"] = "tests.keyring_file.FileKeyring"
    home["REPLYDESK_TEST_KEYRING"] = str(keyring_file)
    commands = list(leaf_commands(build_parser()))
    missing = [" ".join(c) for c in commands if c not in invocations]
    assert not missing, f"add an invocation for the new command(s) {missing} to this test"
    ok = {("check",): {0, 1}, ("server", "init"): {2}}  # check: 1 when it finds problems
    for command in commands:
        for i in range(len(placements(command, str(lib), []))):
            rest, verify = invocations[command]()
            argv = placements(command, str(lib), rest)[i]
            proc = cli(home, *argv)
            assert proc.returncode in ok.get(command, {0}), (argv, proc.stdout, proc.stderr)
            assert "Traceback" not in proc.stderr
            verify()
    default = Path(home["REPLYDESK_DB"])
    assert not default.exists() and not default.parent.exists()
    made = [p for p in Path(home["HOME"]).rglob("*") if p.suffix in (".db", ".zip", ".docx")]
    assert made == []


def test_json_and_db_before_the_command(tmp_path: Path, home: dict[str, str]) -> None:
    lib = str(tmp_path / "lib.db")
    assert main(["import", str(SAMPLE), "--db", lib]) == 0
    proc = cli(home, "--json", "--db", lib, "letters")
    assert proc.returncode == 0 and len(json.loads(proc.stdout)) == 1
    proc = cli(home, "--json", "profile", "--db", lib, "show")
    assert proc.returncode == 0 and "agency_name" in json.loads(proc.stdout)
    assert not Path(home["REPLYDESK_DB"]).exists()


# ------------------------------------------------------------------------- help in Chinese


def test_every_help_is_in_chinese(home: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    proc = cli(home, "--help")  # once as the clerk's terminal runs it
    assert proc.returncode == 0 and proc.stdout.startswith("用法：replydesk [-h]"), proc.stderr
    commands = [c for c in leaf_commands(build_parser())]
    commands += [("profile",), ()]
    for command in commands:
        assert main([*command, "--help"]) == 0
        text = capsys.readouterr().out
        for english in ("usage:", "positional arguments", "options:", "show this help"):
            assert english not in text, (command, text)
        assert text.startswith("用法：replydesk") and "显示本帮助并退出" in text
        # Help text wraps by terminal columns (a wide character takes two); only the usage
        # lines, wrapped by argparse itself, may run a little past 80.
        assert max(display_width(line) for line in text.splitlines()) <= 100, text


def parsers(
    parser: argparse.ArgumentParser, name: str = "replydesk"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, child in action.choices.items():
                yield from parsers(child, f"{name} {sub}")


def test_every_description_and_argument_help_is_chinese() -> None:
    for name, parser in parsers(build_parser()):
        assert parser.description and CHINESE.search(parser.description), name
        for action in parser._actions:
            if not isinstance(action, argparse._SubParsersAction):
                assert action.help and CHINESE.search(action.help), (name, action.dest)
            for choice_help in getattr(action, "_choices_actions", []):
                assert CHINESE.search(choice_help.help or ""), (name, choice_help.dest)


def test_wrapping_counts_wide_characters_twice() -> None:
    lines = wrap("资料库文件（默认：环境变量 REPLYDESK_DB，否则用户数据文件夹中的 library.db）", 30)
    assert all(display_width(line) <= 30 for line in lines)
    assert "".join(lines).replace(" ", "") == (
        "资料库文件（默认：环境变量REPLYDESK_DB，否则用户数据文件夹中的library.db）"
    )
    assert any("REPLYDESK_DB" in line for line in lines)  # an ASCII word is not cut
    parser = argparse.ArgumentParser(prog="x", formatter_class=ZhHelpFormatter)
    parser.add_argument("--db", metavar="文件", help="资料库文件")
    parser.add_argument("--json", help="以 JSON 格式输出")
    rows = [
        line for line in parser.format_help().splitlines() if line.startswith(("  --db", "  --j"))
    ]
    columns = {
        display_width(line[: line.index(help_)])
        for line, help_ in zip(rows, ("资料库", "以"), strict=True)
    }
    assert len(columns) == 1, rows  # the help texts start in one column


# --------------------------------------------------------------- bad values: one line, exit 2


BIG = "99999999999999999999999"


@pytest.mark.parametrize(
    "argv",
    [
        ["show", BIG],
        ["draft", "--case", "x.json", "--out", "x.docx", "--use", BIG],
        ["search", "科技", "--year-from", BIG],
        ["search", "科技", "--limit", BIG],
        ["similar", "--title", "科技", "--limit", BIG],
        ["show", "-" + BIG],
        ["profile", "set", "due_months", BIG],
        ["profile", "set", "text_limit", BIG],
    ],
)
def test_integers_past_64_bits_are_a_message(
    tmp_path: Path, home: dict[str, str], argv: list[str]
) -> None:
    proc = cli(home, *argv, "--db", str(tmp_path / "lib.db"))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and re.search("太|不能超过", lines[0]), proc.stderr
    assert "Traceback" not in proc.stderr


SURROGATE = b"\xed\xa0\x80"  # "\ud800" encoded as if it were a character: not UTF-8


@pytest.mark.parametrize(
    "argv",
    [
        [b"search", SURROGATE],
        [b"search", "科技 ".encode() + SURROGATE],
        [b"search", b"x", b"--agency", SURROGATE],
        [b"similar", b"--title", SURROGATE],
        [b"profile", b"set", b"signer", SURROGATE],
    ],
)
def test_text_that_is_not_utf8_on_the_command_line_is_a_message(
    tmp_path: Path, home: dict[str, str], argv: list[bytes]
) -> None:
    proc = cli(home, *argv, "--db", str(tmp_path / "lib.db"))
    assert proc.returncode == 2, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "无法识别的字符" in lines[0], proc.stderr


def test_a_lone_surrogate_in_the_case_file_is_a_message(
    tmp_path: Path, home: dict[str, str]
) -> None:
    lib = str(tmp_path / "lib.db")
    case = _case_file(tmp_path, "7")
    data = case.read_text(encoding="utf-8").replace("关于加快", "关于\\ud800加快")
    case.write_text(data, encoding="utf-8")
    proc = cli(home, "draft", "--case", str(case), "--out", str(tmp_path / "a.docx"), "--db", lib)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "title" in lines[0] and "无法识别的字符" in lines[0], proc.stderr
    assert not (tmp_path / "a.docx").exists()


def test_a_thousand_short_terms_are_a_message(tmp_path: Path, home: dict[str, str]) -> None:
    # A thousand distinct terms: characters that folding to simplified ones leaves as they are
    # (丟 and 丢 would be one term).
    chars = (chr(c) for c in range(0x4E00, 0x9FFF) if to_simplified(chr(c)) == chr(c))
    terms = " ".join(itertools.islice(chars, 1000))
    proc = cli(home, "search", terms, "--db", str(tmp_path / "lib.db"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "检索词太多（1000 个），一次最多 100 个，请减少检索词后再查。"
    ]


def test_an_unexpected_error_is_logged_and_one_line(tmp_path: Path, home: dict[str, str]) -> None:
    # A programmer's error inside a command: here the store's letter list fails.
    script = (
        "import sys; from desktop.store.letter_lifecycle import LetterRepository\n"
        "from desktop.__main__ import main\n"
        "def boom(self): raise ZeroDivisionError('planted')\n"
        "LetterRepository.all = boom\n"
        f"sys.exit(main(['letters', '--db', {str(tmp_path / 'lib.db')!r}]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=home, capture_output=True, text=True
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("程序内部错误"), proc.stderr
    logs = list(Path(home["HOME"]).rglob("replydesk.log"))
    assert logs and "ZeroDivisionError: planted" in logs[0].read_text(encoding="utf-8")
    assert str(logs[0]) in lines[0]


def test_a_wrong_argument_is_one_chinese_line(home: dict[str, str]) -> None:
    proc = cli(home, "serch", "科技")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "无效的值 'serch'" in proc.stderr
    proc = cli(home, "search")
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "replydesk search：错误：缺少必需的参数：检索词。用 replydesk search --help 查看用法。"
    )
