"""PySide6's check of each imported module (desktop/ui/pyside_start.py): the same answers on
the file's bytes, and in place once the window's package is imported."""

from __future__ import annotations

import importlib
import inspect
import sys

import desktop.ui  # noqa: F401  (puts the check in place)
from desktop.ui.pyside_start import lighten_feature_scan


def test_the_lighter_check_is_in_place_and_answers_as_pyside_does() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert lighten_feature_scan() is True
    check = feature._mod_uses_pyside
    assert getattr(check, "_replydesk_bytes_check", False)

    def pyside_answer(module: object) -> bool:  # PySide6's own rule, as it reads
        try:
            return "PySide6" in inspect.getsource(module)  # type: ignore[arg-type]
        except (TypeError, OSError):
            return False

    names = [
        "desktop.ui.main_window",  # imports Qt
        "desktop.ui.operations",
        "desktop.model",  # Qt-free
        "desktop.store.library",
        "json",  # a package of the standard library, with source
        "sys",  # built in
        "_sqlite3",  # compiled
    ]
    for name in names:
        module = importlib.import_module(name)
        assert check(module) == pyside_answer(module), name
    assert check(importlib.import_module("desktop.ui.main_window")) is True
    assert check(importlib.import_module("desktop.model")) is False


def test_putting_it_in_place_twice_keeps_one() -> None:
    feature = sys.modules["shibokensupport.feature"]
    first = feature._mod_uses_pyside
    assert lighten_feature_scan() is True
    assert feature._mod_uses_pyside is first
