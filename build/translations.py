"""Keep the Chinese translation in step with the UI's English source strings.

    python build/translations.py          # lupdate: collect tr() strings into the .ts
    python build/translations.py --fill   # also fill the entries from ZH (translations_zh.py)
    python build/translations.py --check  # --fill, and exit 1 when an entry is unfinished or
                                          # its Chinese lost a placeholder (%1, {name}, tags)

A ZH key is the English source; "Context|source" (Context = the class of the tr() call) wins
over it where one English string needs different Chinese in different places. Then lrelease
compiles the .ts into the .qm the app loads (done by every run).

lupdate takes the context from ``self.tr(...)`` inside a class: an alias (``tr = self.tr``)
or ``window.tr(...)`` outside the class gives a context the running app never asks for, so the
Chinese would not show. Use ``self.tr`` or ``QCoreApplication.translate("Class", ...)``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "replydesk_zh_CN.ts"
QM = TS.with_suffix(".qm")
sys.path.insert(0, str(ROOT / "build"))

from translations_zh import ZH  # noqa: E402


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    return found


def lupdate() -> None:
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").glob("*.py"))
    subprocess.run([_tool("lupdate"), "-no-obsolete", *sources, "-ts", str(TS)], check=True,
                   capture_output=True)  # fmt: skip


_PLACEHOLDER = re.compile(r"%(?:\d+|n|v|m)|\{\w*\}|\{\{|\}\}|\{%|<[^<>]*>")


def placeholders(text: str) -> list[str]:
    """The %1 / %n / {name} / {{ / HTML tag tokens a translation must keep, sorted."""
    return sorted(_PLACEHOLDER.findall(text))


def chinese(context: str, source: str) -> str | None:
    """The Chinese for a source string: "Context|source" in ZH wins over plain "source"."""
    return ZH.get(f"{context}|{source}", ZH.get(source))


def fill() -> list[str]:
    """Fill messages from ZH; returns the problems: sources still missing a translation and
    translations whose placeholders differ from the source's."""
    tree = ET.parse(TS)
    problems = []
    used: set[str] = set()
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                continue
            text = chinese(name, source)
            used.update({f"{name}|{source}", source} & ZH.keys())
            if text is None:
                if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                    problems.append(f"untranslated: {name}|{source!r}")
                continue
            if placeholders(text) != placeholders(source):
                problems.append(f"placeholders differ: {name}|{source!r} -> {text!r}")
            if message.get("numerus") == "yes":
                for form in translation.findall("numerusform") or [
                    ET.SubElement(translation, "numerusform")
                ]:
                    form.text = text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for key in sorted(ZH.keys() - used):
        print(f"unused in ZH: {key!r}", file=sys.stderr)
    return problems


def lrelease() -> None:
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fill", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    lupdate()
    problems = fill() if args.fill or args.check else []
    lrelease()
    for problem in problems:
        print(problem)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
