"""The Templates tab's list: a model of sections and their templates, drawn by its delegate
as the tree it replaced (sections bold, templates indented, the clerk's copies in italics)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QListView, QPlainTextEdit, QPushButton, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.template_list import NAME_ROLE, TemplateListDelegate


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> Iterator[SettingsDialog]:
    context = AppContext(tmp_path / "l.db", store=LibraryStore(tmp_path / "l.db"),
                         templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    widget = SettingsDialog(context, settings=settings)
    qtbot.addWidget(widget)
    yield widget
    context.close()


def _rows(view: QListView) -> list[QModelIndex]:
    model = view.model()
    return [model.index(r, 0) for r in range(model.rowCount())]


def _row(view: QListView, name: str) -> QModelIndex:
    return next(i for i in _rows(view) if i.data(NAME_ROLE) == name)


def test_sections_head_their_templates(dialog: SettingsDialog) -> None:
    view = dialog.findChild(QListView, "templateList")
    rows = _rows(view)
    shipped = sorted(p.name for p in dialog.templates.shipped.glob("*.j2"))
    assert sorted(i.data(NAME_ROLE) for i in rows if i.data(NAME_ROLE)) == shipped
    sections = [i for i in rows if i.data(NAME_ROLE) is None]
    assert [i.data() for i in sections][:3] == ["Title", "Salutation", "Greeting"]
    for index in sections:
        assert index.data(Qt.ItemDataRole.FontRole).bold()
        assert not index.flags() & Qt.ItemFlag.ItemIsSelectable
    # each template sits below its section's row
    section_of_row = ""
    for index in rows:
        name = index.data(NAME_ROLE)
        if name is None:
            section_of_row = index.data()
        elif name == "greeting.j2":
            assert section_of_row == "Greeting" and index.data() == "Default"
            assert index.data(Qt.ItemDataRole.ToolTipRole) == "greeting.j2"
    co = [i.data() for i in rows if (i.data(NAME_ROLE) or "").startswith("greeting.co")]
    assert co and all(text.startswith("Co-organizer opinion") for text in co)
    # the delegate indents templates, not sections
    delegate = view.itemDelegate()
    for index, indent in ((sections[0], 0), (_row(view, "greeting.j2"), 14)):
        option = QStyleOptionViewItem()
        option.rect = view.visualRect(index)
        delegate.initStyleOption(option, index)
        assert option.rect.left() == view.visualRect(index).left() + indent
        assert option.text == index.data()
    assert TemplateListDelegate.INDENT == 14


def test_choosing_a_section_shows_its_default_template(dialog: SettingsDialog) -> None:
    view = dialog.findChild(QListView, "templateList")
    plan = next(i for i in _rows(view) if i.data() == "Next steps" and i.data(NAME_ROLE) is None)
    view.setCurrentIndex(plan)
    assert view.currentIndex().data(NAME_ROLE) == "plan.j2"
    editor = dialog.findChild(QPlainTextEdit, "templateEditor")
    assert editor.toPlainText() == (dialog.templates.shipped / "plan.j2").read_text("utf-8")


def test_edited_and_unsaved_templates_are_marked(
    qtbot: QtBot, dialog: SettingsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = dialog.findChild(QListView, "templateList")
    dialog.select_template("closing.j2")
    assert _row(view, "closing.j2").data() == "Default"
    dialog.findChild(QPlainTextEdit, "templateEditor").setPlainText("此复。")
    assert _row(view, "closing.j2").data() == "Default *"  # not saved yet
    assert not _row(view, "closing.j2").data(Qt.ItemDataRole.FontRole).italic()
    dialog.findChild(QPushButton, "templateSave").click()
    saved = _row(view, "closing.j2")
    assert saved.data() == "Default (edited)"
    assert saved.data(Qt.ItemDataRole.FontRole).italic()
    assert view.currentIndex().data(NAME_ROLE) == "closing.j2"
