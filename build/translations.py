"""Keep the Chinese translation in step with the UI's English source strings.

    python build/translations.py          # lupdate: collect tr() strings into the .ts
    python build/translations.py --fill   # also fill untranslated entries from ZH below
    python build/translations.py --check  # exit 1 when an entry is unfinished

Then lrelease compiles the .ts into the .qm the app loads (done by every run).
"""

from __future__ import annotations

import argparse
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


def fill() -> list[str]:
    """Fill unfinished messages from ZH; returns the source strings still missing."""
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        done = translation.get("type") not in ("unfinished", "vanished", "obsolete")
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            if source in ZH:
                for form in forms or [ET.SubElement(translation, "numerusform")]:
                    form.text = ZH[source]
                translation.attrib.pop("type", None)
            elif not done:
                missing.append(source)
            continue
        if source in ZH:
            translation.text = ZH[source]
            translation.attrib.pop("type", None)
        elif not done:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return missing


def lrelease() -> None:
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fill", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    lupdate()
    missing = fill() if args.fill or args.check else []
    lrelease()
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
