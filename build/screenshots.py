"""Screenshots of the main screens for docs/ and the README, with the sample library.

    DISPLAY=:99 python build/screenshots.py            # under Xvfb (or any display)
    DISPLAY=:99 python build/screenshots.py similar    # only similar-replies.png
    DISPLAY=:99 python build/screenshots.py report     # only report.png

Builds a fresh library from resources/sample_library in a temp folder, opens a case, reuses
two paragraphs, searches, and saves PNGs of the window and the dialogs to docs/screenshots/.
The similar replies' screenshot adds the real replies of ../shared/corpus (read where they
are, never copied into the project) and opens a case on rural roads.
"""

from __future__ import annotations

import copy
import sys
import tempfile
from pathlib import Path
from typing import Any

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


CASES = (
    {"number": "12", "session": "市十七届人大三次会议", "title": "关于加快众创空间建设的建议",
     "proposers": ["张三", "李四", "王五"], "category": "B", "assigned_date": "2026-09-01",
     "content": "建议加快众创空间和孵化器建设，发挥科协作用。"},
    {"number": "31", "session": "市十七届人大三次会议", "title": "关于加强科普阵地建设的建议",
     "proposers": ["赵六"], "category": "A", "assigned_date": "2026-08-20"},
    {"number": "7", "session": "市政协十三届三次会议",
     "title": "关于支持科技型中小企业发展的提案", "proposers": ["钱七"], "role": "委员",
     "category": "A", "assigned_date": "2026-06-10"},
)  # fmt: skip


def first_start(tmp: Path) -> tuple[Any, Any]:
    """A new sample library (its profile still the sample's): the first-start dialog."""
    from desktop.sample import ensure_sample_library
    from desktop.store import LibraryStore
    from desktop.ui.context import AppContext
    from desktop.ui.first_start_dialog import FirstStartDialog

    store = LibraryStore(tmp / "library.db")
    ensure_sample_library(store)
    context = AppContext(store.path, store=store)
    dialog = FirstStartDialog(context)
    dialog.show()
    shot(dialog, "first-start.png")
    dialog.close()
    return store, context


def main_window(store: Any, context: Any, tmp: Path) -> Any:
    """Three cases, the first open with two reused paragraphs and a search typed."""
    from desktop.casework import case_from_json
    from desktop.search import search
    from desktop.ui.library_pane import block_for_hit
    from desktop.ui.main_window import MainWindow

    store.profile.set_value("agency_name", "南通市科学技术局")
    for data in CASES:
        case_id = store.cases.save(case_from_json(data))
    first = store.cases.all()[0].id
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
    return window


def case_and_settings(store: Any, context: Any, window: Any) -> None:
    from desktop.ui.case_dialog import CaseDialog
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = CaseDialog(context, store.cases.get(window.model.case.id), window)
    dialog.show()
    shot(dialog, "case-dialog.png")
    dialog.close()
    settings = SettingsDialog(context, window)
    settings.show()
    shot(settings, "settings.png")
    settings.close()


def versions(store: Any, context: Any, window: Any) -> None:
    """Two versions saved in the window and one by the command line, compared."""
    from desktop.casework import DraftBlock
    from desktop.ui.versions_dialog import VersionsDialog

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
    store.drafts.save(window.model.case.id, later, note="replydesk draft", source="cli")
    dialog = VersionsDialog(context, window.model, window)
    dialog.compare.setCurrentIndex(dialog.compare.findData("previous"))
    dialog.table.setCurrentCell(1, 0)  # version 2 against version 1
    dialog.show()
    shot(dialog, "versions.png")
    dialog.close()


def export_check(context: Any, window: Any) -> None:
    """The check before export: a placeholder left in, and the reused paragraphs' old figures."""
    from desktop.casework import DraftBlock
    from desktop.compose import export_findings, finding_place
    from desktop.ui.export_check import ExportCheckDialog

    window.composer.insert_paragraph(
        "plan", DraftBlock("free", "我们将于【请填写日期】前完成建设任务。")
    )
    comp = window.model.compose(context)
    letter = comp.letter
    texts = [letter.salutation, *(p.text for p in letter.paragraphs), letter.contact_note or "",
             letter.title]  # fmt: skip
    found = export_findings(comp, window.model.case, context.profile())
    places = [finding_place(comp, f) for f in found]
    check = ExportCheckDialog(found, texts, places, window)
    check.show()
    shot(check, "export-check.png")
    check.close()


CORPUS = ROOT.parent / "shared" / "corpus" / "letters"
ROADS_CASE = {
    "number": "58", "session": "县十八届人大三次会议", "title": "关于加快农村公路提档升级的建议",
    "proposers": ["周明"], "category": "B", "assigned_date": "2026-05-20",
    "content": "我镇部分通村公路路面窄、破损多，雨季通行困难，建议加快农村公路提档升级，"
               "加宽路面并加强日常养护。",
}  # fmt: skip


