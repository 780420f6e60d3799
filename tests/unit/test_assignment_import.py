"""Importing an assignment list (交办清单) into cases: real workbooks in, rows in the library."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from desktop.actions import assignment
from desktop.assignment.workbook import ListError
from desktop.casework import Case, Draft, DraftBlock
from desktop.readers.common import OLE_MAGIC
from desktop.store import LibraryStore
from tests.assignment_lists import (
    AGENCY,
    MEMBERS_SESSION,
    SESSION,
    Expected,
    deputies_list,
    members_list,
)

TODAY = dt.date(2026, 1, 10)


@pytest.fixture
def store(engine_store: LibraryStore) -> LibraryStore:
    """Every test here that takes ``store`` runs on both engines (tests/conftest.py)."""
    return engine_store


@pytest.fixture
def agency_store(store: LibraryStore) -> LibraryStore:
    store.profile.set_value("agency_name", AGENCY)
    return store


def _stored(store: LibraryStore) -> dict[str, Case]:
    return {c.number: c for c in store.cases.all()}


def _check(case: Case, want: Expected, session: str) -> None:
    got = (case.session, case.number, case.title, case.proposers, case.seconders,
           case.delegation, case.main_organizer, case.co_organizers, case.assigned_date,
           case.due_date, case.organizer, case.kind, case.role)  # fmt: skip
    role = "委员" if want.kind == "提案" else "代表"
    expected = (session, want.number, want.title, [want.proposer], want.seconders,
                want.delegation, want.main_organizer, want.co_organizers, want.assigned,
                want.due, want.organizer, want.kind, role)  # fmt: skip
    assert got == expected, f"row {want.row}"


def _snapshot(store: LibraryStore) -> list[dict[str, object]]:
    return [c.to_json() for c in store.cases.all()]


def test_a_list_of_120_rows_with_merged_headers_and_mixed_dates_becomes_120_cases(
    agency_store: LibraryStore, tmp_path: Path
) -> None:
    made = deputies_list(tmp_path / "交办清单.xlsx")
    preview = assignment.read_list(made.path, store=agency_store, today=TODAY)
    assert preview.parsed.context.session == SESSION
    assert set(preview.parsed.mapping.values()) >= {
        "serial", "number", "title", "proposers", "seconders", "delegation",
        "main_organizer", "co_organizers", "assigned_date", "due_date",
    }  # fmt: skip
    result = assignment.import_list(preview, store=agency_store)
    assert len(result.created) == 120 and result.updated == ()
    stored = _stored(agency_store)
    assert len(stored) == 120
    for want in made.cases:
        _check(stored[want.number], want, SESSION)
        assert stored[want.number].serial == want.serial
        assert stored[want.number].status == "pending"  # 待办: nothing done yet
    # The unreadable rows are listed by their row number with the reason, and not stored.
    assert len(result.problems) == len(made.bad_rows)
    for row, word in made.bad_rows.items():
        line = next(p for p in result.problems if p.startswith(f"第{row}行："))
        assert word in line
    assert "999" not in stored


def test_a_members_list_in_another_order_with_other_words(
    agency_store: LibraryStore, tmp_path: Path
) -> None:
    made = members_list(tmp_path / "提案.xlsx")
    preview = assignment.read_list(made.path, store=agency_store, today=TODAY)
    result = assignment.import_list(preview, store=agency_store)
    assert result.problems == ()
    stored = _stored(agency_store)
    assert len(stored) == len(made.cases)
    for want in made.cases:
        _check(stored[want.number], want, MEMBERS_SESSION)


def test_reimport_updates_the_cases_keeps_drafts_and_status_and_duplicates_nothing(
    agency_store: LibraryStore, tmp_path: Path
) -> None:
    made = deputies_list(tmp_path / "list.xlsx", count=20)
    assignment.import_list(assignment.read_list(made.path, store=agency_store), store=agency_store)
    first = _stored(agency_store)["101"]
    assert first.id is not None
    draft = Draft()
    draft.sections["status"] = [DraftBlock("free", text="我局已会同有关部门开展调研。")]
    agency_store.drafts.save(first.id, draft, source="window")
    edited = dataclasses.replace(first, contact_name="陈静", content="代表的原文")
    agency_store.cases.save(edited)
    agency_store.cases.set_status(first.id, "review")

    wb = openpyxl.load_workbook(made.path)
    wb.active.cell(row=made.cases[0].row, column=3).value = "关于加强科技金融服务的建议（修订）"
    wb.save(made.path)
    preview = assignment.read_list(made.path, store=agency_store)
    assert preview.existing_id(preview.parsed.cases[0]) == first.id
    result = assignment.import_list(preview, store=agency_store)

    assert len(result.created) == 0 and len(result.updated) == 20
    stored = _stored(agency_store)
    assert len(stored) == 20
    again = stored["101"]
    assert again.id == first.id
    assert again.title == "关于加强科技金融服务的建议（修订）"
    assert again.status == "review"  # the clerk's status stays
    assert again.contact_name == "陈静" and again.content == "代表的原文"  # not in the list
    loaded = agency_store.drafts.load(first.id)
    assert (
        loaded is not None and loaded.sections["status"][0].text == "我局已会同有关部门开展调研。"
    )


def _password_protected(path: Path) -> None:
    """What Excel writes for an .xlsx with an opening password: an OLE compound file whose
    directory names the EncryptionInfo and EncryptedPackage streams (UTF-16LE names)."""
    header = OLE_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    names = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    names += "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(header.ljust(512, b"\x00") + names.ljust(1024, b"\x00") + b"\x11" * 4096)


def _corrupt(path: Path, source: Path) -> None:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a download cut in the middle


def _not_a_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:  # a zip, but no workbook inside
        z.writestr("hello.txt", "不是表格")


@pytest.mark.parametrize("damage", ["password", "truncated", "zip", "garbage"])
def test_a_protected_or_damaged_workbook_is_one_message_and_the_library_is_untouched(
    agency_store: LibraryStore, tmp_path: Path, damage: str
) -> None:
    made = deputies_list(tmp_path / "good.xlsx", count=5)
    assignment.import_list(assignment.read_list(made.path, store=agency_store), store=agency_store)
    before = _snapshot(agency_store)
    bad = tmp_path / "bad.xlsx"
    if damage == "password":
        _password_protected(bad)
    elif damage == "truncated":
        _corrupt(bad, made.path)
    elif damage == "zip":
        _not_a_workbook(bad)
    else:
        bad.write_bytes(b"\x00\x01garbage" * 100)
    with pytest.raises(ListError) as caught:
        assignment.read_list(bad, store=agency_store)
    message = caught.value.message
    assert "bad.xlsx" in message and "\n" not in message
    assert ("密码" in message) == (damage == "password")
    if damage != "password":
        assert "损坏" in message
    assert _snapshot(agency_store) == before


def test_a_sheet_without_a_header_row_is_refused(
    agency_store: LibraryStore, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    for i in range(10):
        wb.active.append([i, f"关于第{i}件事的建议", "王明", "2026.3.5"])
    path = tmp_path / "noheader.xlsx"
    wb.save(path)
    with pytest.raises(ListError, match="找不到表头"):
        assignment.read_list(path, store=agency_store)
    assert agency_store.cases.all() == []


def test_a_failure_while_storing_leaves_nothing_half_stored(
    agency_store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = deputies_list(tmp_path / "list.xlsx", count=40)
    preview = assignment.read_list(made.path, store=agency_store)
    save = agency_store.cases.save
    calls = []

    def failing(case: Case, **kwargs: object) -> int:
        calls.append(case.number)
        if len(calls) == 30:
            raise ListError("磁盘已满")
        return save(case, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(agency_store.cases, "save", failing)
    with pytest.raises(ListError):
        assignment.import_list(preview, store=agency_store)
    monkeypatch.undo()
    assert len(calls) == 30
    assert agency_store.cases.all() == []


def test_a_list_without_a_number_column_is_refused_until_one_is_mapped(
    agency_store: LibraryStore, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "标题", "领衔代表", "主办单位"])
    wb.active.append(["1", "关于加强科技金融服务的建议", "王明", "市科技局"])
    path = tmp_path / "nonumber.xlsx"
    wb.save(path)
    preview = assignment.read_list(path, store=agency_store)
    assert preview.parsed.missing == ["建议/提案编号"]
    with pytest.raises(ListError, match="建议/提案编号"):
        assignment.import_list(preview, store=agency_store)
    assert agency_store.cases.all() == []
    remapped = assignment.remap(
        preview, {0: "number", 1: "title", 2: "proposers"}, store=agency_store
    )
    assignment.import_list(remapped, store=agency_store)
    assert [c.number for c in agency_store.cases.all()] == ["1"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_lists_in_the_encodings_offices_use(
    agency_store: LibraryStore, tmp_path: Path, encoding: str
) -> None:
    lines = [
        f"{MEMBERS_SESSION}提案交办清单",
        "提案号,案由,第一提案人,联名人,界别,主办单位,会办单位,交办日期",
        f"0012,关于支持中小企业创新的提案,王明,李华、赵强,经济界,{AGENCY},市财政局,2026年2月14日",
        "0013,关于完善养老服务体系的提案,张芳,,民建,市民政局,市科技局,2026/2/14",
        ",,,,,,,",
    ]
    path = tmp_path / f"list-{encoding}.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    result = assignment.import_list(
        assignment.read_list(path, store=agency_store), store=agency_store
    )
    assert result.created == ("0012", "0013") and result.problems == ()
    stored = _stored(agency_store)
    assert stored["0012"].session == MEMBERS_SESSION
    assert stored["0012"].seconders == ["李华", "赵强"] and stored["0012"].kind == "提案"
    assert stored["0012"].role == "委员" and stored["0012"].due_date == "2026-05-14"
    assert stored["0013"].organizer == "co" and stored["0013"].due_date == "2026-03-14"


def test_the_session_given_by_the_clerk_wins_over_the_title(
    agency_store: LibraryStore, tmp_path: Path
) -> None:
    made = members_list(tmp_path / "m.xlsx", count=3)
    preview = assignment.read_list(made.path, store=agency_store, session="2026年政协会议")
    assignment.import_list(preview, store=agency_store)
    assert {c.session for c in agency_store.cases.all()} == {"2026年政协会议"}


def _docx(path: Path, lines: list[str]) -> None:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(str(path))


def test_proposal_texts_in_a_folder_are_matched_by_number_or_title_and_fill_the_content(
    agency_store: LibraryStore, tmp_path: Path
) -> None:
    made = deputies_list(tmp_path / "list.xlsx", count=6)
    texts = tmp_path / "原文"
    texts.mkdir()
    _docx(
        texts / "第101号 科技金融.docx",
        ["关于加强科技金融服务的建议", "建议设立科技贷款风险补偿资金池。"],
    )
    (texts / f"{made.cases[1].title}.txt").write_text("公交线路绕行严重，建议优化。", "utf-8")
    (texts / "附件3.txt").write_text("编号：103\n河道淤积，建议清淤。", "gbk")
    (texts / "说明.txt").write_text("本文件夹收录代表建议原文。", "utf-8")
    _docx(
        texts / "附件五.docx",
        [f"{SESSION}第105号建议", made.cases[4].title, "领衔代表：张明　附议代表：李强",
         "近年来我市科普阵地数量不足，布局不均。", "建议新建一批社区科普馆。"],
    )  # fmt: skip
    (texts / "坏的.docx").write_bytes(b"PK\x03\x04broken")
    result = assignment.import_list(
        assignment.read_list(made.path, store=agency_store), store=agency_store, texts=texts
    )
    stored = _stored(agency_store)
    assert "科技贷款风险补偿资金池" in stored["101"].content
    assert stored["102"].content == "公交线路绕行严重，建议优化。"
    assert "河道淤积" in stored["103"].content
    assert stored["104"].content == ""
    # Read by the proposal reader: the body only, without the head, title and proposer lines.
    assert stored["105"].content.startswith("近年来我市科普阵地数量不足")
    assert "领衔代表" not in stored["105"].content and "第105号" not in stored["105"].content
    assert {(a.number, a.how) for a in result.attached} == {
        ("101", "文件名中的编号"), ("102", "文件名中的标题"), ("103", "正文中的编号"),
        ("105", "正文中的编号"),
    }  # fmt: skip
    assert any(u.startswith("说明.txt：") for u in result.unmatched)
    assert any(u.startswith("坏的.docx：") for u in result.unmatched)
    assert json.dumps(result.to_json(), ensure_ascii=False)


@pytest.mark.soffice
def test_an_xls_list_is_read_through_libreoffice(
    agency_store: LibraryStore, tmp_path: Path
) -> None:
    from tests.formats import soffice_convert, soffice_or_skip

    program = soffice_or_skip()
    made = members_list(tmp_path / "m.xlsx", count=8)
    xls = tmp_path / "清单.xls"
    xls.write_bytes(soffice_convert(program, made.path.read_bytes(), "list.xlsx", "xls"))
    et = tmp_path / "清单.et"
    et.write_bytes(xls.read_bytes())  # WPS 表格 writes .et in the .xls format
    for path in (xls, et):
        preview = assignment.read_list(path, store=agency_store)
        assert [c.number for c in preview.parsed.cases] == [w.number for w in made.cases]
    assignment.import_list(preview, store=agency_store)
    stored = _stored(agency_store)
    for want in made.cases:
        _check(stored[want.number], want, MEMBERS_SESSION)


def test_an_xls_list_without_libreoffice_says_so(
    agency_store: LibraryStore, tmp_path: Path
) -> None:
    path = tmp_path / "清单.xls"
    path.write_bytes(OLE_MAGIC + b"\x00" * 2000)
    with pytest.raises(ListError, match="LibreOffice"):
        assignment.read_list(path, store=agency_store, soffice=None)


def test_the_sheet_is_read_to_its_own_extent_not_to_the_row_limit(tmp_path: Path) -> None:
    from desktop.assignment.workbook import read_sheet

    made = deputies_list(tmp_path / "list.xlsx", count=10)
    sheet = read_sheet(made.path)
    # 4 header rows, 10 cases, 3 unreadable rows; 12 columns (each empty cell made is slow)
    assert len(sheet.rows) == 17 and {len(r) for r in sheet.rows} == {12}
