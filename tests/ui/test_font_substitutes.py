"""One Qt-free table of font substitutes, read by the page renderer and the fonts notice."""

from __future__ import annotations

import subprocess
import sys

from pytestqt.qtbot import QtBot

from desktop.fonts import SUBSTITUTES, substitute
from desktop.model import FontSpec
from desktop.ui.fonts_check import check_fonts
from desktop.ui.page_fonts import resolve_fonts


def test_the_table_needs_no_qt() -> None:
    code = "import sys, desktop.fonts; print(any(m.startswith('PySide6') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_substitutes_in_order() -> None:
    assert substitute("仿宋_GB2312", ["FangSong", "仿宋"]) == "仿宋"
    assert substitute("仿宋_GB2312", ["STFangsong"]) == "STFangsong"
    assert substitute("方正小标宋简体", ["SimSun", "华文中宋"]) == "华文中宋"
    assert substitute("黑体", ["SimSun", "Noto Sans CJK SC"]) == "Noto Sans CJK SC"
    assert substitute("Nothing Like It", []) is None
    assert SUBSTITUTES["楷体_GB2312"][:2] == ["楷体", "KaiTi"]


def test_the_notice_names_the_face_the_page_shows(qtbot: QtBot) -> None:
    spec = FontSpec()
    shown = resolve_fonts(spec).families
    statuses = check_fonts(spec)
    assert any(not s.installed for s in statuses)  # the GB2312 fonts are not on a test machine
    for status in statuses:
        if not status.installed:
            assert status.substitute == shown[status.role], status
