"""The command line's argument parser: in Chinese, one-line errors, safe values.

- ``ZhArgumentParser`` shows argparse's own words ("usage:", "options", "show this help
  message and exit", its error messages) in Chinese. argparse looks them up through the
  module-level gettext function ``argparse._`` while it builds a parser, parses and formats
  help; the parser swaps in a lookup in ``ARGPARSE_ZH`` for exactly those calls and puts the
  original back afterwards. A plain dict in Python survives PyInstaller freezing, where a
  gettext catalog would need a locale folder found at run time.
- ``add_common`` puts ``--db`` and ``--json`` on every level: the top level holds the
  defaults, the sub-levels ``argparse.SUPPRESS`` theirs, so a value given anywhere
  (``replydesk --db X profile set …``, ``replydesk profile --db X set …``,
  ``replydesk profile set --db X …``) is the one used. With a plain default on a sub-level,
  argparse copies that default over what an outer level parsed.
- ``whole_number`` and ``text`` are argument types whose bad values (an integer past what
  SQLite stores, text that is not valid Unicode) become a Chinese message and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

# argparse's messages (Python 3.11–3.13) and their Chinese; anything else stays as it is.
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "subcommands": "命令",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的参数值 %r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s":
        "选项 %(option)s 有歧义，可能是：%(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "无效的值 %(value)r（可选：%(choices)s）",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "没有命令 %(parser_name)r（可用的命令：%(choices)s）",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}  # fmt: skip

# SQLite stores 64-bit signed integers; Python's are unbounded.
INT64_MAX = 2**63 - 1


def _zh(message: str) -> str:
    return ARGPARSE_ZH.get(message, message)


def _zh_n(singular: str, plural: str, n: int) -> str:
    return _zh(singular if n == 1 else plural)


@contextmanager
def _chinese() -> Iterator[None]:
    module: Any = argparse
    saved = module._, module.ngettext
    module._, module.ngettext = _zh, _zh_n
    try:
        yield
    finally:
        module._, module.ngettext = saved


def print_json(data: Any) -> None:
    """A command's ``--json`` answer on stdout: UTF-8 Chinese as it is, indented."""
    print(json.dumps(data, ensure_ascii=False, indent=2))


def display_width(value: str) -> int:
    """Columns on a terminal: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


# A run of Latin letters, digits and ASCII punctuation stays on one line; anything else may
# break between any two characters, as Chinese text does.
_OPENING = "“‘（《「【("
_WRAP_TOKEN = re.compile(r"[!-~]+|\s+|.", re.DOTALL)


def wrap(value: str, width: int) -> list[str]:
    """``value`` in lines of at most ``width`` terminal columns (wide characters count two)."""
    lines: list[str] = []
    line, used = "", 0
    for token in _WRAP_TOKEN.findall(" ".join(value.split())):
        size = display_width(token)
        if token.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        if line and used + size > width:
            carried = ""
            while line and line[-1] in _OPENING:  # an opening quote stays with its text
                carried, line = line[-1] + carried, line[:-1]
            lines.append(line.rstrip())
            line, used = carried, display_width(carried)
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class ZhHelpFormatter(argparse.HelpFormatter):
    """Lays help out by terminal columns, where argparse counts characters: a Chinese
    character is two columns wide."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is argparse.SUPPRESS:
            return
        invocations = [self._format_action_invocation(action)]
        invocations += [
            self._format_action_invocation(sub) for sub in self._iter_indented_subactions(action)
        ]
        widest = max(display_width(i) for i in invocations) + self._current_indent
        self._action_max_length = max(self._action_max_length, widest)

    def _format_action(self, action: argparse.Action) -> str:
        formatted = super()._format_action(action)
        if isinstance(action, argparse._SubParsersAction):
            # Under the section title "命令" the commands alone, without a "命令" line.
            return formatted.partition("\n")[2]
        header = self._format_action_invocation(action)
        extra = display_width(header) - len(header)
        first, _, rest = formatted.partition("\n")
        start = self._current_indent + len(header)
        if extra and first[self._current_indent : start] == header:
            gap = len(first[start:]) - len(first[start:].lstrip(" "))
            if first[start:].strip():  # header and help share the line: take back the gap
                first = first[:start] + " " * max(2, gap - extra) + first[start + gap :]
        return first + "\n" + rest if rest or formatted.endswith("\n") else first

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def format_help(self) -> str:
        # argparse ends a section title with an ASCII colon.
        return re.sub(r"^(\S[^\n]*[^\x00-\x7f]):$", r"\1：", super().format_help(), flags=re.M)


class ZhArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that speaks Chinese and reports an error in one line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ZhHelpFormatter)
        with _chinese():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("title", "命令")
        with _chinese():
            return super().add_subparsers(**kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with _chinese():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _chinese():
            return super().format_usage()

    def format_help(self) -> str:
        with _chinese():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        """One line on stderr and exit code 2 (argparse prints the usage block first)."""
        with _chinese():
            line = _zh("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message}
        self.exit(2, f"{line.rstrip()}。用 {self.prog} --help 查看用法。\n")


def add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--db`` and ``--json``; real defaults only on the top level (see the module doc)."""
    parser.add_argument(
        "--db",
        type=location,
        default=None if top else argparse.SUPPRESS,
        metavar="文件或地址",
        help="资料库文件，或服务器上的资料库 postgresql://用户@服务器/资料库"
        "（默认：环境变量 REPLYDESK_DB，否则用户数据文件夹中的 library.db）",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="以 JSON 格式输出",
    )


def common_parent() -> argparse.ArgumentParser:
    """The parent parser every subcommand (and sub-subcommand) takes ``--db``/``--json`` from."""
    parent = ZhArgumentParser(add_help=False)
    add_common(parent, top=False)
    return parent


def whole_number(
    *, minimum: int | None = None, maximum: int = INT64_MAX, what: str = "整数"
) -> Callable[[str], int]:
    """An argument type: an integer within [minimum, maximum], else a Chinese message."""
    low = -INT64_MAX - 1 if minimum is None else minimum

    def parse(value: str) -> int:
        try:
            number = int(value.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"“{_shown(value)}”不是{what}") from None
        if number > maximum:
            raise argparse.ArgumentTypeError(f"{_shown(value)} 太大（最大 {maximum}）")
        if number < low:
            raise argparse.ArgumentTypeError(f"{_shown(value)} 太小（最小 {low}）")
        return number

    parse.__name__ = what  # argparse names the type in some of its messages
    return parse


def text(value: str) -> str:
    """An argument type: text that is valid Unicode.

    On Linux a command line that is not valid UTF-8 reaches Python with the bad bytes as
    lone surrogates; they cannot be stored, searched or printed, so they are refused here.
    """
    if has_surrogates(value):
        raise argparse.ArgumentTypeError(
            "含有无法识别的字符（不是有效的 UTF-8 文字），请检查输入法或终端的编码"
        )
    return value


text.__name__ = "文字"


def path(value: str) -> Path:
    """An argument type for file names: any bytes the system allows (kept as given)."""
    return Path(value)


path.__name__ = "路径"


def location(value: str) -> Path | str:
    """A library's location: a file name, or a ``postgresql://`` URL (kept as text: a
    ``Path`` would fold its ``//``)."""
    from desktop.store.engine import is_server

    return value if is_server(value) else Path(value)


location.__name__ = "资料库位置"


def has_surrogates(value: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def _shown(value: str) -> str:
    """A value as it may be printed: bad bytes replaced, at most 40 characters."""
    safe = value.encode("utf-8", "replace").decode("utf-8")
    return safe if len(safe) <= 40 else safe[:40] + "…"
