"""The import dialog offers and imports the new formats: a web page, an RTF letter and a
scanned PDF (refused with its reason in the row), and its file filter lists them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.context import AppContext
from desktop.ui.import_dialog import STATUS_ROLE, ImportDialog
from tests.formats import image_only_pdf
from tests.unit.test_rtf_import import _word_style_rtf
from tests.unit.test_web_import import _portal_page


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(tmp_path / "library.db")
    yield ctx
    ctx.close()


def test_a_folder_of_pages_rtf_and_a_scan(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "归档"
    folder.mkdir()
    (folder / "答复网页.htm").write_bytes(_portal_page("gb2312").encode("gb18030"))
    (folder / "答复.rtf").write_bytes(_word_style_rtf())
    (folder / "扫描件.pdf").write_bytes(image_only_pdf())
    dialog = ImportDialog(context, [folder])
    qtbot.addWidget(dialog)
    dialog.show()
    intro = dialog.findChildren(QLabel)[0].text()
    assert ".rtf" in intro and "PDF" in intro and ".mht" in intro

    with qtbot.waitSignal(dialog.importFinished, timeout=60000) as finished:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert finished.args == [2, 0, 1, False]
    rows = {
        dialog.table.item(r, 0).text(): (
            dialog.table.item(r, 1).data(STATUS_ROLE),
            dialog.table.item(r, 2).text(),
        )
        for r in range(dialog.table.rowCount())
    }
    scan = next(v for k, v in rows.items() if "扫描件.pdf" in k)
    assert scan[0] == "failed" and "没有文字层" in scan[1]
    assert sorted(v[0] for v in rows.values()) == ["failed", "imported", "imported"]

    offered: list[str] = []

    def fake_open(*args: object, **kwargs: object) -> tuple[list[str], str]:
        offered.append(str(args[3]))
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    dialog.choose_files()
    for pattern in ("*.pdf", "*.html", "*.htm", "*.mht", "*.mhtml", "*.rtf", "*.docx"):
        assert pattern in offered[0]
