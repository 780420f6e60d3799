"""The window (PySide6). Nothing outside this package imports Qt."""

from desktop.ui.pyside_start import lighten_feature_scan

lighten_feature_scan()  # before any module of the window imports Qt (desktop/ui/pyside_start.py)
