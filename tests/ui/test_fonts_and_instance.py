from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.model import FontSpec
from desktop.ui.fonts_check import check_fonts, missing_fonts_note
from desktop.ui.single_instance import SingleInstance


def test_missing_gb2312_fonts_are_named_with_their_substitutes() -> None:
    families = ["仿宋", "楷体", "黑体", "宋体", "SimSun"]
    statuses = check_fonts(FontSpec(), families)
    by_role = {s.role: s for s in statuses}
    assert not by_role["body"].installed and by_role["body"].substitute == "仿宋"
    assert by_role["heading1"].installed
    note = missing_fonts_note(statuses)
    assert note is not None
    assert "“仿宋_GB2312”（用于正文）未安装" in note and "“方正小标宋简体”（用于标题）" in note
    assert missing_fonts_note(check_fonts(FontSpec(body="宋体", title="宋体", heading2="宋体"),
                                          families)) is None  # fmt: skip


def test_second_instance_activates_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "library.db")
    assert first.claim()
    second = SingleInstance(tmp_path / "library.db")
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert not second.claim()
    other = SingleInstance(tmp_path / "other.db")
    assert other.claim()  # another library may run beside it
    first.release()
    other.release()
    third = SingleInstance(tmp_path / "library.db")
    assert third.claim()
    third.release()


def test_missing_fonts_are_a_dismissable_notice_with_details(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QToolButton

    from desktop.ui.fonts_check import FontsNotice, show_fonts_notice

    window = QMainWindow()
    qtbot.addWidget(window)
    window.statusBar().addPermanentWidget(QLabel("第12号 张三代表"))
    statuses = check_fonts(FontSpec(), ["仿宋", "楷体", "黑体", "宋体"])
    assert (
        show_fonts_notice(
            window,
            check_fonts(
                FontSpec(), ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"]
            ),
        )
        is None
    )
    notice = show_fonts_notice(window, statuses)
    assert isinstance(notice, FontsNotice)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    assert window.statusBar().currentMessage() == ""  # not over the case label any more
    text = notice.findChild(QLabel, "fontsNoticeText").text()
    assert text.startswith("3 ") and len(text) < 150
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    notice.findChild(QToolButton, "fontsNoticeDetails").click()
    assert shown and "“仿宋_GB2312”（用于正文）未安装" in shown[0]
    notice.findChild(QToolButton, "fontsNoticeClose").click()
    assert not notice.isVisible()


def test_help_has_an_offline_user_guide_with_its_pictures(qtbot: QtBot) -> None:
    import re

    from PySide6.QtGui import QTextDocument

    from desktop.ui.guide_dialog import GuideDialog, guide_path

    page = guide_path().read_text(encoding="utf-8")
    pictures = re.findall(r'<img src="([^"]+)"', page)
    assert len(pictures) >= 4 and "http" not in page.replace("http-equiv", "")
    for name in pictures:
        assert (guide_path().parent / name).is_file(), name
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    document = dialog.browser.document()
    assert "答复助手使用说明" in document.toPlainText()
    assert "仍然导出" in document.toPlainText()
    for name in pictures:  # the browser found each picture beside the page
        image = document.resource(QTextDocument.ResourceType.ImageResource, name)
        assert image is not None and not image.isNull(), name
