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


@pytest.fixture(autouse=True, scope="session")
def _a_clerk_with_a_chinese_name() -> Iterator[None]:
    """Every change is recorded under the clerk at the PC (desktop/clerks.py), whose name the
    window shows; the test machine's login name ("root") would read as English left
    untranslated. A clerk's own name is data: the windows under test work for 测试经办人."""
    import os

    from desktop.clerks import CLERK_ENV

    before = os.environ.get(CLERK_ENV)
    os.environ[CLERK_ENV] = "测试经办人"
    yield
    if before is None:
        os.environ.pop(CLERK_ENV, None)
    else:
        os.environ[CLERK_ENV] = before
