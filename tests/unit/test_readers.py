"""desktop.readers: every file a clerk can pick either reads or fails with a plain message.

All fixtures are built here, in temporary folders; no binary files are committed.
"""

from __future__ import annotations

import builtins
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import readers
from desktop import soffice as soffice_module
from desktop.model import ExtractedText, ImportFailure
from desktop.readers import SUPPORTED_SUFFIXES, decode_text, find_soffice, read_document

LETTER = (
    "石剑波代表：\n"
    "您提出的《关于在南通市组织社会大众聚力创新的建议》收悉。现答复如下：\n"
    "一、关于加强统筹协调。我局高度重视，已会同有关部门认真研究。\n"
    "\n"
    "南通市科学技术局\n"
    "2020年5月29日\n"
)
LETTER_LINES = [
    "石剑波代表：",
    "您提出的《关于在南通市组织社会大众聚力创新的建议》收悉。现答复如下：",
    "一、关于加强统筹协调。我局高度重视，已会同有关部门认真研究。",
    "南通市科学技术局",
    "2020年5月29日",
]
# 䶮 (U+4DAE, CJK extension A) exists in GB18030 but not in GBK.
GB18030_ONLY = "刘䶮委员：\n您提出的《关于……的建议》收悉。\n"


def _soffice_or_skip() -> str:
    """LibreOffice for the real-conversion tests: skipped on a developer machine without it,
    but a failure in CI, which installs it."""
    program = find_soffice()
    if program is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI must have LibreOffice (soffice) installed for the .doc/.wps tests")
        pytest.skip("LibreOffice (soffice) is not installed; .doc/.wps conversion not tested")
    return program


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _letter_docx() -> docx.document.Document:
    document = docx.Document()
    document.add_paragraph("关于对市十六届人大四次会议第277号建议的答复")
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ["提案提出者:", "石剑波", "提案号:", "277"], strict=True
    ):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells, ["主办单位:", "南通市科学技术局", "", ""], strict=True
    ):
        cell.text = text
    document.add_paragraph("石剑波代表：")
    document.add_paragraph("您提出的《关于在南通市组织社会大众聚力创新的建议》收悉。")
    document.add_paragraph("")  # an empty paragraph: dropped
    document.add_paragraph("南通市科学技术局")
    return document


LETTER_DOCX_LINES = [
    "关于对市十六届人大四次会议第277号建议的答复",
    "提案提出者: | 石剑波 | 提案号: | 277",
    "主办单位: | 南通市科学技术局",
    "石剑波代表：",
    "您提出的《关于在南通市组织社会大众聚力创新的建议》收悉。",
    "南通市科学技术局",
]


# ---------------------------------------------------------------------------------------------
# Plain text: encodings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(LETTER.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(LETTER.encode("utf-8-sig"), "utf-8-sig", id="utf-8-bom"),
        pytest.param(LETTER.encode("gbk"), "gb18030", id="gbk"),
        pytest.param(b"\xff\xfe" + LETTER.encode("utf-16-le"), "utf-16-le", id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + LETTER.encode("utf-16-be"), "utf-16-be", id="utf-16-be-bom"),
        pytest.param(LETTER.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param(LETTER.encode("utf-16-be"), "utf-16-be", id="utf-16-be-no-bom"),
        pytest.param(LETTER.replace("\n", "\r\n").encode("gbk"), "gb18030", id="gbk-crlf"),
    ],
)
def test_txt_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    result = read_document(_write(tmp_path / "答复.txt", data))
    assert result == ExtractedText(lines=LETTER_LINES, source_format="txt", encoding=encoding)


