"""Plain-text letters: charset-normalizer detects the encoding, the GB2312 plausibility check
decides after it."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import charset_normalizer
import pytest

from desktop.model import ImportFailure
from desktop.readers import decode_text, read_document

LETTER = (
    "关于加快推进老旧小区改造的建议答复\n\n张三代表：\n\n"
    "您提出的关于加快推进老旧小区改造的建议收悉，现答复如下：\n"
    "一、今年我市已完成老旧小区改造四十二个，惠及居民一万余户。\n"
    "二、下一步，我们将继续加大投入，完善配套设施。\n\n"
    "市住房和城乡建设局\n2025年6月10日\n"
)
# Characters GBK does not have (extension A, in GB18030's four-byte area).
GB18030_ONLY = LETTER.replace("张三", "张䶮")


@pytest.fixture
def detections(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every payload handed to charset-normalizer."""
    seen: list[bytes] = []
    real = charset_normalizer.from_bytes

    def spy(data: bytes, *args: Any, **kwargs: Any) -> Any:
        seen.append(bytes(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(charset_normalizer, "from_bytes", spy)
    return seen


@pytest.mark.parametrize(
    ("text", "codec", "data_codec", "prefix"),
    [
        (LETTER, "gb18030", "gbk", b""),
        (GB18030_ONLY, "gb18030", "gb18030", b""),
        (LETTER, "utf-16-le", "utf-16-le", b""),
        (LETTER, "utf-16-be", "utf-16-be", b""),
    ],
)
def test_detected_by_charset_normalizer(
    detections: list[bytes], text: str, codec: str, data_codec: str, prefix: bytes
) -> None:
    data = prefix + text.encode(data_codec)
    assert decode_text(data) == (text, codec)
    assert detections == [data]


def test_valid_utf8_is_taken_without_the_detector(detections: list[bytes]) -> None:
    assert decode_text(LETTER.encode("utf-8")) == (LETTER, "utf-8")
    assert detections == []


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_a_byte_order_mark_decides(
    detections: list[bytes], bom: bytes, codec: str, name: str
) -> None:
    assert decode_text(bom + LETTER.encode(codec)) == (LETTER, name)
    assert detections == []


def test_gbk_file_imports_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "答复.txt"
    path.write_bytes(LETTER.encode("gbk"))
    read = read_document(path)
    assert read.encoding == "gb18030"
    assert read.lines[1] == "张三代表："


def test_plausibility_check_still_refuses_binary(detections: list[bytes]) -> None:
    noise = bytes(range(0x81, 0xFF)) * 40  # decodes as GB18030 to rare characters
    with pytest.raises(ImportFailure):
        decode_text(noise)
    assert detections == [noise]


def test_a_character_cut_off_at_the_end_is_dropped() -> None:
    data = LETTER.encode("gbk") + "。".encode("gbk")[:1]
    assert decode_text(data) == (LETTER, "gb18030")
