"""Settings: agency profile and seal, answer categories, fonts, reply templates, language.

Tabs (``settingsTabs``):

- **Agency** — every ``AgencyProfile`` text/number field (``agencyName``, ``agencySigner``,
  ``agencyContactName``, ``agencyContactPhone``, ``agencyCc``, ``agencyDocPrefix``,
  ``agencyWorkField``, ``agencyFeedbackForm``, ``agencyTextLimit``, ``agencyDueMonths``) and the
  seal: ``sealChoose`` picks a PNG/JPEG checked with ``check_seal_image``, ``sealPreview`` shows
  it, ``sealDiameter`` sets its size (20–60 mm), ``sealMessage`` says what is wrong.
- **Categories** — ``categoryScheme`` (ABC / ABCD / 甲乙丙) with the meanings
  (``categoryMeanings``).
- **Fonts** — editable combos ``fontTitle`` … ``fontPageNumber``; ``font…Status`` says
  "(not installed)" when this PC lacks the font.
- **Templates** — ``templateList`` (every template file, shipped and the clerk's own),
  ``templateEditor`` (the clerk's copy in ``ReplyTemplates.override``; the shipped file is never
  written, the copy is made when an edited template is first saved), ``templatePreview``
  rendered with a sample case as you type (300 ms after the last key), ``templateError``
  ("Line 3: …", the line highlighted), ``templateSave`` and ``templateRestore``.
- **Language** — ``languageCombo`` stored in ``QSettings("ReplyDesk", "ReplyDesk")`` under
  ``ui/language`` (``zh_CN`` or ``en``), used from the next start.

OK checks every profile value with ``parse_profile_value`` (a ``ProfileError`` is shown under its
field, which gets the focus), stores what changed, the new seal and the unsaved templates, and
emits ``context.profileChanged``. Cancel drops everything not yet saved.
"""

from __future__ import annotations

import datetime as dt
import html
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSettings, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.casework import Case
from desktop.compose import template_context
from desktop.export_docx import SealError, check_seal_image
from desktop.letter_parser import heading_level
from desktop.model import FontSpec
from desktop.profile import (
    CATEGORY_SCHEMES,
    TEMPLATE_CATEGORY,
    AgencyProfile,
    ProfileError,
    parse_profile_value,
)
from desktop.reply_templates import (
    TEMPLATE_NAMES,
    ReplyTemplates,
    TemplateProblem,
    paragraphs_of,
    problem_of,
)
from desktop.safe_write import TargetLocked, WriteFailed, atomic_write
from desktop.ui.context import AppContext
from desktop.ui.fonts_check import SUBSTITUTES

SETTINGS_ORG = "ReplyDesk"
SETTINGS_APP = "ReplyDesk"
LANGUAGE_KEY = "ui/language"
LANGUAGES = (("中文（简体）", "zh_CN"), ("English", "en"))
DEFAULT_LANGUAGE = "zh_CN"

_ERROR_STYLE = "color: #b00020;"
_INVALID_STYLE = "border: 2px solid #d32f2f; border-radius: 3px;"
_WARN_STYLE = "color: #a15c00;"
_HINT_STYLE = "color: palette(mid);"
_SEAL_PREVIEW_PX = 150
# Fonts the national standard for official documents (GB/T 9704) names, offered first.
OFFICIAL_FONTS = (
    "方正小标宋简体",
    "仿宋_GB2312",
    "仿宋",
    "黑体",
    "楷体_GB2312",
    "楷体",
    "宋体",
)
FONT_KEYS = ("font_title", "font_body", "font_heading1", "font_heading2", "font_page_number")
_VARIANT_ORDER = {"": 0, "co": 1, "A": 2, "B": 3, "C": 4}


def template_sort_key(name: str) -> tuple[int, str, int, str]:
    section, *variants = name.removesuffix(".j2").split(".")
    variant = ".".join(variants)
    order = TEMPLATE_NAMES.index(section) if section in TEMPLATE_NAMES else len(TEMPLATE_NAMES)
    return order, section, _VARIANT_ORDER.get(variant, 9), variant


