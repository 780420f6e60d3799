"""Screenshots of the main screens for docs/ and the README, with the sample library.

    DISPLAY=:99 python build/screenshots.py    # under Xvfb (or any display)

Builds a fresh library from resources/sample_library in a temp folder, opens a case, reuses
two paragraphs, searches, and saves PNGs of the window and the dialogs to docs/screenshots/.
"""

from __future__ import annotations

import copy
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(widget: QWidget, name: str) -> None:
    settle()
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def main() -> int:
    app = QApplication(sys.argv)
    from desktop.casework import DraftBlock, case_from_json
    from desktop.sample import ensure_sample_library
    from desktop.search import search
    from desktop.store import LibraryStore
    from desktop.ui.app import install_translations
    from desktop.ui.case_dialog import CaseDialog
    from desktop.ui.context import AppContext
    from desktop.ui.first_start_dialog import FirstStartDialog
    from desktop.ui.library_pane import block_for_hit
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.versions_dialog import VersionsDialog

    install_translations(app, "zh_CN")
    tmp = Path(tempfile.mkdtemp(prefix="replydesk-shots-"))
    store = LibraryStore(tmp / "library.db")
    ensure_sample_library(store)
    context = AppContext(store.path, store=store)
    first_start = FirstStartDialog(context)  # a new library: the profile is still the sample's
    first_start.show()
    shot(first_start, "first-start.png")
    first_start.close()
    store.set_profile_value("agency_name", "南通市科学技术局")
    for data in (
        {"number": "12", "session": "市十七届人大三次会议", "title": "关于加快众创空间建设的建议",
         "proposers": ["张三", "李四", "王五"], "category": "B", "assigned_date": "2026-09-01",
         "content": "建议加快众创空间和孵化器建设，发挥科协作用。"},
        {"number": "31", "session": "市十七届人大三次会议", "title": "关于加强科普阵地建设的建议",
         "proposers": ["赵六"], "category": "A", "assigned_date": "2026-08-20"},
        {"number": "7", "session": "市政协十三届三次会议",
         "title": "关于支持科技型中小企业发展的提案", "proposers": ["钱七"], "role": "委员",
         "category": "A", "assigned_date": "2026-06-10"},
    ):  # fmt: skip
        case_id = store.save_case(case_from_json(data))
    first = store.list_cases()[0].id
    window = MainWindow(context, settings=QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1500, 900)
    window.show()
    window.open_case(case_id if first is None else first)
    hits = search(store, "众创空间", limit=5)
    for hit in [h for h in hits if h.section == "status"][:2]:
        section, block = block_for_hit(hit)
        window.composer.insert_paragraph(section, block)
    window.library.search_box.setText("众创空间 孵化器")
    settle(1500)
    shot(window, "main-window.png")
    dialog = CaseDialog(context, store.get_case(window.model.case.id), window)  # type: ignore[union-attr]
    dialog.show()
    shot(dialog, "case-dialog.png")
    dialog.close()
    settings = SettingsDialog(context, window)
    settings.show()
    shot(settings, "settings.png")
    settings.close()
    window.save_draft()  # version 1
    window.composer.insert_paragraph(
        "plan",
        DraftBlock("free", "下一步，我们将继续加大对众创空间的扶持力度，推动孵化载体提质增效。"),
    )
    status = window.model.blocks("status")
    last = len(status) - 1
    window.model.edit_text("status", last, status[last].text.replace("24家", "26家"))
    window.save_draft()  # version 2
    later = copy.deepcopy(window.model.draft)
    later.sections["closing"].insert(0, DraftBlock("free", "如有不妥，请批评指正。"))
    store.save_draft(window.model.case.id, later, note="replydesk draft", source="cli")  # type: ignore[union-attr]
    versions = VersionsDialog(context, window.model, window)
    versions.compare.setCurrentIndex(versions.compare.findData("previous"))
    versions.table.setCurrentCell(1, 0)  # version 2 against version 1
    versions.show()
    shot(versions, "versions.png")
    versions.close()
    # The check before export: a placeholder left in, and the reused paragraphs' old figures.
    from desktop.compose import export_findings, finding_place
    from desktop.ui.export_check import ExportCheckDialog

    window.composer.insert_paragraph(
        "plan", DraftBlock("free", "我们将于【请填写日期】前完成建设任务。")
    )
    comp = window.model.compose(context)
    letter = comp.letter
    texts = [letter.salutation, *(p.text for p in letter.paragraphs), letter.contact_note or "",
             letter.title]  # fmt: skip
    found = export_findings(comp, window.model.case, context.profile())  # type: ignore[arg-type]
    places = [finding_place(comp, f) for f in found]
    check = ExportCheckDialog(found, texts, places, window)
    check.show()
    shot(check, "export-check.png")
    check.close()
    shoot_inspector(context, window)
    window.close()
    return 0


def shoot_inspector(context: object, window: QWidget) -> None:
    """The letter inspector on a sample reply, a paragraph of its current situation selected
    (the one whose section or split a clerk would check)."""
    from desktop.ui.letter_inspector import LetterInspector

    store = context.store  # type: ignore[attr-defined]
    reply = next(letter for letter in store.list_letters() if letter["kind"] == "reply")
    inspector = LetterInspector(context, reply["id"], window)  # type: ignore[arg-type]
    inspector.resize(1280, 780)
    inspector.show()
    view = inspector.paragraphs
    body = [p for p in view.paragraphs if p["section"] == "status" and not p["is_heading"]]
    if body:
        view.select_position(body[0]["position"])
    shot(inspector, "inspector.png")
    inspector.close()


if __name__ == "__main__":
    raise SystemExit(main())
