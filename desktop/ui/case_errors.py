"""The case dialog's error display: a message under the field it is about."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QWidget

from desktop.ui.case_fields import INVALID_STYLE, DateField


class CaseErrors(QDialog):
    """Errors shown under the fields of :class:`desktop.ui.case_dialog.CaseDialog`."""

    error_field: str | None
    general_error: QLabel
    _error_labels: dict[str, QLabel]
    _field_widgets: dict[str, QWidget]
    _scroll: QScrollArea

    def show_error(self, field: str, message: str) -> None:
        self.error_field = field
        label = self._error_labels.get(field)
        widget = self._field_widgets.get(field)
        if label is None or widget is None:
            self.general_error.setText(message)
            self.general_error.show()
            return
        label.setText(message)
        label.show()
        target = widget.edit if isinstance(widget, DateField) else widget
        target.setStyleSheet(INVALID_STYLE)
        if isinstance(widget, DateField) and not widget.check.isChecked():
            widget.check.setFocus()
        else:
            target.setFocus()
        self._scroll.ensureWidgetVisible(widget)

    def clear_errors(self) -> None:
        self.error_field = None
        self.general_error.hide()
        for field, label in self._error_labels.items():
            label.hide()
            widget = self._field_widgets[field]
            target = widget.edit if isinstance(widget, DateField) else widget
            target.setStyleSheet("")

    def error_text(self) -> str:
        """The error shown now (for tests and accessibility), or ""."""
        if self.error_field is None:
            return ""
        label = self._error_labels.get(self.error_field, self.general_error)
        return label.text()