def sample_case(name: str, profile: AgencyProfile, sample: str = "single") -> Case:
    """A made-up case that fits the template ``name`` (co-organizer opinion, category)."""
    _section, *variants = name.removesuffix(".j2").split(".")
    letter = next((v for v in variants if v in ("A", "B", "C")), "A")
    category = next(
        (code for code in profile.categories if TEMPLATE_CATEGORY.get(code) == letter),
        next(iter(profile.categories), ""),
    )
    co = "co" in variants
    if sample == "member":
        case = Case(
            number="45",
            title="关于加快科技成果转化的提案",
            proposers=["李四"],
            role="委员",
            session="市政协十四届四次会议",
        )
    elif sample == "joint":
        case = Case(
            number="112",
            title="关于支持企业研发机构建设的建议",
            proposers=["张三", "李四"],
            proposer_count=5,
            session="市十六届人大四次会议",
        )
    else:
        case = Case(
            number="277",
            title="关于在南通市组织社会大众聚力创新的建议",
            proposers=["石剑波"],
            session="市十六届人大四次会议",
        )
    case.category = category
    case.content = "建议进一步营造大众创新创业氛围。"
    case.contact_name = profile.contact_name or "王明"
    case.contact_phone = profile.contact_phone or "0513-85000000"
    case.doc_number = f"{profile.doc_number_prefix or '通科函'}〔2020〕12号"
    if co:
        case.organizer = "co"
        case.main_organizer = "市发展改革委"
    else:
        case.co_organizers = ["市科协"]
    return case