def test_txt_gb18030_only_characters(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        GB18030_ONLY.encode("gbk")
    result = read_document(_write(tmp_path / "a.txt", GB18030_ONLY.encode("gb18030")))
    assert result.encoding == "gb18030"
    assert result.lines == ["刘䶮委员：", "您提出的《关于……的建议》收悉。"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_or_any_ascii(codec: str) -> None:
    """No newline, no ASCII: the UTF-16 bytes contain no NUL at all."""
    text = "您提出的关于在南通市组织社会大众聚力创新的建议收悉现答复如下我局高度重视"
    data = text.encode(codec)
    assert b"\x00" not in data
    assert decode_text(data) == (text, codec)


def test_utf16_ascii_only_without_bom() -> None:
    assert decode_text("Reply No. 277\r\nOK".encode("utf-16-le")) == (
        "Reply No. 277\r\nOK",
        "utf-16-le",
    )
    assert decode_text("Reply No. 277".encode("utf-16-be")) == ("Reply No. 277", "utf-16-be")


def test_line_breaks_and_whitespace(tmp_path: Path) -> None:
    text = "第一行  \r\n第二行\t\r第三行\u2028第四行\n\n   \n\u3000\u3000缩进的第五行\u3000\n"
    result = read_document(_write(tmp_path / "a.txt", text.encode("utf-8")))
    assert result.lines == ["第一行", "第二行", "第三行", "第四行", "\u3000\u3000缩进的第五行"]


def test_character_cut_off_at_the_end_is_dropped() -> None:
    for codec in ("utf-8", "gb18030"):
        data = "收悉。".encode(codec) + "谢".encode(codec)[:-1]
        assert decode_text(data)[0] == "收悉。"


def test_dos_end_of_file_mark_and_form_feed_are_fine() -> None:
    assert decode_text("第一页\f第二页\x1a".encode("gbk"))[1] == "gb18030"


# ---------------------------------------------------------------------------------------------
# Plain text: refusals


def test_binary_garbage_named_txt_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "看起来像文本.txt", random.Random(1).randbytes(20_000))
    with pytest.raises(ImportFailure) as info:
        read_document(path)
    assert info.value.message.startswith("无法读取 看起来像文本.txt：不是文本文件")


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_are_not_text(seed: int) -> None:
    rng = random.Random(seed)
    samples = [
        rng.randbytes(4096),  # anything
        bytes(rng.randint(0x81, 0xFE) for _ in range(4096)),  # only GBK lead bytes
        bytes(rng.randint(0x20, 0xFE) for _ in range(4096)),  # no control characters
    ]
    for data in samples:
        with pytest.raises(ImportFailure, match="不是文本文件"):
            decode_text(data)


def test_word_document_named_txt_gets_a_hint(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", _docx_bytes(_letter_docx()))
    with pytest.raises(ImportFailure, match=r"不是文本文件.*Word 文档"):
        read_document(path)


def test_nul_bytes_in_utf8_are_refused() -> None:
    with pytest.raises(ImportFailure, match="不是文本文件"):
        decode_text(b"abc\x00\x00\x00def\x00\x01\x02" * 10)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \r\n\t\n",
        "\u3000\u3000\n".encode(),
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xef\xbb\xbf\n",
    ],
)
def test_empty_text_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ImportFailure) as info:
        read_document(_write(tmp_path / "空.txt", data))
    assert info.value.message == "无法读取 空.txt：文件是空的"


# ---------------------------------------------------------------------------------------------
# Files: size, paths, permissions, suffixes


