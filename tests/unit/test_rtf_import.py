""".rtf letters without LibreOffice: the code page's \\'xx bytes (GBK), \\uN escapes with
their fallback characters, raw 8-bit bytes, tables; and LibreOffice's own RTF of a letter."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from desktop.importer import import_paths
from desktop.model import ImportFailure
from desktop.readers import SUPPORTED_SUFFIXES, read_document
from desktop.store import LibraryStore
from tests.formats import letter_docx, soffice_convert, soffice_or_skip

LETTER = [
    "林晓燕委员：",
    "您提出的《关于推进社区老年食堂建设的提案》收悉。经认真研究，现答复如下：",
    "截至今年六月，全区已建成社区老年食堂二十六家，每天为一千余名老人提供午餐，"
    "其中八十岁以上老人和低保老人享受每餐三元的补贴。",
    "下一步，我们将在老旧小区集中的街道再新建八家老年食堂，并探索由周边餐饮企业送餐上门，"
    "让行动不便的老人也能吃上热饭。",
    "衷心感谢您对民政工作的关心和支持。",
    "白沙区民政局",
    "2023年7月20日",
]


def _gbk(text: str) -> str:
    """Text as Word and WPS write it in a \\ansicpg936 document: \\'xx GBK bytes."""
    return "".join(f"\\'{b:02x}" for b in text.encode("gbk"))


def _u(text: str) -> str:
    """Text as \\uN escapes (UTF-16 units, negative past 32767) with a '?' fallback each."""
    data = text.encode("utf-16-le")
    units = struct.unpack(f"<{len(data) // 2}H", data)
    return "".join(f"\\u{u if u < 32768 else u - 65536}?" for u in units)


def _word_style_rtf() -> bytes:
    """A letter the way Word/WPS write one: a Chinese code page, a Western and a Chinese font,
    document information, a header, a picture, the text in \\'xx bytes and \\uN escapes."""
    paragraphs = [f"\\pard\\f1 {_gbk(text)}\\par" for text in LETTER[:2]]
    half = len(LETTER[2]) // 2
    paragraphs.append(f"\\pard\\f0 {_gbk(LETTER[2][:half])}\\uc1 {_u(LETTER[2][half:])}\\par")
    paragraphs.append(
        "\\trowd\\cellx3000\\cellx6000 " + _gbk("街道") + "\\cell " + _gbk("食堂数") + "\\cell\\row"
    )
    paragraphs += [f"\\pard\\f1 {_gbk(text)}\\par" for text in LETTER[3:]]
    picture = "{\\*\\shppict{\\pict\\pngblip\\picw10\\pich10 " + "89504e470d0a1a0a" * 200 + "}}"
    return (
        "{\\rtf1\\ansi\\ansicpg936\\deff0"
        "{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fnil\\fcharset134 "
        + _gbk("宋体")
        + ";}}{\\info{\\title "
        + _gbk("不应出现的文档标题")
        + "}{\\author "
        + _gbk("办公室")
        + "}}{\\header \\pard "
        + _gbk("白沙区民政局文件")
        + "\\par}"
        + picture
        + "\n".join(paragraphs)
        + "}"
    ).encode("ascii")


def _import(store: LibraryStore, path: Path) -> tuple[str, int | None, str]:
    results = [p.result for p in import_paths(store, [path])]
    assert len(results) == 1
    return results[0].status, results[0].letter_id, results[0].message


def test_a_word_style_rtf_reads_gbk_bytes_and_unicode_escapes(
    tmp_path: Path, store: LibraryStore
) -> None:
    path = tmp_path / "答复.rtf"
    path.write_bytes(_word_style_rtf())
    assert ".rtf" in SUPPORTED_SUFFIXES
    lines = read_document(path, soffice=None).lines  # no LibreOffice needed
    assert lines == [*LETTER[:3], "街道 | 食堂数", *LETTER[3:]]
    status, letter_id, _ = _import(store, path)
    assert status == "imported" and letter_id is not None
    letter = store.letters.detail(letter_id)
    assert letter is not None and letter.kind == "reply" and letter.source_format == "rtf"
    assert letter.addressee == ["林晓燕"] and letter.addressee_role == "委员"
    assert letter.proposal_title == "关于推进社区老年食堂建设的提案"
    assert letter.reply_date == "2023-07-20"
    assert letter.agency == "白沙区民政局"


def test_raw_gbk_bytes_and_characters_past_the_bmp(tmp_path: Path) -> None:
    path = tmp_path / "raw.rtf"
    path.write_bytes(
        b"{\\rtf1\\ansi\\ansicpg936 "
        + "林晓燕委员：\\par 您好。\\par ".encode("gbk")
        + _u("𠀋𠀋村的道路").encode("ascii")
        + b"\\par}"
    )
    assert read_document(path).lines == ["林晓燕委员：", "您好。", "𠀋𠀋村的道路"]


def test_a_doc_that_is_rtf_needs_no_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "答复.doc"
    path.write_bytes(_word_style_rtf())
    extracted = read_document(path, soffice=None)
    assert extracted.lines[0] == "林晓燕委员：" and extracted.source_format == "doc"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("林晓燕委员：您好。".encode(), "不是 RTF 文件"),
        (b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\pard\\par}", "没有文字"),
        (b"{\\rtf1\\ansi\\ansicpg936 " + bytes(range(128, 256)) * 20 + b"}", "乱码"),
    ],
)
def test_a_bad_rtf_is_one_chinese_line_and_nothing_stored(
    tmp_path: Path, store: LibraryStore, data: bytes, words: str
) -> None:
    path = tmp_path / "坏.rtf"
    path.write_bytes(data)
    with pytest.raises(ImportFailure) as caught:
        read_document(path)
    assert words in caught.value.message and "\n" not in caught.value.message
    assert _import(store, path)[:2] == ("failed", None)
    assert store.letters.count() == 0


@pytest.mark.soffice
def test_libreoffices_rtf_of_a_letter_imports_as_its_docx(
    tmp_path: Path, store: LibraryStore
) -> None:
    program = soffice_or_skip()
    data = letter_docx(["白沙区民政局关于区政协三届二次会议第36号提案的答复", *LETTER])
    rtf = tmp_path / "答复.rtf"
    rtf.write_bytes(soffice_convert(program, data, "letter.docx", "rtf"))
    status, letter_id, _ = _import(store, rtf)
    assert status == "imported"
    docx_path = tmp_path / "答复.docx"
    docx_path.write_bytes(data)
    assert _import(store, docx_path)[:2] == ("duplicate", letter_id)
