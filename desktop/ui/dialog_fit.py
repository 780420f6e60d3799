"""Dialogs fit the screen they open on: a 1366×768 laptop with a taskbar leaves about
1366×728, and a window's title bar takes some 30 pixels more."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 32  # the window frame's title bar, which availableGeometry() does not count


def fit_to_screen(widget: QWidget, available: QRect | None = None) -> None:
    """Shrink ``widget`` (a top-level window about to be shown) to fit ``available`` (by
    default its screen's area without the taskbar); its layout scrolls or wraps the rest."""
    if available is None:
        screen = widget.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
    width = min(widget.width(), available.width())
    height = min(widget.height(), available.height() - TITLE_BAR)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