def test_fifty_megabyte_text_files_read_quickly(tmp_path: Path) -> None:
    size = 50 * 1024 * 1024
    for codec, expected in (("gbk", "gb18030"), ("utf-8", "utf-8")):
        letter = LETTER.encode(codec)
        path = _write(tmp_path / f"big-{codec}.txt", (letter * (size // len(letter) + 1))[:size])
        start = time.perf_counter()
        result = read_document(path)
        elapsed = time.perf_counter() - start
        assert result.encoding == expected
        assert result.lines[:5] == LETTER_LINES
        assert len(result.lines) >= 5 * (size // len(letter))
        assert elapsed < 10, f"{codec}: {elapsed:.1f} s"
        path.unlink()


def test_file_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "大.txt", LETTER.encode() * 20_000)  # about 3 MB
    size = path.stat().st_size / (1024 * 1024)
    with pytest.raises(ImportFailure) as info:
        read_document(path, max_bytes=1024 * 1024)
    assert info.value.message == (
        f"无法读取 大.txt：文件太大（{size:.1f} MB），最大只能导入 1 MB 的文件"
    )
    assert read_document(path).lines[:5] == LETTER_LINES  # the default limit is 64 MB


def test_chinese_path_with_spaces(tmp_path: Path) -> None:
    path = _write(tmp_path / "我的 文件" / "答复 2020.txt", LETTER.encode("gbk"))
    assert read_document(path).lines == LETTER_LINES
    assert read_document(str(path)).lines == LETTER_LINES
    docx_path = tmp_path / "我的 文件" / "答复 2020.docx"
    _letter_docx().save(str(docx_path))
    assert read_document(docx_path).lines == LETTER_DOCX_LINES


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    assert read_document(_write(tmp_path / "A.TXT", LETTER.encode())).lines == LETTER_LINES
    path = tmp_path / "B.DocX"
    _letter_docx().save(str(path))
    assert read_document(path).source_format == "docx"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, so a locked file (Windows) is simulated: opening it is refused."""
    path = _write(tmp_path / "被占用.docx", b"whatever")
    real_open = builtins.open

    def locked_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(os.fsdecode(file)) == path:
            raise PermissionError(13, "The process cannot access the file", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", locked_open)
    monkeypatch.setattr(io, "open", locked_open)
    with pytest.raises(ImportFailure) as info:
        read_document(path)
    assert info.value.message == (
        "无法打开文件 被占用.docx：可能正被其他程序占用或没有权限，请关闭占用它的程序后再试"
    )


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match=r"^无法打开文件 没有\.txt：文件不存在"):
        read_document(tmp_path / "没有.txt")
    (tmp_path / "文件夹.txt").mkdir()
    with pytest.raises(ImportFailure, match=r"^无法打开文件 文件夹\.txt：这是一个文件夹"):
        read_document(tmp_path / "文件夹.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(ImportFailure, match="不是普通文件"):
        read_document(tmp_path / "pipe.txt")


@pytest.mark.parametrize("name", ["答复.xlsx", "答复.pptx", "答复"])
def test_unsupported_suffix(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path / name, LETTER.encode())
    with pytest.raises(ImportFailure) as info:
        read_document(path)
    assert info.value.message.startswith(f"无法导入 {name}：不支持")
    assert info.value.message.endswith(f"只能导入 {'、'.join(SUPPORTED_SUFFIXES)} 文件")
    assert SUPPORTED_SUFFIXES[:4] == (".txt", ".docx", ".doc", ".wps")


# ---------------------------------------------------------------------------------------------
# .docx


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    path = tmp_path / "答复.docx"
    _letter_docx().save(str(path))
    assert read_document(path) == ExtractedText(lines=LETTER_DOCX_LINES, source_format="docx")


def test_docx_merged_cells_appear_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).text = "提案提出者:"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "石剑波"  # spans three columns
    table.cell(1, 0).merge(table.cell(2, 0)).text = "办理情况"  # spans two rows
    table.cell(1, 1).text = "已办结"
    table.cell(2, 1).text = "A类"
    path = _write(tmp_path / "merged.docx", _docx_bytes(document))
    # python-docx itself repeats a merged cell; the reader does not
    assert [c.text for c in table.rows[0].cells] == ["提案提出者:", "石剑波", "石剑波", "石剑波"]
    assert read_document(path).lines == [
        "提案提出者: | 石剑波",
        "办理情况 | 已办结",
        "A类",  # the continued vertical merge is empty in the file
    ]


def test_docx_nested_and_layout_tables(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "会办单位"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "市财政局"
    inner.cell(0, 1).text = "同意"
    inner.cell(1, 0).text = "市教育局"
    inner.cell(1, 1).text = "同意"
    # A whole letter set inside a one-row form: its paragraphs stay lines of their own.
    layout = document.add_table(rows=1, cols=2)
    layout.cell(0, 0).text = "答复内容"
    body = layout.cell(0, 1)
    long_paragraphs = [
        f"第{i}段：" + "我局高度重视，已会同有关部门认真研究并逐条落实。" * 3 for i in range(4)
    ]
    body.text = long_paragraphs[0]
    for text in long_paragraphs[1:]:
        body.add_paragraph(text)
    path = _write(tmp_path / "nested.docx", _docx_bytes(document))
    assert read_document(path).lines == [
        "会办单位 | 市财政局 | 同意 市教育局 | 同意",
        "答复内容",
        *long_paragraphs,
    ]


_MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
_WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
_V = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def test_docx_breaks_tabs_text_boxes_and_tracked_changes(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("第一行")
    paragraph.add_run().add_break()
    paragraph.add_run("第二行\t（附件）")
    body = document.element.body
    sect_pr = body[-1]
    extra = [
        # a deleted run is not text; an inserted one is
        f'<w:p {nsdecls("w")}><w:del w:id="1" w:author="a"><w:r><w:delText>删掉的</w:delText>'
        '</w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>新加的</w:t></w:r></w:ins>'
        "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>文字</w:t></w:r></w:p>",
        # a text box in both its modern and its fallback form: read once
        f"<w:p {nsdecls('w')} {_MC} {_WPS} {_V}>"
        '<w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        "<w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>"
        "<w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        # a content control around a paragraph
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>控件里的字</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>",
    ]
    for xml in extra:
        sect_pr.addprevious(parse_xml(xml))
    path = _write(tmp_path / "a.docx", _docx_bytes(document))
    assert read_document(path).lines == [
        "第一行",
        "第二行\t（附件）",
        "新加的文字",
        "正文",
        "文本框里的字",
        "控件里的字",
    ]


def _rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The same zip with some members replaced (or, for None, left out)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change.get(info.filename, source.read(info))
            if content is not None:
                target.writestr(info.filename, content)
    return buffer.getvalue()


def test_docx_that_word_opens_but_python_docx_does_not(tmp_path: Path) -> None:
    """A dangling relationship (python-docx issue #797: "no item named 'word/NULL'") or a
    damaged part the text does not need must not stop the import."""
    data = _docx_bytes(_letter_docx())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = archive.read("word/_rels/document.xml.rels")
    dangling = rels.replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Target="NULL" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/image"/></Relationships>',
    )
    broken = _rezip(data, {"word/_rels/document.xml.rels": dangling, "word/styles.xml": b"<w:st"})
    with pytest.raises(KeyError):
        docx.Document(io.BytesIO(broken))
    assert read_document(_write(tmp_path / "a.docx", broken)).lines == LETTER_DOCX_LINES
    # no package relationships at all: the usual place is used
    bare = _rezip(data, {"_rels/.rels": None, "[Content_Types].xml": None})
    assert read_document(_write(tmp_path / "b.docx", bare)).lines == LETTER_DOCX_LINES


def test_docx_main_part_elsewhere_and_strict_namespace(tmp_path: Path) -> None:
    data = _docx_bytes(_letter_docx())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml")
        rels = archive.read("_rels/.rels")
    strict = xml.replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    moved = _rezip(
        data,
        {
            "word/document.xml": None,
            "_rels/.rels": rels.replace(b"word/document.xml", b"/word/main%20doc.xml"),
        },
    )
    buffer = io.BytesIO(moved)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/main doc.xml", strict)
    path = _write(tmp_path / "a.docx", buffer.getvalue())
    assert read_document(path).lines == LETTER_DOCX_LINES


def _docx_with_raw_xml(doctype: bytes, replacements: dict[bytes, bytes]) -> bytes:
    """A real python-docx document whose main part is edited as bytes: a DOCTYPE put in after
    the XML declaration and some paragraph text replaced by raw markup."""
    document = docx.Document()
    for text in ("开头结尾", "甲乙", "最后一段"):
        document.add_paragraph(text)
    data = _docx_bytes(document)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml")
    declaration_end = xml.index(b"?>") + 2
    xml = xml[:declaration_end] + doctype + xml[declaration_end:]
    for old, new in replacements.items():
        assert old in xml
        xml = xml.replace(old, new)
    return _rezip(data, {"word/document.xml": xml})


def test_text_after_an_entity_or_comment_inside_a_run_is_kept(tmp_path: Path) -> None:
    data = _docx_with_raw_xml(
        '<!DOCTYPE w:document [<!ENTITY x "中间">]>'.encode(),
        {
            "开头结尾".encode(): "开头&x;结尾".encode(),
            "甲乙".encode(): "甲<!--批注-->乙<?pi data?>丙".encode(),
        },
    )
    lines = read_document(_write(tmp_path / "实体.docx", data)).lines
    assert lines == ["开头中间结尾", "甲乙丙", "最后一段"]


def test_a_docx_naming_an_external_entity_is_refused_unread(tmp_path: Path) -> None:
    secret = _write(tmp_path / "secret.txt", "机密内容".encode())
    data = _docx_with_raw_xml(
        f'<!DOCTYPE w:document [<!ENTITY s SYSTEM "{secret.as_uri()}">]>'.encode(),
        {"开头结尾".encode(): "开头&s;结尾".encode()},
    )
    with pytest.raises(ImportFailure, match=r"^无法读取 外部\.docx：文档已损坏或不完整"):
        read_document(_write(tmp_path / "外部.docx", data))


def test_docx_without_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "图片.docx", _docx_bytes(docx.Document()))
    with pytest.raises(ImportFailure, match=r"^无法读取 图片\.docx：文档里没有文字"):
        read_document(path)


def test_truncated_docx(tmp_path: Path) -> None:
    data = _docx_bytes(_letter_docx())
    path = _write(tmp_path / "半个.docx", data[: len(data) // 2])
    with pytest.raises(ImportFailure) as info:
        read_document(path)
    assert info.value.message == (
        "无法读取 半个.docx：文档已损坏或不完整，请在 Word/WPS 中打开并另存为 .docx 后再导入"
    )


def test_docx_with_damaged_member(tmp_path: Path) -> None:
    """The zip's directory is fine, but the document's compressed bytes are not."""
    data = bytearray(_docx_bytes(_letter_docx()))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + info.compress_size - 10):
        data[i] ^= 0x5A
    with pytest.raises(ImportFailure, match="文档已损坏或不完整"):
        read_document(_write(tmp_path / "坏.docx", bytes(data)))


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "你好")
    with pytest.raises(ImportFailure, match="文档已损坏或不完整"):
        read_document(_write(tmp_path / "a.docx", buffer.getvalue()))

    # an Excel workbook renamed to .docx
    workbook = io.BytesIO()
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
            '-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
    with pytest.raises(ImportFailure, match="不是 Word 文档"):
        read_document(_write(tmp_path / "表格.docx", workbook.getvalue()))


def test_text_file_named_docx(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match="不是有效的 Word 文档"):
        read_document(_write(tmp_path / "a.docx", LETTER.encode()))


def _fake_ole(streams: list[str], size: int = 8192) -> bytes:
    """An OLE compound file's magic and directory names, enough for the readers' checks."""
    data = bytearray(readers.OLE_MAGIC + bytes(size - 8))
    data[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors
    offset = 1024
    for name in streams:
        encoded = name.encode("utf-16-le")
        data[offset : offset + len(encoded)] = encoded
        offset += 128
    return bytes(data)


def test_password_protected_docx(tmp_path: Path) -> None:
    path = _write(tmp_path / "加密.docx", _fake_ole(["EncryptionInfo", "EncryptedPackage"]))
    for soffice in (None, "/nonexistent/soffice"):  # never even tries LibreOffice
        with pytest.raises(ImportFailure) as info:
            read_document(path, soffice=soffice)
        assert info.value.message == (
            "无法读取 加密.docx：文档有密码保护，请在 Word/WPS 中取消密码后再导入"
        )


def test_password_protected_doc(tmp_path: Path) -> None:
    data = bytearray(_fake_ole(["WordDocument", "1Table"], size=16384))
    fib = 4096  # the WordDocument stream starts on a sector boundary
    data[fib : fib + 2] = b"\xec\xa5"
    data[fib + 2 : fib + 4] = (0xC1).to_bytes(2, "little")  # nFib of Word 97
    data[fib + 0x0A : fib + 0x0C] = (0x0100).to_bytes(2, "little")  # fEncrypted
    path = _write(tmp_path / "加密.doc", bytes(data))
    with pytest.raises(ImportFailure, match="文档有密码保护"):
        read_document(path, soffice=None)
    data[fib + 0x0A : fib + 0x0C] = bytes(2)  # not encrypted: needs LibreOffice
    _write(path, bytes(data))
    with pytest.raises(ImportFailure, match="需要安装 LibreOffice"):
        read_document(path, soffice=None)


def test_old_doc_renamed_to_docx_without_libreoffice(tmp_path: Path) -> None:
    path = _write(tmp_path / "旧.docx", _fake_ole(["WordDocument", "1Table"]))
    with pytest.raises(ImportFailure) as info:
        read_document(path, soffice=None)
    assert info.value.message.startswith("无法读取 旧.docx：这个文件其实是旧版 Word（.doc）格式")
    assert "另存为 .docx" in info.value.message


@pytest.fixture(scope="module")
def zip_bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A docx-shaped zip with 300 MB of zeros, and one with a 20 MB member compressed ~1000:1."""
    folder = tmp_path_factory.mktemp("bombs")
    bombs = {}
    chunk = bytes(1024 * 1024)
    for name, megabytes in (("huge", 300), ("dense", 20)):
        path = folder / f"{name}.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            with archive.open("word/document.xml", "w") as member:
                for _ in range(megabytes):
                    member.write(chunk)
        bombs[name] = path
    return bombs


@pytest.mark.parametrize("name", ["huge", "dense"])
def test_zip_bomb_is_refused_before_extracting(
    zip_bombs: dict[str, Path], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = zip_bombs[name]
    assert path.stat().st_size < 2 * 1024 * 1024
    monkeypatch.setattr(zipfile.ZipFile, "read", _no_extracting)
    monkeypatch.setattr(zipfile.ZipFile, "open", _no_extracting)
    start = time.perf_counter()
    with pytest.raises(ImportFailure) as info:
        read_document(path)
    assert info.value.message == f"无法读取 {name}.docx：文档解压后过大，疑似损坏或恶意文件"
    assert time.perf_counter() - start < 1


def _no_extracting(*args: object, **kwargs: object) -> None:
    raise AssertionError("a zip bomb was opened")


# ---------------------------------------------------------------------------------------------
# .doc / .wps


def test_doc_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "老 文件.doc", _fake_ole(["WordDocument", "1Table"]))
    expected = (
        "无法读取 老 文件.doc：需要安装 LibreOffice（免费）才能导入 .doc/.wps 文件，"
        "或在 Word/WPS 中另存为 .docx 后再导入"
    )
    with pytest.raises(ImportFailure) as info:
        read_document(path, soffice=None)
    assert info.value.message == expected

    # the default looks LibreOffice up; make it find nothing
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(soffice_module, "_soffice_candidates", lambda: [])
    assert find_soffice() is None
    with pytest.raises(ImportFailure) as info:
        read_document(path)
    assert info.value.message == expected
    wps = _write(tmp_path / "老.wps", b"anything at all")
    with pytest.raises(ImportFailure, match=r"^无法读取 老\.wps：需要安装 LibreOffice"):
        read_document(wps)


def test_find_soffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(
        shutil, "which", lambda name: "/x/libreoffice" if name == "libreoffice" else None
    )
    assert find_soffice() == "/x/libreoffice"
    installed = _write(tmp_path / "LibreOffice" / "program" / "soffice.exe", b"")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(
        soffice_module, "_soffice_candidates", lambda: [tmp_path / "nope", installed]
    )
    assert find_soffice() == str(installed)


def test_windows_install_paths_are_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    candidates = [str(p).replace("/", "\\") for p in soffice_module._soffice_candidates()]
    assert r"C:\Program Files\LibreOffice\program\soffice.exe" in candidates
    assert r"C:\Program Files (x86)\LibreOffice\program\soffice.exe" in candidates


def test_docx_renamed_to_doc_needs_no_libreoffice(tmp_path: Path) -> None:
    path = _write(tmp_path / "其实是docx.doc", _docx_bytes(_letter_docx()))
    assert read_document(path, soffice=None) == ExtractedText(
        lines=LETTER_DOCX_LINES, source_format="doc"
    )


posix_only = pytest.mark.skipif(os.name == "nt", reason="the fake soffice is a POSIX script")


def _fake_soffice(tmp_path: Path, body: str) -> str:
    """A stand-in for soffice: a Python script, so the conversion plumbing is tested anywhere."""
    script = tmp_path / "bin" / "soffice"
    script.parent.mkdir(exist_ok=True)
    script.write_text(f"#!{sys.executable}\nimport sys, shutil, time, pathlib\n{body}\n")
    script.chmod(0o755)
    return str(script)


@posix_only
def test_conversion_plumbing_with_a_fake_soffice(tmp_path: Path) -> None:
    converted = _write(tmp_path / "prepared.docx", _docx_bytes(_letter_docx()))
    log = tmp_path / "args.txt"
    program = _fake_soffice(
        tmp_path,
        f"pathlib.Path({str(log)!r}).write_text('\\n'.join(sys.argv[1:]))\n"
        "outdir = pathlib.Path(sys.argv[sys.argv.index('--outdir') + 1])\n"
        "source = pathlib.Path(sys.argv[-1])\n"
        f"shutil.copy({str(converted)!r}, outdir / (source.stem + '.docx'))",
    )
    for name in ("答复 第277号.doc", "答复.wps"):
        source = _write(tmp_path / "in" / name, _fake_ole(["WordDocument"]))
        result = read_document(source, soffice=program)
        assert result == ExtractedText(lines=LETTER_DOCX_LINES, source_format=name[-3:])
        args = log.read_text().splitlines()
        assert args[0].startswith("-env:UserInstallation=file:///")
        assert {"--headless", "--norestore", "--convert-to"} <= set(args)
        # a private copy with a plain name is converted, never the clerk's own file
        assert Path(args[-1]).name == "input.doc"
        assert not Path(args[-1]).exists()  # and the temporary folder is cleaned up
    # an OLE .docx (an old .doc renamed) is converted too
    old = _write(tmp_path / "in" / "旧.docx", _fake_ole(["WordDocument"]))
    assert read_document(old, soffice=program).lines == LETTER_DOCX_LINES


@posix_only
def test_conversion_that_produces_nothing(tmp_path: Path) -> None:
    program = _fake_soffice(tmp_path, "print('Error: source file could not be loaded')")
    path = _write(tmp_path / "坏.doc", b"\x00" * 100)
    with pytest.raises(ImportFailure) as info:
        read_document(path, soffice=program)
    assert info.value.message.startswith("无法读取 坏.doc：LibreOffice 转换失败")


@posix_only
def test_conversion_that_produces_garbage(tmp_path: Path) -> None:
    program = _fake_soffice(
        tmp_path,
        "outdir = pathlib.Path(sys.argv[sys.argv.index('--outdir') + 1])\n"
        "(outdir / 'input.docx').write_bytes(b'PK not really')",
    )
    with pytest.raises(ImportFailure, match="LibreOffice 转换失败"):
        read_document(_write(tmp_path / "坏.doc", b"x"), soffice=program)


@posix_only
def test_conversion_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.readers.legacy.SOFFICE_TIMEOUT", 1)
    program = _fake_soffice(tmp_path, "time.sleep(60)")
    start = time.perf_counter()
    with pytest.raises(ImportFailure, match="LibreOffice 转换超时（超过 1 秒）"):
        read_document(_write(tmp_path / "慢.doc", b"x"), soffice=program)
    assert time.perf_counter() - start < 10


def test_soffice_that_cannot_start(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match="无法启动 LibreOffice"):
        read_document(_write(tmp_path / "a.doc", b"x"), soffice=str(tmp_path / "no-soffice"))


def test_missing_soffice_skips_locally_but_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(soffice_module, "find_soffice", lambda: None)
    monkeypatch.setattr(sys.modules[__name__], "find_soffice", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="LibreOffice"):
        _soffice_or_skip()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must have LibreOffice"):
        _soffice_or_skip()


@pytest.mark.soffice
def test_real_doc_and_wps_conversion(tmp_path: Path) -> None:
    program = _soffice_or_skip()
    folder = tmp_path / "我的 文件"
    source = folder / "答复 原稿.docx"
    folder.mkdir()
    _letter_docx().save(str(source))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "doc",
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    doc = folder / "答复 原稿.doc"
    assert doc.read_bytes().startswith(readers.OLE_MAGIC)
    assert read_document(doc) == ExtractedText(lines=LETTER_DOCX_LINES, source_format="doc")
    wps = doc.rename(folder / "答复 原稿.wps")  # a Kingsoft .wps is a Word binary file
    assert read_document(wps, soffice=program) == ExtractedText(
        lines=LETTER_DOCX_LINES, source_format="wps"
    )
    old = wps.rename(folder / "改了扩展名.docx")
    assert read_document(old, soffice=program).lines == LETTER_DOCX_LINES


# ---------------------------------------------------------------------------------------------
# Whatever the bytes: ExtractedText or ImportFailure, nothing else.

_VALID = {
    ".docx": _docx_bytes(_letter_docx()),
    ".txt": LETTER.encode("gbk"),
}


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _read_bytes_as(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"样本 fuzz{suffix}"
    path.write_bytes(data)
    try:
        result = read_document(path, soffice=None)
    except ImportFailure as failure:
        assert failure.message
        assert "\n" not in failure.message
    else:
        assert isinstance(result, ExtractedText)
        assert result.lines
        assert all(isinstance(line, str) and line.strip() for line in result.lines)


@st.composite
def _mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    suffix = draw(st.sampled_from([".docx", ".txt", ".doc"]))
    data = bytearray(_VALID[".txt" if suffix == ".txt" else ".docx"])
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[at : at + draw(st.integers(1, 64))]
    return bytes(data), suffix


_FUZZ_SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


@_FUZZ_SETTINGS
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_random_bytes_never_crash(fuzz_dir: Path, data: bytes, suffix: str) -> None:
    _read_bytes_as(fuzz_dir, data, suffix)


@_FUZZ_SETTINGS
@given(sample=_mutated())
def test_mutated_documents_never_crash(fuzz_dir: Path, sample: tuple[bytes, str]) -> None:
    _read_bytes_as(fuzz_dir, *sample)


@_FUZZ_SETTINGS
@given(text=st.text(min_size=1, max_size=300))
def test_any_utf8_text_reads_or_is_refused_cleanly(fuzz_dir: Path, text: str) -> None:
    _read_bytes_as(fuzz_dir, text.encode("utf-8"), ".txt")
