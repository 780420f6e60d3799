"""A library copied into another (issue 14 item 5, ``replydesk server upload/download``):
letters with their corrections and provenance, cases whole (history, versions, working copy,
opinions, feedback, filed replies), the profile; a second copy adds nothing. Real stores on
both sides, reopened and compared."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from desktop.actions import cases, imports
from desktop.actions.search import search
from desktop.casework import Draft, DraftBlock
from desktop.server.copy import copy_library
from desktop.store import LibraryStore
from desktop.store.copies import CaseRecord
from tests.unit.test_case_sent import OLD_REPLY, REUSED, a_case, reply_draft

OTHER_REPLY = """关于加强老旧小区电梯加装工作的建议的答复

王晓梅委员：
您提出的《关于加强老旧小区电梯加装工作的建议》收悉，现答复如下：
去年以来，我局会同各区完成老旧小区电梯加装八十六台，惠及住户两千余户。
近年来，各区还建立了加装电梯的协商议事机制，邻里纠纷明显减少。
下一步，我局将简化审批流程，推广一站式办理。
感谢您对城市建设工作的关心和支持。
某市住房和城乡建设局
2024年5月18日
"""
SEAL = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def source_library(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """A PC library with everything a copy must carry: ({name: id} of what was made)."""
    db = tmp_path / "pc.db"
    files = []
    for name, text in (("旧答复.txt", OLD_REPLY), ("电梯.txt", OTHER_REPLY)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    with LibraryStore(db) as store:
        report = imports.import_files(files, store=store)
        old, other = (r.letter_id for r in report.results)
        assert old is not None and other is not None
        # the clerk's corrections: a field, a section moved, a paragraph split
        store.letters.edit(other, fields={"category": "乙"}, kind="reply")
        detail = store.letters.detail(other)
        assert detail is not None
        plan = next(p for p in detail.paragraphs if p.text.startswith("下一步"))
        store.letters.edit(other, sections={plan.paragraph_id: "closing"})
        first = next(p for p in detail.paragraphs if p.text.startswith("去年以来"))
        store.letters.split_paragraph(other, first.position, len("去年以来，"))
        store.profile.set_value("agency_name", "某市交通运输局")
        store.profile.set_value("copy_to", ["市人大常委会人事代表工作委员会", "市政府督查室"])
        store.profile.set_file("seal", "公章.png", SEAL)
        reused = next(p for p in store.letters.paragraphs(old) if p.text == REUSED)
        sent = cases.save(a_case("12"), store=store)
        store.drafts.save(sent, reply_draft(store, reused.paragraph_id, old), source="window")
        store.drafts.save(sent, reply_draft(store, reused.paragraph_id, old, "今年新开夜班线。"))
        store.drafts.restore(sent, 1)
        cases.mark_sent(sent, store=store, date="2026-06-30")
        store.feedback.record(sent, 1, "basically", date="2026-07-10", remarks="希望加快进度")
        store.opinions.record(sent, "市规划局", received="2026-05-02", letter_id=other,
                              remarks="同意")  # fmt: skip
        working = cases.save(a_case("13", reply_date=None), store=store)
        draft = Draft()
        draft.sections["status"] = [DraftBlock("free", "尚未写完的一段。")]
        store.drafts.save(working, draft, source="cli")
        draft.sections["plan"] = [DraftBlock("free", "还没有保存的下一步。")]
        store.drafts.autosave(working, draft)
    return db, {"old": old, "other": other, "sent": sent, "working": working}


def comparable_letter(detail: Any) -> dict[str, Any]:
    data = dataclasses.asdict(detail)
    for key in ("id", "imported_at", "origin", "case_id"):
        data.pop(key)
    for p in data["paragraphs"]:
        p.pop("paragraph_id")
    return data


def comparable_case(record: CaseRecord, letter_ids: dict[int, int]) -> dict[str, Any]:
    data = dataclasses.asdict(record)
    data["case"].pop("id")
    for h in data["history"]:
        h.pop("id")
        h.pop("case_id")
    for f in data["feedback"]:
        f.pop("case_id")
    data["replies"] = {r: letter_ids[i] for r, i in record.replies.items()}
    data["opinions"] = [
        (o.unit, o.received, letter_ids.get(o.letter_id or 0), o.remarks, at)
        for o, at in record.opinions
    ]
    return data


def own_case(record: CaseRecord) -> dict[str, Any]:
    """As :func:`_case`, its letters already the target's own."""
    own = set(record.replies.values()) | {o.letter_id for o, _ in record.opinions}
    return comparable_case(record, {i: i for i in own if i is not None})


def _counts(db: Path | str) -> dict[str, int]:
    with LibraryStore(db) as store:
        return {
            "letters": store.letters.count(),
            "paragraphs": store.letters.paragraph_count(),
            "cases": len(store.copies.case_ids()),
            "versions": sum(len(store.drafts.versions(i)) for i in store.copies.case_ids()),
        }


