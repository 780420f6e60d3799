"""The use cases (``desktop.actions``) on a real temporary library: what each one leaves in the
database and on disk, and the one-line Chinese message of each refusal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.actions import backup, cases, drafts, imports, letters, packs, profile
from desktop.casework import Case, CaseExists, Draft, DraftBlock, case_from_json
from desktop.errors import ClerkError
from desktop.store import LibraryStore
from tests.unit.test_case_sent import rows

ROOT = Path(__file__).resolve().parents[2]
LETTER = """关于加快乡村公路养护的建议的答复

王明代表：
您提出的《关于加快乡村公路养护的建议》收悉，现答复如下：
一、办理现状
近年来，我局持续推进农村公路养护工作，群众出行条件明显改善。
二、下一步打算
下一步，我局将加大资金投入，完善养护机制。
感谢您对交通工作的关心和支持。
某县交通运输局
2021年6月18日
"""


def a_case(number: str = "8", session: str = "市十七届人大三次会议") -> Case:
    return case_from_json(
        {"number": number, "session": session, "title": "关于加强科普工作的建议",
         "proposers": ["李四"]}
    )  # fmt: skip


def a_draft(text: str) -> Draft:
    draft = Draft()
    draft.sections["status"] = [DraftBlock("free", text)]
    return draft


def import_letter(store: LibraryStore, folder: Path) -> int:
    path = folder / "答复.txt"
    path.write_text(LETTER, encoding="utf-8")
    report = imports.import_files([path], store=store)
    assert [r.status for r in report.results] == ["imported"]
    letter_id = report.results[0].letter_id
    assert letter_id is not None
    return letter_id


# ------------------------------------------------------------------------------------- cases
@pytest.fixture
def store(engine_store: LibraryStore) -> LibraryStore:
    """Every test here that takes ``store`` runs on both engines (tests/conftest.py)."""
    return engine_store


def test_cases_are_saved_listed_and_their_sessions_given_once(store: LibraryStore) -> None:
    first = cases.save(a_case("8"), store=store)
    cases.save(a_case("9"), store=store)
    cases.save(a_case("1", "市政协十届二次会议"), store=store)
    assert [c.number for c in cases.listing(store=store)] == ["8", "9", "1"]
    assert cases.sessions(store=store) == ["市十七届人大三次会议", "市政协十届二次会议"]
    assert rows(store.location, "SELECT number FROM cases WHERE id = ?", first) == [("8",)]
    assert cases.duplicate_of("市十七届人大三次会议", "8", store=store) == first
    assert cases.duplicate_of("市十七届人大三次会议", "8", first, store=store) is None
    with pytest.raises(CaseExists) as taken:
        cases.save(a_case("8"), store=store)
    assert "已有市十七届人大三次会议第8号案件" in taken.value.message


def test_opening_a_case_prefers_its_working_copy_and_is_remembered(store: LibraryStore) -> None:
    case_id = cases.save(a_case(), store=store)
    assert cases.last_open(store=store) is None
    drafts.save(case_id, a_draft("已保存的文字。"), store=store)
    opened = cases.open_case(case_id, store=store)
    assert opened is not None and not opened.recovered and opened.after_crash is None
    assert opened.draft is not None
    assert opened.draft.sections["status"][0].text == "已保存的文字。"
    drafts.autosave(case_id, a_draft("还没保存的文字。"), store=store)
    opened = cases.open_case(case_id, store=store)
    assert opened is not None and opened.recovered and opened.after_crash is False
    assert opened.draft is not None
    assert opened.draft.sections["status"][0].text == "还没保存的文字。"
    assert cases.last_open(store=store) == case_id
    key = cases.last_case_key(store.clerk)  # each clerk's own: a shared library has many
    assert rows(store.location, "SELECT value FROM meta WHERE key = ?", key) == [(str(case_id),)]
    assert cases.delete(case_id, store=store).deleted
    assert cases.last_open(store=store) is None
    assert rows(store.location, "SELECT count(*) FROM draft_versions") == [(0,)]


def test_a_status_change_of_a_deleted_case_is_refused_in_chinese(store: LibraryStore) -> None:
    case_id = cases.save(a_case(), store=store)
    cases.set_status(case_id, "awaiting", store=store)  # the id before issue 13: 待签发
    assert rows(store.location, "SELECT status FROM cases") == [("signoff",)]
    cases.delete(case_id, store=store)
    with pytest.raises(ClerkError) as gone:
        cases.set_status(case_id, "drafting", store=store)
    assert gone.value.message == f"没有编号为 {case_id} 的案件（可能已被删除）。"


def test_a_duplicated_case_starts_from_the_newest_draft(store: LibraryStore) -> None:
    original = cases.save(a_case("8"), store=store)
    drafts.save(original, a_draft("第一版。"), store=store)
    drafts.save(original, a_draft("第二版。"), store=store)
    copy = cases.blank_copy(cases.get(original, store=store) or a_case())
    assert copy.id is None and copy.number == "" and copy.status == "drafting"
    copy.number = "9"
    copied = cases.save(copy, store=store)
    assert cases.copy_draft(original, copied, "复制自第8号", store=store) == 1
    loaded = drafts.load(copied, store=store)
    assert loaded is not None and loaded.sections["status"][0].text == "第二版。"
    assert rows(store.location, "SELECT source, note FROM draft_versions WHERE case_id = ?",
                copied) == [("copy", "复制自第8号")]  # fmt: skip
    assert cases.version_count(original, store=store) == 2


# ------------------------------------------------------------------------------------ drafts
def test_saving_a_draft_drops_its_working_copy_and_a_restore_adds_a_version(
    store: LibraryStore,
) -> None:
    case_id = cases.save(a_case(), store=store)
    drafts.autosave(case_id, a_draft("草稿。"), store=store)
    assert [p.case_id for p in drafts.pending_autosaves(store=store)] == [case_id]
    assert drafts.save(case_id, a_draft("第一版。"), "备注", source="window", store=store) == 1
    assert drafts.pending_autosaves(store=store) == []
    assert rows(store.location, "SELECT count(*) FROM autosave") == [(0,)]
    drafts.save(case_id, a_draft("第二版。"), store=store)
    restored = drafts.restore(case_id, 1, store=store)
    assert restored.version == 3
    assert restored.draft.sections["status"][0].text == "第一版。"
    assert [(v.version, v.source, v.restored_from)
            for v in drafts.versions(case_id, store=store)] == [
        (1, "window", None), (2, "", None), (3, "restore", 1)]  # fmt: skip
    with pytest.raises(ClerkError) as missing:
        drafts.restore(case_id, 9, store=store)
    assert missing.value.message == "没有第 9 版草稿（可能已随案件删除）。"


# ----------------------------------------------------------------------------------- letters
def test_a_letter_is_shown_edited_deleted_and_put_back(store: LibraryStore, tmp_path: Path) -> None:
    letter_id = import_letter(store, tmp_path)
    assert letters.count(store=store) == 1
    assert [x["id"] for x in letters.listing(store=store)] == [letter_id]
    shown = letters.detail(letter_id, store=store)
    assert shown is not None and shown["reply_date"] == "2021-06-18"
    change = letters.edit(letter_id, fields={"reply_date": "2021-06-30"}, store=store)
    assert change.before["reply_date"] == "2021-06-18"
    assert change.after["reply_date"] == "2021-06-30"
    assert "reply_date" in change.after["corrected"]
    assert rows(store.location, "SELECT reply_date FROM letters") == [("2021-06-30",)]
    deleted = letters.delete(letter_id, store=store)
    assert deleted.title == "关于加快乡村公路养护的建议"
    assert rows(store.location, "SELECT count(*) FROM letters") == [(0,)]
    assert letters.detail(letter_id, store=store) is None
    back = letters.restore(deleted.snapshot, store=store)
    assert rows(store.location, "SELECT id, reply_date FROM letters") == [(back, "2021-06-30")]


def test_edits_of_a_missing_letter_or_a_bad_value_change_nothing(
    store: LibraryStore, tmp_path: Path
) -> None:
    letter_id = import_letter(store, tmp_path)
    with pytest.raises(ClerkError) as missing:
        letters.edit(999, fields={"reply_date": "2021-06-30"}, store=store)
    assert missing.value.message == "没有编号为 999 的文件，没有改动任何内容。"
    with pytest.raises(ClerkError) as gone:
        letters.delete(999, store=store)
    assert gone.value.message == "没有编号为 999 的文件，没有删除任何内容。"
    with pytest.raises(ClerkError) as bad:
        letters.edit(letter_id, fields={"reply_date": "2021-13-45"}, store=store)
    assert "\n" not in bad.value.message and "日期" in bad.value.message
    assert rows(store.location, "SELECT reply_date, corrections FROM letters")[0][0] == "2021-06-18"


def test_paragraphs_are_split_and_merged_again(store: LibraryStore, tmp_path: Path) -> None:
    letter_id = import_letter(store, tmp_path)
    before = [p.text for p in letters.inspect(letter_id, store=store).paragraphs]  # type: ignore[union-attr]
    letters.split_paragraph(letter_id, 1, 4, store=store)
    split = [p.text for p in letters.inspect(letter_id, store=store).paragraphs]  # type: ignore[union-attr]
    assert len(split) == len(before) + 1 and split[1] + split[2] == before[1]
    letters.merge_paragraphs(letter_id, 1, store=store)
    merged = [p.text for p in letters.inspect(letter_id, store=store).paragraphs]  # type: ignore[union-attr]
    assert merged == before


def test_the_sample_letters_are_counted_and_removed(sample_store: LibraryStore) -> None:
    assert letters.sample_count(store=sample_store) == 5
    assert letters.ensure_samples(store=sample_store) == 0  # loaded once, never again
    assert letters.remove_samples(store=sample_store) == 5
    assert letters.sample_count(store=sample_store) == 0
    assert rows(sample_store.path, "SELECT count(*) FROM letters") == [(0,)]


def test_nothing_waits_for_reparse_after_an_import(store: LibraryStore, tmp_path: Path) -> None:
    import_letter(store, tmp_path)
    assert letters.waiting_for_reparse(store=store) == 0
    steps = list(letters.reparse(all=True, store=store))
    assert [s.failed for s in steps] == [False]


# ----------------------------------------------------------------------------------- imports
def test_an_import_reports_every_file(store: LibraryStore, tmp_path: Path) -> None:
    import_letter(store, tmp_path)
    again = imports.import_files([tmp_path / "答复.txt", tmp_path / "没有.docx"], store=store)
    assert sorted(r.status for r in again.results) == ["duplicate", "failed"]
    assert again.count("duplicate") == 1 and again.failed
    assert rows(store.location, "SELECT count(*) FROM letters") == [(1,)]


# ------------------------------------------------------------------------------------ backup
def test_a_backup_is_written_checked_and_restored(
    sample_store: LibraryStore, tmp_path: Path
) -> None:
    db = sample_store.path
    cases.save(a_case(), store=sample_store)
    made = backup.back_up(db)
    assert made.path.parent == backup.folder(db) and made.path.is_file()
    assert (made.info.letters, made.info.cases) == (5, 1)
    named = backup.back_up(db, tmp_path / "copy.db")
    assert named.path == tmp_path / "copy.db" and named.info.letters == 5
    letters.remove_samples(store=sample_store)
    sample_store.close()
    result = backup.restore(named.path, db)
    assert result.kept is not None and result.kept.is_file()
    assert rows(db, "SELECT count(*) FROM letters") == [(5,)]


def test_a_file_that_is_no_backup_is_refused_in_chinese(tmp_path: Path) -> None:
    fake = tmp_path / "备份.db"
    fake.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ClerkError) as refused:
        backup.check(fake)
    assert "\n" not in refused.value.message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in refused.value.message)


# ----------------------------------------------------------------------------------- profile
def test_profile_values_are_checked_before_they_are_stored(store: LibraryStore) -> None:
    assert profile.is_sample(store=store)
    profile.set_value("agency_name", "如皋市科学技术局", store=store)
    profile.set_value("cc", "市政府办公室，市人大常委会", store=store)
    shown = profile.show(store=store)
    assert not shown.is_sample and shown.seal_name is None
    assert shown.profile.cc == ["市政府办公室", "市人大常委会"]
    with pytest.raises(ClerkError) as unknown:
        profile.set_value("agency", "某局", store=store)
    assert unknown.value.message.startswith("没有名为“agency”的设置项。")
    with pytest.raises(ClerkError) as diameter:
        profile.set_value("seal_diameter_mm", "100", store=store)
    assert diameter.value.message == "印章直径应在 20 到 60 毫米之间（常用 42、45、50）。"
    assert profile.load(store=store).agency_name == "如皋市科学技术局"


def test_a_seal_file_is_read_checked_and_kept_with_the_profile(
    store: LibraryStore, tmp_path: Path
) -> None:
    png = tmp_path / "印章.png"
    shutil.copy(ROOT / "resources" / "demo_seal.png", png)
    with pytest.raises(ClerkError) as missing:
        profile.set_value("seal_image", str(tmp_path / "没有.png"), store=store)
    assert missing.value.message.startswith("找不到印章图片")
    profile.save({"contact_name": "李明", "agency_name": "如皋市科学技术局"},
                 seal=profile.read_seal(png), store=store)  # fmt: skip
    seal = profile.seal_file(store=store)
    assert seal is not None and seal.name == "印章.png" and seal.data == png.read_bytes()
    assert profile.show(store=store).to_json()["seal_image"] == "印章.png"
    assert rows(store.location, "SELECT count(*) FROM profile_files") == [(1,)]


# ------------------------------------------------------------------------------------- packs
def test_a_pack_carries_the_letters_to_another_library(
    sample_store: LibraryStore, tmp_path: Path
) -> None:
    out = tmp_path / "资料包.zip"
    report = packs.export(out, include_templates=False, store=sample_store)
    assert report.letters == 5 and out.is_file()
    assert packs.previous_export(store=sample_store) is not None
    with LibraryStore(tmp_path / "other" / "library.db") as other:
        imported = packs.import_(out, templates_dir=tmp_path / "t", store=other)
        assert len(imported.added) == 5
        assert rows(other.path, "SELECT count(*) FROM letters") == [(5,)]
        with pytest.raises(ClerkError) as not_a_pack:
            packs.import_(sample_store.path, store=other)
        assert "不是资料包" in not_a_pack.value.message
