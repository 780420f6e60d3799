"""One walker over a .docx paragraph's text: the importer and the proofreader read the same."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from desktop.proofread import check_file
from desktop.readers import read_document


def _docx(path: Path, paragraphs: list[str]) -> Path:
    """A python-docx document whose paragraphs are replaced by raw run markup."""
    document = docx.Document()
    for i in range(len(paragraphs)):
        document.add_paragraph(f"占位{i}")
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    xml = source.read("word/document.xml")
    for i, runs in enumerate(paragraphs):
        xml = xml.replace(f"<w:r><w:t>占位{i}</w:t></w:r>".encode(), runs.encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    path.write_bytes(out.getvalue())
    return path


def test_import_and_proofreader_walk_a_paragraph_alike(tmp_path: Path) -> None:
    path = _docx(
        tmp_path / "a.docx",
        [
            # A positional tab is a tab for both (the importer used to drop it).
            '<w:r><w:t>联系人</w:t><w:ptab w:relativeTo="margin" w:alignment="right" '
            'w:leader="none"/><w:t>张三</w:t></w:r>',
            # Deleted text, ruby, field codes and a content control's properties are no text.
            '<w:r><w:t>办理</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>旧'
            "</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r>"
            '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:r><w:t>情况的的'
            "</w:t></w:r></w:sdtContent></w:sdt>",
        ],
    )
    lines = read_document(path).lines
    assert lines == ["联系人\t张三", "办理情况的的"]
    findings, _ = check_file(path, date="2024-01-01", fix=False)
    doubled = [f for f in findings if f.kind == "doubled"]
    assert [(f.paragraph, f.start, f.end) for f in doubled] == [(1, 4, 6)]
    assert lines[1][4:6] == "的的"
