"""The compose-and-export action (desktop/actions/export.py): one compose, the seal as bytes,
the profile read once."""

from __future__ import annotations

import tempfile
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from desktop.actions.export import export_draft, read_letter_inputs
from desktop.casework import Draft, DraftBlock, case_from_json
from desktop.compose import compose, default_draft
from desktop.export_docx import SealError
from desktop.normalize import normalize_text
from desktop.profile import SEAL_KEY, AgencyProfile
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from tests.conftest import ROOT

DEMO_SEAL = ROOT / "resources" / "demo_seal.png"
CASE = {
    "number": "277",
    "session": "市十六届人大四次会议",
    "title": "关于在南通市组织社会大众聚力创新的建议",
    "proposers": ["石剑波"],
    "role": "代表",
    "category": "B",
    "reply_date": "2020-05-29",
    "contact_name": "张三",
    "contact_phone": "0513-85000000",
}


@pytest.fixture
def templates(tmp_path: Path) -> ReplyTemplates:
    return ReplyTemplates(override=tmp_path / "user-templates")


def test_the_composed_letter_maps_every_paragraph_to_its_block(
    templates: ReplyTemplates,
) -> None:
    case = case_from_json({**CASE, "category": "A"})  # status/plan templates: headings only
    used = [("plan", DraftBlock("library", " 已建成众创空间33家, 孵化企业200余家。", 7, 3, 2019))]
    draft = default_draft(used, {"plan": ["下一步，我们将继续推进。", "（一）加强平台建设。"]})
    draft.sections["plan"].insert(0, DraftBlock("template"))
    draft.sections["closing"].append(DraftBlock("free", "此复。"))
    comp = compose(case, AgencyProfile(), draft, templates=templates)

    paragraphs = comp.letter.paragraphs
    assert paragraphs and all(p.origin is not None for p in paragraphs)
    seen = Counter()
    for p in paragraphs:
        assert p.origin is not None
        block = draft.sections[p.origin.section][p.origin.index]
        if block.kind == "template":
            assert comp.rendered[p.origin.section][p.origin.line] == p.origin.raw
            assert p.text.endswith(normalize_text(p.origin.raw)[2:])  # headings renumbered
        else:
            assert p.origin.raw == block.text and p.text == normalize_text(block.text)
        seen[(p.origin.section, p.origin.index)] += 1
    # Every non-template block printed once; the status section's lone heading is not printed.
    for section, blocks in draft.sections.items():
        for index, block in enumerate(blocks):
            if block.kind != "template":
                assert seen[(section, index)] == 1, (section, index)
    assert not any(p.origin.section == "status" for p in paragraphs if p.origin)
    assert comp.origins == [p.origin for p in paragraphs]


class Counted:
    """A real object, some of its methods' calls counted in ``reads``."""

    def __init__(self, real: Any, names: tuple[str, ...], reads: Counter[str]) -> None:
        self.real, self.names, self.reads = real, names, reads

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.real, name)
        if name not in self.names:
            return attr

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.reads[name] += 1
            return attr(*args, **kwargs)

        return counted


class CountingStore:
    """The real store, with its profile repository's reads counted."""

    def __init__(self, store: LibraryStore) -> None:
        self.store = store
        self.reads: Counter[str] = Counter()
        self.profile = Counted(store.profile, ("load", "get_file"), self.reads)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def _library(tmp_path: Path, seal: bytes | None) -> LibraryStore:
    store = LibraryStore(tmp_path / "library.db")
    store.profile.set_value("agency_name", "南通市科学技术局")
    store.profile.set_value("seal_diameter_mm", 45.0)
    if seal is not None:
        store.profile.set_file(SEAL_KEY, "本局公章.png", seal)
    return store


@pytest.mark.parametrize("kind", ["docx", "text"])
def test_an_export_reads_the_profile_once_and_writes_no_seal_file(
    tmp_path: Path, templates: ReplyTemplates, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    seal = DEMO_SEAL.read_bytes()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where a temporary file would go
    out = tmp_path / "out"
    out.mkdir()
    with _library(tmp_path, seal) as real:
        store = CountingStore(real)
        target = out / f"答复.{'txt' if kind == 'text' else 'docx'}"
        result = export_draft(
            case_from_json(CASE),
            Draft(),
            target,
            kind,  # type: ignore[arg-type]
            templates=templates,
            store=store,  # type: ignore[arg-type]
        )
    assert store.reads == {"load": 1, "get_file": 1}
    assert list(scratch.iterdir()) == []  # no seal copied out of the library
    assert sorted(p.name for p in out.iterdir()) == [target.name]  # nothing else beside it
    assert result.written.path == target
    assert result.prepared.letter.seal is not None
    assert result.prepared.letter.seal.image == seal
    assert result.prepared.letter.seal.diameter_mm == 45.0
    if kind == "docx":
        media = [n for n in zipfile.ZipFile(target).namelist() if n.startswith("word/media/")]
        assert [zipfile.ZipFile(target).read(n) for n in media] == [seal]
        assert result.written.sealed
    else:
        assert "石剑波代表：" in target.read_text(encoding="utf-8")


def test_an_unusable_stored_seal_is_refused_before_anything_is_written(
    tmp_path: Path, templates: ReplyTemplates
) -> None:
    target = tmp_path / "答复.docx"
    with _library(tmp_path, b"\x89PNG\r\n\x1a\nbroken") as store:
        with pytest.raises(SealError) as caught:
            export_draft(case_from_json(CASE), Draft(), target, templates=templates, store=store)
        assert "本局公章.png" in caught.value.message
        assert not target.exists()
        result = export_draft(
            case_from_json(CASE), Draft(), target, templates=templates, store=store, sealed=False
        )
        assert not result.written.sealed and target.exists()
        assert read_letter_inputs(store=store).unsealed().seal is None
