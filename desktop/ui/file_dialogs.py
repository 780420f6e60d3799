"""Where file dialogs start, and the Chinese for the words Qt's own dialog leaves in English.

Qt's zh_CN translation (qtbase_zh_CN.qm, shipped with PySide6) covers almost all of the file
dialog, but its .ui labels "&Look in:" and "Files of &type:" are not in it, and it calls the
size column "体积" (volume). The texts below are collected into our own translation file under
Qt's contexts by lupdate; the app installs our translator after Qt's, so ours is asked first.
Where the platform has a native dialog (Windows, a desktop with a GTK/KDE theme) Qt uses it
and it is already in the system's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths

QT_DIALOG_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
)


def documents_folder() -> Path:
    """The user's Documents folder (文档), where a clerk's files usually are; else home."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()
