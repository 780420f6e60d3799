"""The year-end report: its counts against an independent count of the same cases, and the
workbook, document and command line that carry them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.__main__ import main
from desktop.actions import report as actions
from desktop.casework import add_months
from desktop.report import YearReport
from desktop.store import LibraryStore
from tests.formats import soffice_or_skip
from tests.report_cases import SESSION_A, Made, store_cases

TODAY = dt.date(2026, 7, 1)


@pytest.fixture
def made(tmp_path: Path) -> Iterator[tuple[LibraryStore, list[Made]]]:
    store = LibraryStore(tmp_path / "lib.db")
    cases = store_cases(store)
    yield store, cases
    store.close()


@pytest.fixture
def library(made: tuple[LibraryStore, list[Made]]) -> LibraryStore:
    return made[0]


def independent_counts(made: list[Made], store: LibraryStore, year: int,
                       session: str | None = None) -> dict:  # fmt: skip
    """The numbers counted here, the plain way, from what the cases were made of."""
    chosen = [
        m for m in made
        if (m.case.assigned_date or "")[:4] == str(year)
        and (session is None or m.case.session == session)
    ]  # fmt: skip
    status = {m.case.id: store.cases.get(m.case.id).status for m in chosen}
    kinds: Counter[str] = Counter()
    for m in chosen:
        kinds[m.case.kind or ("提案" if m.case.role == "委员" else "建议")] += 1
    cats: Counter[str] = Counter(m.case.category.replace("类", "") or "未分类" for m in chosen)
    sent = [m for m in chosen if m.sent_on]
    on_time = [m for m in sent if m.sent_on <= m.case.due_date]
    days = [
        (dt.date.fromisoformat(m.sent_on) - dt.date.fromisoformat(m.case.assigned_date)).days
        for m in sent
    ]
    open_late = [m for m in chosen if not m.sent_on and m.case.due_date < TODAY.isoformat()]
    opinions = [
        (add_months(m.case.assigned_date, 1), received)
        for m in chosen if m.case.organizer == "main"
        for received in m.opinions.values()
    ]  # fmt: skip
    received = [(due, got) for due, got in opinions if got]
    names = ("待办", "起草中", "待审核", "待签发", "已答复", "已办结", "重新办理")
    zh = dict(zip(STATUS_IDS, names, strict=True))
    return {
        "total": len(chosen),
        "by_kind": {k: kinds[k] for k in ("建议", "提案", "议案")},
        "by_role": {"主办": sum(m.case.organizer == "main" for m in chosen),
                    "协办": sum(m.case.organizer == "co" for m in chosen)},
        "by_category": {k: cats[k] for k in ("A", "B", "C", "未分类")},
        "by_status": {zh[k]: sum(v == k for v in status.values()) for k in STATUS_IDS},
        "by_satisfaction": {k: sum(m.feedback == k for m in chosen)
                            for k in ("满意", "基本满意", "不满意")}
                           | {"尚未反馈": sum(not m.feedback for m in sent)},
        "answered": len(sent),
        "on_time": len(on_time),
        "on_time_rate": round(len(on_time) / len(sent), 4),
        "overdue_open": len(open_late),
        "average_days_to_answer": round(sum(days) / len(days), 1),
        "opinions_expected": len(opinions),
        "opinions_received": len(received),
        "opinions_on_time": sum(got <= due for due, got in received),
        "opinions_overdue": sum(not got and due < TODAY.isoformat() for due, got in opinions),
    }  # fmt: skip


STATUS_IDS = ("pending", "drafting", "review", "signoff", "sent", "closed", "redo")
CHECKED = (
    "total", "by_kind", "by_role", "by_category", "by_status", "by_satisfaction", "answered",
    "on_time", "on_time_rate", "overdue_open", "average_days_to_answer", "opinions_expected",
    "opinions_received", "opinions_on_time", "opinions_overdue",
)  # fmt: skip


def _check(report: YearReport, expected: dict) -> None:
    got = report.to_json()
    for key in CHECKED:
        assert got[key] == expected[key], key


def test_the_counts_equal_an_independent_count_of_the_same_cases(
    made: tuple[LibraryStore, list[Made]],
) -> None:
    library, cases = made
    report = actions.year_report(2026, store=library, today=TODAY)
    expected = independent_counts(cases, library, 2026)
    assert expected["total"] == 31 and 0 < expected["on_time"] < expected["answered"]
    assert all(expected["by_satisfaction"].values()) and expected["opinions_received"] > 0
    assert 0 < expected["opinions_on_time"] < expected["opinions_received"]
    assert expected["opinions_overdue"] > 0 and expected["by_status"]["重新办理"] > 0
    _check(report, expected)
    assert report.undated == 1  # the case without any date is in no year
    one_session = actions.year_report(2026, SESSION_A, store=library, today=TODAY)
    _check(one_session, independent_counts(cases, library, 2026, SESSION_A))
    last_year = actions.year_report(2025, store=library, today=TODAY)
    assert last_year.total == 1 and last_year.to_json()["by_category"]["B"] == 1


def test_the_category_scheme_of_the_profile_is_counted(library: LibraryStore) -> None:
    from desktop.actions import profile

    profile.set_value("category_scheme", "ABCD", store=library)
    report = actions.year_report(2026, store=library, today=TODAY)
    assert [t.label for t in report.by_category] == ["A", "B", "C", "D", "未分类"]
    assert report.to_json()["by_category"]["D"] == 0


def summary_values(rows: list[list[object]]) -> dict[str, object]:
    return {str(r[0]): r[1] for r in rows if len(r) > 1 and r[0] and r[1] is not None}


def test_the_workbook_reopened_has_the_numbers_and_one_row_per_case(
    made: tuple[LibraryStore, list[Made]], tmp_path: Path
) -> None:
    library = made[0]
    report = actions.year_report(2026, store=library, today=TODAY)
    target = actions.write_xlsx(report, tmp_path / "年度统计.xlsx")
    book = load_workbook(target)
    assert book.sheetnames == ["汇总", "案件清单"]
    values = summary_values([list(r) for r in book["汇总"].iter_rows(values_only=True)])
    expected = independent_counts(made[1], library, 2026)
    assert values["案件总数"] == expected["total"]
    assert values["按期答复"] == expected["on_time"]
    assert values["按期答复率"] == pytest.approx(expected["on_time_rate"], abs=1e-4)
    assert values["议案"] == expected["by_kind"]["议案"]
    assert values["协办"] == expected["by_role"]["协办"]
    rows = list(book["案件清单"].iter_rows(values_only=True))
    head, body = rows[0], rows[1:]
    assert len(body) == expected["total"] == 31
    assert {"建议/提案编号", "建议/提案标题", "交办日期", "办理期限", "答复日期", "按期答复",
            "满意度", "提出人", "协办单位", "文号"} <= set(head)  # fmt: skip
    numbers = {str(r[head.index("建议/提案编号")]) for r in body}
    assert numbers == {str(100 + i) for i in range(30)} | {"60"}
    on_time = sum(r[head.index("按期答复")] == "是" for r in body)
    assert on_time == expected["on_time"]


@pytest.mark.soffice
def test_the_workbook_opens_in_libreoffice_with_the_same_numbers(
    made: tuple[LibraryStore, list[Made]], tmp_path: Path
) -> None:
    library = made[0]
    soffice = soffice_or_skip()
    report = actions.year_report(2026, store=library, today=TODAY)
    target = actions.write_xlsx(report, tmp_path / "report.xlsx")
    out = tmp_path / "csv"
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out),
         str(target)],
        capture_output=True, timeout=180,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    text = (out / "report.csv").read_text(encoding="utf-8")
    values = summary_values([list(r) for r in csv.reader(io.StringIO(text))])
    expected = independent_counts(made[1], library, 2026)
    assert values["案件总数"] == str(expected["total"])
    assert values["答复已发出（含已办结、重新办理）"] == str(expected["answered"])
    assert values["按期答复"] == str(expected["on_time"])
    assert values["按期答复率"] == f"{expected['on_time_rate'] * 100:.1f}%"
    assert values["逾期未答复"] == str(expected["overdue_open"])
    for label, count in expected["by_category"].items():
        assert values[label] == str(count)
    for label, count in expected["by_satisfaction"].items():
        assert values[label] == str(count)
    assert values["按期收到"] == str(expected["opinions_on_time"])


def test_the_document_reopened_has_the_tables_and_the_charts(
    made: tuple[LibraryStore, list[Made]], tmp_path: Path
) -> None:
    library = made[0]
    import docx

    report = actions.year_report(2026, store=library, today=TODAY)
    target = actions.write_docx(report, tmp_path / "年度统计.docx", agency="南通市科学技术局")
    doc = docx.Document(str(target))
    assert doc.paragraphs[0].text == "南通市科学技术局\n2026年建议提案办理情况统计"
    assert len(doc.tables) == 7
    merged = {r.cells[0].text: r.cells[1].text for t in doc.tables for r in t.rows}
    expected = independent_counts(made[1], library, 2026)
    assert merged["案件总数"] == str(expected["total"])
    assert merged["按期答复率"] == f"{expected['on_time_rate'] * 100:.1f}%"
    assert merged["主办"] == str(expected["by_role"]["主办"])
    for label, count in expected["by_category"].items():
        assert merged[label] == str(count)
    for label, count in expected["by_satisfaction"].items():
        assert merged[label] == str(count)
    assert merged["逾期未收到"] == str(expected["opinions_overdue"])
    # The charts are native chart parts whose cached values are the counts.
    with zipfile.ZipFile(target) as package:
        names = package.namelist()
        chart = package.read("word/charts/chart1.xml").decode("utf-8")
        assert "word/charts/chart2.xml" in names
        assert any(n.startswith("word/embeddings/") for n in names)
        body = package.read("word/document.xml").decode("utf-8")
    chart_uri = 'graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"'
    assert body.count(chart_uri) == 2
    for label, count in expected["by_category"].items():
        assert f"<c:v>{label}</c:v>" in chart and f"<c:v>{count}</c:v>" in chart


def test_the_command_line_prints_and_writes_the_report(
    library: LibraryStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(library.path)
    xlsx, docx_path = tmp_path / "out.xlsx", tmp_path / "out.docx"
    code = main(["report", "--db", db, "--year", "2026", "--xlsx", str(xlsx),
                 "--docx", str(docx_path), "--json"])  # fmt: skip
    out, _ = capsys.readouterr()
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 31 and data["written"] == {"xlsx": str(xlsx), "docx": str(docx_path)}
    assert xlsx.stat().st_size > 0 and docx_path.stat().st_size > 0
    code = main(["report", "--db", db, "--year", "2026", "--session", SESSION_A])
    out, _ = capsys.readouterr()
    assert code == 0 and "按期答复率：" in out and f"（{SESSION_A}）" in out
    code = main(["report", "--db", db, "--year", "2019", "--xlsx", str(tmp_path / "n.xlsx")])
    _, err = capsys.readouterr()
    assert code == 2 and "2019年没有案件" in err and not (tmp_path / "n.xlsx").exists()
