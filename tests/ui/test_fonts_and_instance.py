from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.model import FontSpec
from desktop.ui.fonts_check import check_fonts, missing_fonts_note
from desktop.ui.single_instance import SingleInstance


def test_missing_gb2312_fonts_are_named_with_their_substitutes() -> None:
    families = ["仿宋", "楷体", "黑体", "宋体", "SimSun"]
    statuses = check_fonts(FontSpec(), families)
    by_role = {s.role: s for s in statuses}
    assert not by_role["body"].installed and by_role["body"].substitute == "仿宋"
    assert by_role["heading1"].installed
    note = missing_fonts_note(statuses)
    assert note is not None
    assert "“仿宋_GB2312”（用于正文）未安装" in note and "“方正小标宋简体”（用于标题）" in note
    assert missing_fonts_note(check_fonts(FontSpec(body="宋体", title="宋体", heading2="宋体"),
                                          families)) is None  # fmt: skip


def test_second_instance_activates_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "library.db")
    assert first.claim()
    second = SingleInstance(tmp_path / "library.db")
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert not second.claim()
    other = SingleInstance(tmp_path / "other.db")
    assert other.claim()  # another library may run beside it
    first.release()
    other.release()
    third = SingleInstance(tmp_path / "library.db")
    assert third.claim()
    third.release()
