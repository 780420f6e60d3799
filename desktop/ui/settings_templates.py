"""Settings, Templates tab: the reply templates, edited with a live preview."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import (
    QFontDatabase,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.compose import template_context
from desktop.reply_templates import (
    ReplyTemplates,
    TemplateProblem,
    paragraphs_of,
)
from desktop.safe_write import TargetLocked, WriteFailed, atomic_write
from desktop.ui.settings_base import (
    ERROR_STYLE,
    HINT_STYLE,
    SettingsBase,
)
from desktop.ui.template_editor import TemplateEditor
from desktop.ui.template_list import NAME_ROLE, TemplateListDelegate, TemplateListModel
from desktop.ui.template_samples import sample_case, template_sort_key
from desktop.understand import heading_level

# ====================================================================== the dialog


class TemplatesTab(SettingsBase):
    # ================================================================== (d) templates
    def _templates_tab(self) -> QWidget:
        page = QWidget(self)
        self._make_template_widgets(page)
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(self.template_list)
        splitter.addWidget(self._editor_box(page))
        splitter.addWidget(self._preview_box(page))
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([190, 420, 300])
        help_label = QLabel(
            self.tr(
                "Variables in {{ … }} are filled from the case and the profile, e.g."
                " {{ addressee }}, {{ title }}, {{ we }}. A blank line starts a new paragraph."
                " A template with an error is not used: the shipped one is used instead."
            ),
            page,
        )
        help_label.setWordWrap(True)
        help_label.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(page)
        layout.addWidget(splitter, 1)
        layout.addWidget(help_label)
        self._fill_template_list()
        return page

    def _make_template_widgets(self, page: QWidget) -> None:
        self.template_model = TemplateListModel(
            self._is_edited, lambda name: name in self._buffers, page
        )
        self.template_list = QListView(page)
        self.template_list.setObjectName("templateList")
        self.template_list.setModel(self.template_model)
        self.template_list.setItemDelegate(TemplateListDelegate(self.template_list))
        self.template_list.selectionModel().currentChanged.connect(self._template_selected)
        self.template_editor = TemplateEditor(page)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setFamilies([font.family(), "Noto Sans CJK SC", "Microsoft YaHei", "SimSun"])
        self.template_editor.setFont(font)
        self.template_editor.textChanged.connect(self._template_edited)
        self.template_where = QLabel(page)
        self.template_where.setObjectName("templateWhere")
        self.template_where.setWordWrap(True)
        self.template_where.setStyleSheet(HINT_STYLE)
        self.template_error = QLabel(page)
        self.template_error.setObjectName("templateError")
        self.template_error.setWordWrap(True)
        self.template_error.setStyleSheet(ERROR_STYLE)
        self.template_preview = QTextBrowser(page)
        self.template_preview.setObjectName("templatePreview")
        self.template_sample = QComboBox(page)
        self.template_sample.setObjectName("templateSample")
        self.template_sample.addItem(self.tr("One deputy"), "single")
        self.template_sample.addItem(self.tr("Joint suggestion (5 deputies)"), "joint")
        self.template_sample.addItem(self.tr("CPPCC member"), "member")
        self.template_sample.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.template_save = QPushButton(self.tr("Save template"), page)
        self.template_save.setObjectName("templateSave")
        self.template_save.clicked.connect(self.save_current_template)
        self.template_restore = QPushButton(self.tr("Restore default"), page)
        self.template_restore.setObjectName("templateRestore")
        self.template_restore.clicked.connect(self.restore_current_template)
        self._preview_timer = QTimer(self, singleShot=True, interval=300)
        self._preview_timer.timeout.connect(self.update_preview)

    def _editor_box(self, page: QWidget) -> QWidget:
        editor_box = QWidget(page)
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.template_where)
        editor_layout.addWidget(self.template_editor, 1)
        editor_layout.addWidget(self.template_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_save)
        buttons.addWidget(self.template_restore)
        buttons.addStretch(1)
        editor_layout.addLayout(buttons)
        return editor_box

    def _preview_box(self, page: QWidget) -> QWidget:
        preview_box = QWidget(page)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        sample_row = QHBoxLayout()
        sample_row.addWidget(QLabel(self.tr("Preview with"), preview_box))
        sample_row.addWidget(self.template_sample, 1)
        preview_layout.addLayout(sample_row)
        preview_layout.addWidget(self.template_preview, 1)
        return preview_box

    @property
    def templates(self) -> ReplyTemplates:
        return self.context.templates

    def template_names(self) -> list[str]:
        names = {p.name for p in self.templates.shipped.glob("*.j2")}
        if self.templates.override.is_dir():
            names |= {p.name for p in self.templates.override.glob("*.j2")}
        return sorted(names, key=template_sort_key)

    def _is_edited(self, name: str) -> bool:
        return (self.templates.override / name).is_file()

    def _fill_template_list(self, select: str | None = None) -> None:
        current = select or self._template_name
        names = self.template_names()
        with QSignalBlocker(self.template_list.selectionModel()):
            self.template_model.set_names(names)
        self._template_name = None
        chosen = current if current in names else (names[0] if names else None)
        if chosen is not None:
            self.select_template(chosen)

    def _refresh_item(self, name: str) -> None:
        self.template_model.refresh(name)

    def select_template(self, name: str) -> None:
        row = self.template_model.row_of(name)
        if row is None:
            raise KeyError(name)
        self.template_list.setCurrentIndex(self.template_model.index(row))

    def _stored_text(self, name: str) -> str:
        edited = self.templates.override / name
        path = edited if edited.is_file() else self.templates.shipped / name
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def _template_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        name = current.data(NAME_ROLE) if current.isValid() else None
        if name is None and current.isValid():  # a section: show its default template
            first = self.template_model.first_template_row(current.row())
            if first is not None:
                self.template_list.setCurrentIndex(self.template_model.index(first))
            return
        self._template_name = name
        with QSignalBlocker(self.template_editor):
            text = "" if name is None else self._buffers.get(name, self._stored_text(name))
            self.template_editor.setPlainText(text)
        self.template_editor.set_error_line(None)
        self._update_where()
        self.update_preview()

    def _update_where(self) -> None:
        name = self._template_name
        if name is None:
            self.template_where.setText("")
            self.template_restore.setEnabled(False)
            self.template_save.setEnabled(False)
            return
        target = self.templates.override / name
        if self._is_edited(name):
            text = self.tr("Your copy: {path}").format(path=target)
        elif name in self._buffers:
            text = self.tr("Not saved yet. Your copy will be kept as {path}").format(path=target)
        else:
            text = self.tr(
                "Shipped template. When you change it, your copy is kept in {path}"
            ).format(path=target.parent)
        self.template_where.setText(text)
        self.template_restore.setEnabled(self._is_edited(name) or name in self._buffers)
        self.template_save.setEnabled(name in self._buffers)

    def _template_edited(self) -> None:
        name = self._template_name
        if name is None:
            return
        text = self.template_editor.toPlainText()
        if text == self._stored_text(name):
            self._buffers.pop(name, None)
        else:
            self._buffers[name] = text
        self._refresh_item(name)
        self._update_where()
        self._preview_timer.start()

    def sample_context(self, name: str) -> dict[str, Any]:
        profile = self.collected_profile() or self.profile
        case = sample_case(name, profile, self.template_sample.currentData() or "single")
        return template_context(case, profile, dt.date.today().isoformat())

    def check_text(self, name: str, text: str) -> tuple[str, TemplateProblem | None]:
        """Render ``text`` as the template ``name`` with the sample case: (text, problem)."""
        rendered, problem = self.templates.render_source(text, name, self.sample_context(name))
        if problem is not None:
            return "", problem
        if "{{" in rendered or "{%" in rendered:
            return rendered, TemplateProblem(name, None, self.tr("the output still has {{ or {%"))
        return rendered, None

    def update_preview(self) -> None:
        self._preview_timer.stop()
        name = self._template_name
        if name is None:
            self.template_preview.clear()
            return
        rendered, problem = self.check_text(name, self.template_editor.toPlainText())
        if problem is not None:
            if problem.line:
                message = self.tr("Line {line}: {message}").format(
                    line=problem.line, message=problem.message
                )
            else:
                message = problem.message
            self.template_error.setText(message)
            self.template_error.show()
            self.template_editor.set_error_line(problem.line)
            self.template_preview.setEnabled(False)
            return
        self.template_error.setText("")
        self.template_error.hide()
        self.template_editor.set_error_line(None)
        self.template_preview.setEnabled(True)
        paragraphs = paragraphs_of(rendered)
        parts = []
        for text in paragraphs:
            escaped = html.escape(text)
            if name.startswith("title"):
                parts.append(f"<p align='center' style='font-size:15pt'><b>{escaped}</b></p>")
            elif name.startswith("salutation"):
                parts.append(f"<p>{escaped}</p>")
            elif heading_level(text) in (1, 2):
                parts.append(f"<p style='text-indent:2em'><b>{escaped}</b></p>")
            else:
                parts.append(f"<p style='text-indent:2em'>{escaped}</p>")
        if not parts:
            parts.append(f"<p style='color:gray'>{html.escape(self.tr('(empty)'))}</p>")
        self.template_preview.setHtml("".join(parts))

    def _write_template(self, name: str, text: str) -> bool:
        folder = self.templates.override
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write(folder / name, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        except (TargetLocked, WriteFailed) as exc:
            QMessageBox.warning(self, self.tr("Cannot save the template"), exc.message)
            return False
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save the template"), str(exc))
            return False
        self._buffers.pop(name, None)
        self._templates_changed()
        return True

    def save_current_template(self) -> bool:
        name = self._template_name
        if name is None or name not in self._buffers:
            return False
        if not self._write_template(name, self._buffers[name]):
            return False
        self._refresh_item(name)
        self._update_where()
        return True

    def restore_current_template(self) -> bool:
        """Delete the clerk's copy of the current template (after asking); show the shipped one."""
        name = self._template_name
        if name is None:
            return False
        target = self.templates.override / name
        if target.is_file():
            answer = QMessageBox.question(
                self,
                self.tr("Restore default"),
                self.tr("Delete your copy of {name} and use the shipped template again?").format(
                    name=name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            try:
                target.unlink()
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Cannot delete the template"), str(exc))
                return False
            self._templates_changed()
        self._buffers.pop(name, None)
        if (self.templates.shipped / name).is_file():
            self._fill_template_list(select=name)
        else:
            self._template_name = None
            self._fill_template_list()
        return True

    def _templates_changed(self) -> None:
        """A template file changed: make sure the shared renderer sees the clerk's folder (it
        looks for it only when created) and tell the views."""
        templates = self.context.templates
        if templates.override.is_dir() and getattr(templates, "_override_env", None) is None:
            self.context.templates = ReplyTemplates(templates.shipped, templates.override)
        self.context.profileChanged.emit()