@pytest.mark.parametrize("batch", [200, 1])
def test_everything_arrives_as_it_was_and_a_second_copy_adds_nothing(
    tmp_path: Path, batch: int, engine_location: Path | str
) -> None:
    source_db, made = source_library(tmp_path)
    target_db = engine_location  # a file, then a database on the test server
    stages: list[tuple[str, int, int]] = []
    with LibraryStore(source_db) as source, LibraryStore(target_db) as target:
        report = copy_library(source, target, batch=batch, progress=lambda *a: stages.append(a))
    assert (report.letters_added, report.letters_present) == (3, 0)  # two files + the reply
    assert (report.cases_added, report.cases_present, report.draft_versions) == (2, 0, 4)
    assert report.profile == "copied"
    # one report per batch: one transaction each
    assert stages[-1] == ("cases", 2, 2) and ("letters", 3, 3) in stages
    assert len(stages) == (2 if batch == 200 else 5)
    ids = report.letter_ids

    # the working copy stays the PC clerk's (on the server the login is the clerk otherwise)
    with LibraryStore(source_db) as source, LibraryStore(target_db, clerk=source.clerk) as target:
        assert sorted(ids) == sorted(r.id for r in source.letters.all())
        source_id = source.library_id()
        for src_id, dst_id in ids.items():
            src, dst = source.letters.detail(src_id), target.letters.detail(dst_id)
            assert comparable_letter(dst) == comparable_letter(src)
            assert dst is not None and dst.origin is not None
            assert (dst.origin.library_id, dst.origin.letter_id) == (source_id, src_id)
        other = target.letters.detail(ids[made["other"]])
        assert other is not None and other.category == "乙" and "sections" in other.corrected
        assert any(p.text == "去年以来，" for p in other.paragraphs)
        for case_id in (made["sent"], made["working"]):
            src_record = source.copies.read_case(case_id)
            assert src_record is not None
            dst_id = target.cases.find(src_record.case.session, src_record.case.number)
            assert dst_id is not None
            dst_record = target.copies.read_case(dst_id)
            assert dst_record is not None
            assert own_case(dst_record) == comparable_case(src_record, ids)
        sent = target.copies.read_case(target.cases.find("市十七届人大三次会议", "12") or 0)
        assert sent is not None and sent.case.status == "sent"
        assert [v.info.source for v in sent.versions] == ["window", "", "restore"]
        assert sent.versions[2].info.restored_from == 1
        assert (
            sent.replies
            and target.case_letters.of_case(sent.case.id or 0)
            == ids[source.case_letters.of_case(made["sent"]) or 0]
        )
        working = target.cases.find("市十七届人大三次会议", "13")
        autosaved = target.drafts.autosave_of(working or 0)
        assert autosaved is not None
        assert autosaved.sections["plan"][0].text == "还没有保存的下一步。"
        assert target.profile.load().agency_name == "某市交通运输局"
        assert target.copies.profile_values() == source.copies.profile_values()
        seal = target.profile.get_file("seal")
        assert seal is not None and (seal.name, seal.data) == ("公章.png", SEAL)


    before = _counts(target_db)
    with LibraryStore(source_db) as source, LibraryStore(target_db) as target:
        again = copy_library(source, target, batch=batch)
    assert (again.letters_added, again.letters_present, again.paragraphs_added) == (0, 3, 0)
    assert (again.cases_added, again.cases_present, again.draft_versions) == (0, 2, 0)
    assert again.profile == "kept"
    assert again.letter_ids == ids
    assert _counts(target_db) == before

    # the copied reply is found by search on the target, as on the PC
    with LibraryStore(source_db) as source, LibraryStore(target_db) as target:
        hits = search("夜间公交线路", store=target).hits
        reply = source.case_letters.of_case(made["sent"])
        assert {h.letter_id for h in hits} == {ids[reply or 0]}


def test_a_case_the_target_holds_is_left_as_it_is_there(
    tmp_path: Path, engine_location: Path | str
) -> None:
    source_db, _ = source_library(tmp_path)
    target_db = engine_location
    with LibraryStore(target_db) as target:
        held = cases.save(a_case("13"), store=target)
        target.drafts.save(held, Draft(), note="服务器上的版本")
        target.profile.set_value("agency_name", "某市人民政府办公室")
    with LibraryStore(source_db) as source, LibraryStore(target_db) as target:
        report = copy_library(source, target)
        assert (report.cases_added, report.cases_present) == (1, 1)
        assert report.profile == "kept"
        assert [v.note for v in target.drafts.versions(held)] == ["服务器上的版本"]
        assert target.drafts.autosave_of(held) is None
        assert target.profile.load().agency_name == "某市人民政府办公室"
        assert target.profile.get_file("seal") is None


def test_a_letter_the_target_holds_takes_the_pcs_corrections(
    tmp_path: Path, engine_location: Path | str
) -> None:
    """The server got the same file from a colleague, uncorrected: the upload does not add it
    again, and the correction made on the PC reaches it."""
    source_db, made = source_library(tmp_path)
    target_db = engine_location
    with LibraryStore(target_db) as target:
        path = tmp_path / "同事的电梯.txt"
        path.write_text(OTHER_REPLY, encoding="utf-8")
        (result,) = imports.import_files([path], store=target).results
        held = result.letter_id
    with LibraryStore(source_db) as source, LibraryStore(target_db) as target:
        report = copy_library(source, target)
        assert report.letters_present == 1 and report.letters_corrected == 1
        assert report.letter_ids[made["other"]] == held
        detail = target.letters.detail(held or 0)
        assert detail is not None and detail.category == "乙"
        assert target.letters.count() == 3
