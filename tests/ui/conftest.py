"""Fixtures shared by the window tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui import app as app_module


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QApplication]:
    """The app's zh_CN translators, installed as the app does and removed afterwards so that
    other tests see the English source strings."""
    before = len(app_module._KEEP)
    assert app_module.install_translations(qapp, "zh_CN") is True
    try:
        yield qapp
    finally:
        for translator in app_module._KEEP[before:]:
            qapp.removeTranslator(translator)  # type: ignore[arg-type]
        del app_module._KEEP[before:]