def similar_replies(store: Any, context: Any, tmp: Path) -> None:
    """The window on a case about rural roads, with the sample library and the real corpus:
    the similar past replies found for it by words."""
    from desktop.casework import case_from_json
    from desktop.importer import import_paths
    from desktop.ui.main_window import MainWindow

    if CORPUS.is_dir():
        for _ in import_paths(store, sorted(CORPUS.glob("*.txt"))):
            pass
    store.profile.set_value("agency_name", "某县交通运输局")
    case_id = store.cases.save(case_from_json(ROADS_CASE))
    settings = QSettings(str(tmp / "s2.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    window.resize(1500, 900)
    window.show()
    window.open_case(case_id)
    model = window.library.similar_model
    for _ in range(60):  # the similar replies are found off the UI thread
        settle(250)
        if model.rowCount() > 1:
            break
    window.library.splitter.setSizes([170, 120, 560])
    shot(window, "similar-replies.png")
    window.close()


def report_page(tmp: Path) -> None:
    """The year-end report page over a year of 36 cases moved through their statuses, with
    feedback and co-organizers' opinions."""
    import random

    from desktop.actions.lifecycle import record_feedback
    from desktop.casework import Case, add_months
    from desktop.store import LibraryStore
    from desktop.ui.context import AppContext
    from desktop.ui.report_page import ReportPage

    store = LibraryStore(tmp / "report.db")
    store.profile.set_value("agency_name", "南通市科学技术局")
    rng = random.Random(2026)
    for i in range(36):
        member = i % 3 == 1
        assigned = f"2026-03-{rng.randrange(1, 28):02d}"
        organizer = "co" if i % 6 == 0 else "main"
        due = add_months(assigned, 1 if organizer == "co" else 3)
        case_id = store.cases.save(Case(
            number=str(100 + i), title="关于加强科技金融服务的建议", proposers=["王明"],
            role="委员" if member else "代表",
            session="市政协十四届三次会议" if member else "市十八届人大三次会议",
            organizer=organizer, main_organizer="市发展改革委" if organizer == "co" else "",
            co_organizers=["市财政局"] if organizer == "main" and i % 3 == 0 else [],
            category=rng.choice("AAABBC"), assigned_date=assigned, due_date=due,
            status="pending",
        ))  # fmt: skip
        step = rng.choice(["drafting", "review", "sent", "answered", "answered", "answered"])
        store.cases.set_status(case_id, "drafting", date=add_months(assigned, 0))
        if step == "review":
            store.cases.set_status(case_id, "review", date=add_months(assigned, 1))
        if step in ("sent", "answered"):
            sent = add_months(due, rng.choice([-2, -1, 0, 0, 1]))
            store.cases.set_status(case_id, "sent", date=sent)
            if step == "answered":
                answer = rng.choice(["satisfied", "satisfied", "basically", "unsatisfied"])
                record_feedback(case_id, answer, date=add_months(sent, 1), store=store)
        if organizer == "main" and i % 3 == 0 and rng.random() < 0.7:
            store.opinions.record(case_id, "市财政局", received=add_months(assigned, 1))
    context = AppContext(store.path, store=store)
    page = ReportPage(context, settings=QSettings(str(tmp / "report.ini"),
                                                  QSettings.Format.IniFormat))  # fmt: skip
    page.resize(1000, 700)
    page.show()
    shot(page, "report.png")
    page.close()


def main() -> int:
    app = QApplication(sys.argv)
    from desktop.ui.app import install_translations

    install_translations(app, "zh_CN")
    tmp = Path(tempfile.mkdtemp(prefix="replydesk-shots-"))
    if sys.argv[1:] == ["report"]:
        report_page(tmp)
        return 0
    store, context = first_start(tmp)
    if sys.argv[1:] == ["similar"]:
        similar_replies(store, context, tmp)
        return 0
    window = main_window(store, context, tmp)
    case_and_settings(store, context, window)
    versions(store, context, window)
    export_check(context, window)
    shoot_inspector(context, window)
    window.close()
    return 0


# A reply in our own words whose signature date lost its 年月日 (as portals do): the parser
# reads it but is not sure, so the inspector marks it for the clerk to check.
EXAMPLE_REPLY = """关于加快乡村公路养护的建议的答复
类别：B
王明代表：
您提出的《关于加快乡村公路养护的建议》收悉，现答复如下：
一、办理现状
近年来，我局持续推进农村公路养护工作，全县已完成养护里程一百二十公里，群众出行条件明显改善。
各乡镇均建立了养护队伍，日常巡查做到每周一次。
二、下一步打算
下一步，我局将加大资金投入，完善养护机制，争取三年内实现养护全覆盖。
感谢您对交通工作的关心和支持。
某县交通运输局
2021618
（联系人：李华，联系电话：0512-12345678）
"""


def shoot_inspector(context: object, window: QWidget) -> None:
    """The letter inspector on a reply whose date the parser was not sure of, after the clerk
    set its session (已更正), a paragraph of its current situation selected."""
    from desktop.importer import import_file
    from desktop.ui.letter_inspector import LetterInspector

    store = context.store  # type: ignore[attr-defined]
    path = Path(tempfile.mkdtemp(prefix="replydesk-shots-")) / "乡村公路养护的答复.txt"
    path.write_text(EXAMPLE_REPLY, encoding="utf-8")
    letter_id = import_file(store, path).letter_id
    assert letter_id is not None
    store.letters.edit(letter_id, fields={"session": "县十八届人大二次会议"})
    inspector = LetterInspector(context, letter_id, window)  # type: ignore[arg-type]
    inspector.resize(1180, 640)
    inspector.show()
    view = inspector.paragraphs
    body = [p for p in view.paragraphs if p.section == "status" and not p.is_heading]
    if body:
        view.select_position(body[0].position)
    shot(inspector, "inspector.png")
    inspector.close()


if __name__ == "__main__":
    raise SystemExit(main())