# ====================================================================== the template editor
class _LineNumbers(QWidget):
    def __init__(self, editor: TemplateEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_gutter(self, event)


class TemplateEditor(QPlainTextEdit):
    """A plain-text editor with line numbers and one highlighted error line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.error_line: int | None = None
        self._gutter = _LineNumbers(self)
        self.blockCountChanged.connect(lambda _n: self._update_margins())
        self.updateRequest.connect(self._update_gutter)
        self._update_margins()

    def gutter_width(self) -> int:
        digits = max(2, len(str(self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_margins(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paint_gutter(self, gutter: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(gutter)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        block = self.firstVisibleBlock()
        number = block.blockNumber() + 1
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                if number == self.error_line:
                    painter.setPen(QColor("#b00020"))
                else:
                    painter.setPen(self.palette().placeholderText().color())
                painter.drawText(
                    0, top, gutter.width() - 5, height, Qt.AlignmentFlag.AlignRight, str(number)
                )
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1

    def set_error_line(self, line: int | None) -> None:
        """Highlight ``line`` (1-based) as the one with the error; None clears it."""
        self.error_line = line
        selections = []
        if line is not None:
            block = self.document().findBlockByNumber(line - 1)
            if block.isValid():
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(QColor("#ffd6d6"))
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                cursor = QTextCursor(block)
                cursor.clearSelection()
                selection.cursor = cursor
                selections.append(selection)
        self.setExtraSelections(selections)
        self._gutter.update()


# ====================================================================== the dialog
class SettingsDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.context = context
        self.profile = context.profile()
        self.settings = settings or QSettings(SETTINGS_ORG, SETTINGS_APP)
        self._field_widgets: dict[str, QWidget] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._field_tab: dict[str, int] = {}
        self.error_key: str | None = None
        self._seal_pending: tuple[str, bytes] | None = None
        self._seal_path: Path | None = None  # the picked file, to recheck with a new diameter
        self._buffers: dict[str, str] = {}  # template name → edited text not yet saved
        self._template_name: str | None = None
        self._scratch = tempfile.TemporaryDirectory(prefix="replydesk-tpl-")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self._agency_tab(), self.tr("Agency"))
        self.tabs.addTab(self._categories_tab(), self.tr("Categories"))
        self.tabs.addTab(self._fonts_tab(), self.tr("Fonts"))
        self.tabs.addTab(self._templates_tab(), self.tr("Templates"))
        self.tabs.addTab(self._language_tab(), self.tr("Language"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(940, 680)
        self.finished.connect(self._closed)

    def _closed(self, _result: int) -> None:
        self._preview_timer.stop()
        self._scratch.cleanup()

    # ------------------------------------------------------------------ helpers
    def _row(self, form: QFormLayout, tab: int, key: str, label: str, widget: QWidget) -> None:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = QLabel(box)
        error.setObjectName(f"settingsError_{key}")
        error.setStyleSheet(_ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        form.addRow(label, box)
        self._field_widgets[key] = widget
        self._error_labels[key] = error
        self._field_tab[key] = tab

    def _line(self, name: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    # ================================================================== (a) agency
    def _agency_tab(self) -> QWidget:
        p = self.profile
        self.agency_name = self._line("agencyName", p.agency_name, self.tr("e.g. 南通市科学技术局"))
        self.signer = self._line("agencySigner", p.signer, self.tr("Printed as 签发人 when set"))
        self.contact_name = self._line("agencyContactName", p.contact_name)
        self.contact_phone = self._line(
            "agencyContactPhone", p.contact_phone, self.tr("e.g. 0513-85000000")
        )
        self.cc = self._line("agencyCc", "、".join(p.cc), self.tr("Separate units with 、"))
        self.doc_prefix = self._line("agencyDocPrefix", p.doc_number_prefix, self.tr("e.g. 通科函"))
        self.work_field = self._line("agencyWorkField", p.work_field, self.tr("e.g. 科技"))
        self.work_field.setToolTip(
            self.tr("Used in the thanks: 衷心感谢您对我市……工作的关心和支持")
        )
        self.feedback_form = QCheckBox(
            self.tr("Ask the deputy to return the feedback form (征询意见表)"), self
        )
        self.feedback_form.setObjectName("agencyFeedbackForm")
        self.feedback_form.setChecked(p.feedback_form)
        self.text_limit = QSpinBox(self)
        self.text_limit.setObjectName("agencyTextLimit")
        self.text_limit.setRange(1, 100_000)
        self.text_limit.setSingleStep(100)
        self.text_limit.setValue(p.text_limit)
        self.text_limit.setSuffix(self.tr(" characters"))
        self.text_limit.setToolTip(
            self.tr("Warn when the plain-text body for an online handling system is longer.")
        )
        self.due_months = QSpinBox(self)
        self.due_months.setObjectName("agencyDueMonths")
        self.due_months.setRange(1, 24)
        self.due_months.setValue(p.due_months)
        self.due_months.setSuffix(self.tr(" months after assignment"))

        page = QWidget(self)
        profile_box = QGroupBox(self.tr("Profile"), page)
        form = QFormLayout(profile_box)
        self._row(form, 0, "agency_name", self.tr("Agency name (signature)"), self.agency_name)
        self._row(form, 0, "signer", self.tr("Signer"), self.signer)
        self._row(form, 0, "contact_name", self.tr("Default contact"), self.contact_name)
        self._row(form, 0, "contact_phone", self.tr("Contact phone"), self.contact_phone)
        self._row(form, 0, "cc", self.tr("Copy to"), self.cc)
        self._row(form, 0, "doc_number_prefix", self.tr("Document number prefix"), self.doc_prefix)
        self._row(form, 0, "work_field", self.tr("Work field"), self.work_field)
        self._row(form, 0, "feedback_form", self.tr("Feedback form"), self.feedback_form)
        self._row(form, 0, "text_limit", self.tr("Plain-text limit"), self.text_limit)
        self._row(form, 0, "due_months", self.tr("Deadline"), self.due_months)

        seal_box = QGroupBox(self.tr("Seal"), page)
        self.seal_preview = QLabel(seal_box)
        self.seal_preview.setObjectName("sealPreview")
        self.seal_preview.setFixedSize(_SEAL_PREVIEW_PX + 10, _SEAL_PREVIEW_PX + 10)
        self.seal_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seal_preview.setStyleSheet(
            "background: white; border: 1px solid palette(mid); color: #777;"
        )
        self.seal_name = QLabel(seal_box)
        self.seal_name.setObjectName("sealName")
        self.seal_name.setWordWrap(True)
        self.seal_choose = QPushButton(self.tr("Choose seal image…"), seal_box)
        self.seal_choose.setObjectName("sealChoose")
        self.seal_choose.clicked.connect(self._choose_seal)
        self.seal_diameter = QDoubleSpinBox(seal_box)
        self.seal_diameter.setObjectName("sealDiameter")
        self.seal_diameter.setRange(20.0, 60.0)
        self.seal_diameter.setDecimals(1)
        self.seal_diameter.setSingleStep(1.0)
        self.seal_diameter.setSuffix(" mm")
        self.seal_diameter.setValue(p.seal_diameter_mm)
        self.seal_message = QLabel(seal_box)
        self.seal_message.setObjectName("sealMessage")
        self.seal_message.setWordWrap(True)
        self.seal_message.setStyleSheet(_ERROR_STYLE)
        self.seal_message.hide()
        hint = QLabel(
            self.tr(
                "A PNG with a transparent background looks best; it is pressed over the agency"
                " name and date. Common sizes: 42, 45 or 50 mm."
            ),
            seal_box,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(_HINT_STYLE)
        diameter_row = QHBoxLayout()
        diameter_row.addWidget(QLabel(self.tr("Diameter"), seal_box))
        diameter_row.addWidget(self.seal_diameter)
        diameter_row.addStretch(1)
        seal_layout = QVBoxLayout(seal_box)
        seal_layout.addWidget(self.seal_preview, 0, Qt.AlignmentFlag.AlignHCenter)
        seal_layout.addWidget(self.seal_name)
        seal_layout.addWidget(self.seal_choose)
        seal_layout.addLayout(diameter_row)
        seal_layout.addWidget(self.seal_message)
        seal_layout.addWidget(hint)
        seal_layout.addStretch(1)
        self._field_widgets["seal_diameter_mm"] = self.seal_diameter
        self._error_labels["seal_diameter_mm"] = self.seal_message
        self._field_tab["seal_diameter_mm"] = 0

        stored = self.context.store.get_profile_file("seal_image")
        if stored is not None:
            self._show_seal(stored[0], stored[1])
        else:
            self.seal_preview.setText(self.tr("No seal image"))

        layout = QHBoxLayout(page)
        layout.addWidget(profile_box, 3)
        layout.addWidget(seal_box, 2)
        return page

    def _show_seal(self, name: str, data: bytes) -> None:
        pixmap = QPixmap()
        if pixmap.loadFromData(data):
            self.seal_preview.setPixmap(
                pixmap.scaled(
                    _SEAL_PREVIEW_PX,
                    _SEAL_PREVIEW_PX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.seal_preview.setText(self.tr("Cannot show this image"))
        self.seal_name.setText(name)

    def _choose_seal(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the seal image"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if path:
            self.set_seal_file(Path(path))

    def set_seal_file(self, path: Path) -> bool:
        """Check and show a seal image; it is stored when the dialog is accepted."""
        self.seal_message.hide()
        try:
            check_seal_image(path, self.seal_diameter.value())
            data = path.read_bytes()
        except SealError as exc:
            self.seal_message.setText(exc.message)
            self.seal_message.show()
            return False
        except OSError as exc:
            self.seal_message.setText(
                self.tr("Cannot read {name}: {reason}").format(name=path.name, reason=exc)
            )
            self.seal_message.show()
            return False
        self._seal_pending = (path.name, data)
        self._seal_path = path
        self._show_seal(path.name, data)
        return True

    # ================================================================== (b) categories
    def _categories_tab(self) -> QWidget:
        page = QWidget(self)
        self.scheme = QComboBox(page)
        self.scheme.setObjectName("categoryScheme")
        for name in CATEGORY_SCHEMES:
            self.scheme.addItem(name, name)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(self.profile.category_scheme)))
        self.scheme_meanings = QLabel(page)
        self.scheme_meanings.setObjectName("categoryMeanings")
        self.scheme_meanings.setTextFormat(Qt.TextFormat.RichText)
        self.scheme_meanings.setWordWrap(True)
        self.scheme_meanings.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scheme.currentIndexChanged.connect(lambda _i: self._show_scheme())
        note = QLabel(
            self.tr(
                "The category is printed at the top right of page 1 (e.g. “A类”). The reply"
                " templates are written for A, B and C: D uses the C templates, 甲/乙/丙 use"
                " A/B/C."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setStyleSheet(_HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Scheme"), self.scheme)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.scheme_meanings)
        layout.addWidget(note)
        layout.addStretch(1)
        self._show_scheme()
        return page

    def _show_scheme(self) -> None:
        scheme = CATEGORY_SCHEMES[self.scheme.currentData()]
        rows = "".join(
            f"<tr><td style='padding:4px 16px 4px 0'><b>{html.escape(code)}类</b></td>"
            f"<td style='padding:4px 0'>{html.escape(meaning)}</td></tr>"
            for code, meaning in scheme.items()
        )
        self.scheme_meanings.setText(f"<table>{rows}</table>")

    # ================================================================== (c) fonts
    def _fonts_tab(self) -> QWidget:
        page = QWidget(self)
        installed = QFontDatabase.families()
        self._installed_fonts = set(installed)
        choices = list(OFFICIAL_FONTS) + [f for f in installed if f not in OFFICIAL_FONTS]
        labels = {
            "font_title": self.tr("Title"),
            "font_body": self.tr("Body text"),
            "font_heading1": self.tr("Headings 一、"),
            "font_heading2": self.tr("Headings （一）"),
            "font_page_number": self.tr("Page numbers"),
        }
        defaults = FontSpec()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.font_combos: dict[str, QComboBox] = {}
        self.font_status: dict[str, QLabel] = {}
        self.font_samples: dict[str, QLabel] = {}
        for row, key in enumerate(FONT_KEYS):
            camel = "font" + "".join(w.capitalize() for w in key.split("_")[1:])
            combo = QComboBox(page)
            combo.setObjectName(camel)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(choices)
            combo.setEditText(getattr(self.profile, key))
            combo.setToolTip(
                self.tr("Default: {font}").format(font=getattr(defaults, key.removeprefix("font_")))
            )
            combo.setMinimumWidth(220)
            status = QLabel(page)
            status.setObjectName(camel + "Status")
            status.setStyleSheet(_WARN_STYLE)
            sample = QLabel("关于……的答复 2020年", page)
            sample.setObjectName(camel + "Sample")
            error = QLabel(page)
            error.setObjectName(f"settingsError_{key}")
            error.setStyleSheet(_ERROR_STYLE)
            error.hide()
            grid.addWidget(QLabel(labels[key], page), row * 2, 0)
            grid.addWidget(combo, row * 2, 1)
            grid.addWidget(status, row * 2, 2)
            grid.addWidget(sample, row * 2, 3)
            grid.addWidget(error, row * 2 + 1, 1, 1, 3)
            self.font_combos[key] = combo
            self.font_status[key] = status
            self.font_samples[key] = sample
            self._field_widgets[key] = combo
            self._error_labels[key] = error
            self._field_tab[key] = 2
            combo.editTextChanged.connect(lambda _t, k=key: self._font_changed(k))
            self._font_changed(key)
        note = QLabel(
            self.tr(
                "The font names are written into the Word file. Word uses them on a PC where"
                " they are installed; “(not installed)” means this PC lacks the font, so the"
                " preview and the PDF use a substitute."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setStyleSheet(_HINT_STYLE)
        layout = QVBoxLayout(page)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _font_changed(self, key: str) -> None:
        name = self.font_combos[key].currentText().strip()
        missing = bool(name) and name not in self._installed_fonts
        substitute = next(
            (f for f in SUBSTITUTES.get(name, []) if f in self._installed_fonts), None
        )
        status = self.font_status[key]
        status.setText(self.tr("(not installed)") if missing else "")
        if missing and substitute:
            status.setToolTip(self.tr("This PC shows {font} instead.").format(font=substitute))
        elif missing:
            status.setToolTip(self.tr("This PC shows its default font instead."))
        else:
            status.setToolTip("")
        font = QFont(self.font())
        shown = name if not missing else substitute
        if shown:
            font.setFamilies([shown])
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.2)
        self.font_samples[key].setFont(font)

    # ================================================================== (d) templates
    def _templates_tab(self) -> QWidget:
        page = QWidget(self)
        self.template_list = QTreeWidget(page)
        self.template_list.setObjectName("templateList")
        self.template_list.setHeaderHidden(True)
        self.template_list.setRootIsDecorated(False)
        self.template_list.setIndentation(14)
        self.template_list.currentItemChanged.connect(self._template_selected)
        self.template_editor = TemplateEditor(page)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setFamilies([font.family(), "Noto Sans CJK SC", "Microsoft YaHei", "SimSun"])
        self.template_editor.setFont(font)
        self.template_editor.textChanged.connect(self._template_edited)
        self.template_where = QLabel(page)
        self.template_where.setObjectName("templateWhere")
        self.template_where.setWordWrap(True)
        self.template_where.setStyleSheet(_HINT_STYLE)
        self.template_error = QLabel(page)
        self.template_error.setObjectName("templateError")
        self.template_error.setWordWrap(True)
        self.template_error.setStyleSheet(_ERROR_STYLE)
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

        preview_box = QWidget(page)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        sample_row = QHBoxLayout()
        sample_row.addWidget(QLabel(self.tr("Preview with"), preview_box))
        sample_row.addWidget(self.template_sample, 1)
        preview_layout.addLayout(sample_row)
        preview_layout.addWidget(self.template_preview, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(self.template_list)
        splitter.addWidget(editor_box)
        splitter.addWidget(preview_box)
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
        help_label.setStyleSheet(_HINT_STYLE)
        layout = QVBoxLayout(page)
        layout.addWidget(splitter, 1)
        layout.addWidget(help_label)
        self._fill_template_list()
        return page

    @property
    def templates(self) -> ReplyTemplates:
        return self.context.templates

    def template_names(self) -> list[str]:
        names = {p.name for p in self.templates.shipped.glob("*.j2")}
        if self.templates.override.is_dir():
            names |= {p.name for p in self.templates.override.glob("*.j2")}
        return sorted(names, key=template_sort_key)

    def _section_label(self, section: str) -> str:
        return {
            "title": self.tr("Title"),
            "salutation": self.tr("Salutation"),
            "greeting": self.tr("Greeting"),
            "status": self.tr("What was done"),
            "plan": self.tr("Next steps"),
            "closing": self.tr("Closing"),
            "contact": self.tr("Contact note"),
        }.get(section, section)

    def _variant_label(self, name: str) -> str:
        _section, *variants = name.removesuffix(".j2").split(".")
        if not variants:
            return self.tr("Default")
        parts = [
            self.tr("Co-organizer opinion")
            if v == "co"
            else self.tr("Category {code}").format(code=v)
            for v in variants
        ]
        return self.tr(", ").join(parts)

    def _is_edited(self, name: str) -> bool:
        return (self.templates.override / name).is_file()

    def _decorate(self, item: QTreeWidgetItem, name: str) -> None:
        text = self._variant_label(name)
        if self._is_edited(name):
            text += " " + self.tr("(edited)")
        if name in self._buffers:
            text += " *"
        item.setText(0, text)
        item.setToolTip(0, name)
        font = item.font(0)
        font.setItalic(self._is_edited(name))
        item.setFont(0, font)

    def _fill_template_list(self, select: str | None = None) -> None:
        current = select or self._template_name
        chosen: QTreeWidgetItem | None = None
        with QSignalBlocker(self.template_list):
            self.template_list.clear()
            sections: dict[str, QTreeWidgetItem] = {}
            for name in self.template_names():
                section = name.split(".")[0]
                parent = sections.get(section)
                if parent is None:
                    parent = QTreeWidgetItem(self.template_list, [self._section_label(section)])
                    parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    bold = parent.font(0)
                    bold.setBold(True)
                    parent.setFont(0, bold)
                    parent.setExpanded(True)
                    sections[section] = parent
                item = QTreeWidgetItem(parent)
                item.setData(0, Qt.ItemDataRole.UserRole, name)
                self._decorate(item, name)
                if chosen is None or name == current:
                    chosen = item
            self.template_list.expandAll()
        self._template_name = None
        if chosen is not None:
            self.template_list.setCurrentItem(chosen)

    def _items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for i in range(self.template_list.topLevelItemCount()):
            top = self.template_list.topLevelItem(i)
            if top is None:
                continue
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None:
                    items.append(child)
        return items

    def _refresh_item(self, name: str) -> None:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == name:
                self._decorate(item, name)

    def select_template(self, name: str) -> None:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == name:
                self.template_list.setCurrentItem(item)
                return
        raise KeyError(name)

    def _stored_text(self, name: str) -> str:
        edited = self.templates.override / name
        path = edited if edited.is_file() else self.templates.shipped / name
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def _template_selected(self, item: QTreeWidgetItem | None, _previous: Any) -> None:
        name = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if name is None and item is not None:  # a section: show its default template
            first = item.child(0) if item.childCount() else None
            if first is not None:
                self.template_list.setCurrentItem(first)
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
        scratch = Path(self._scratch.name)
        scratch.mkdir(parents=True, exist_ok=True)
        path = scratch / name
        path.write_text(text, encoding="utf-8")
        context = self.sample_context(name)
        section, *variants = name.removesuffix(".j2").split(".")
        try:
            problem = self.templates.check(path, context)
            if problem is not None:
                return "", problem
            rendered, _ = ReplyTemplates(shipped=scratch, override=scratch / "-").render(
                section, context, variants
            )
        except Exception as exc:  # a sandboxed template can still divide by zero …
            return "", problem_of(exc, name)
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

    # ================================================================== (e) language
    def _language_tab(self) -> QWidget:
        page = QWidget(self)
        self.language = QComboBox(page)
        self.language.setObjectName("languageCombo")
        for label, code in LANGUAGES:
            self.language.addItem(label, code)
        current = str(self.settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE))
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        note = QLabel(self.tr("The new language is used the next time ReplyDesk starts."), page)
        note.setObjectName("languageNote")
        note.setStyleSheet(_HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Language of the window"), self.language)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    # ================================================================== saving
    def raw_values(self) -> dict[str, str]:
        """Every profile value as ``profile set`` text (what ``parse_profile_value`` reads)."""
        values = {
            "agency_name": self.agency_name.text(),
            "signer": self.signer.text(),
            "contact_name": self.contact_name.text(),
            "contact_phone": self.contact_phone.text(),
            "cc": self.cc.text(),
            "doc_number_prefix": self.doc_prefix.text(),
            "work_field": self.work_field.text(),
            "feedback_form": "是" if self.feedback_form.isChecked() else "否",
            "text_limit": str(self.text_limit.value()),
            "due_months": str(self.due_months.value()),
            "seal_diameter_mm": f"{self.seal_diameter.value():g}",
            "category_scheme": str(self.scheme.currentData()),
        }
        for key, combo in self.font_combos.items():
            values[key] = combo.currentText()
        return values

    def parsed_values(self) -> dict[str, Any] | None:
        """The parsed profile values, or None after showing the first problem."""
        parsed: dict[str, Any] = {}
        for key, raw in self.raw_values().items():
            try:
                value = parse_profile_value(key, raw)
            except ProfileError as exc:
                self.show_error(key, exc.message)
                return None
            if key in FONT_KEYS and not value:
                self.show_error(key, self.tr("Enter a font name."))
                return None
            parsed[key] = value
        return parsed

    def collected_profile(self) -> AgencyProfile | None:
        """The profile as the dialog shows it now (None while a value is invalid)."""
        data = self.profile.to_json()
        for key, raw in self.raw_values().items():
            try:
                data[key] = parse_profile_value(key, raw)
            except ProfileError:
                return None
        return AgencyProfile.from_json(data)

    def show_error(self, key: str, message: str) -> None:
        self.error_key = key
        label = self._error_labels[key]
        widget = self._field_widgets[key]
        label.setText(message)
        label.show()
        widget.setStyleSheet(_INVALID_STYLE)
        self.tabs.setCurrentIndex(self._field_tab[key])
        widget.setFocus()

    def clear_errors(self) -> None:
        self.error_key = None
        for key, label in self._error_labels.items():
            label.hide()
            self._field_widgets[key].setStyleSheet("")

    def accept(self) -> None:
        self.clear_errors()
        values = self.parsed_values()
        if values is None:
            return
        if self._seal_path is not None and self._seal_pending is not None:
            try:
                check_seal_image(self._seal_path, values["seal_diameter_mm"])
            except SealError as exc:
                self.show_error("seal_diameter_mm", exc.message)
                return
        for name, text in list(self._buffers.items()):
            if not self._write_template(name, text):
                self.tabs.setCurrentIndex(3)
                self.select_template(name)
                return
        store = self.context.store
        current = self.profile.to_json()
        for key, value in values.items():
            if current.get(key) != value:
                store.set_profile_value(key, value)
        if self._seal_pending is not None:
            store.set_profile_file("seal_image", *self._seal_pending)
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self.settings.sync()
        self.context.profileChanged.emit()
        super().accept()
