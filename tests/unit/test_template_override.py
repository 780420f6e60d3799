"""The clerk's templates before the shipped ones (one Jinja ChoiceLoader), and the live preview
rendered from a string."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from desktop.reply_templates import ReplyTemplates

CONTEXT: dict[str, Any] = {
    "addressee": "张三",
    "role": "代表",
    "title": "关于加快众创空间建设的建议",
}


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    folder = tmp_path / "shipped"
    folder.mkdir()
    (folder / "greeting.j2").write_text("{{ addressee }}{{ role }}：您好。", encoding="utf-8")
    (folder / "status.j2").write_text("自带的办理情况。", encoding="utf-8")
    return folder


def test_edited_copy_wins_and_its_removal_falls_back(shipped: Path, tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    templates = ReplyTemplates(shipped=shipped, override=user)
    assert templates.render("greeting", CONTEXT, []) == ("张三代表：您好。", [])

    edited = user / "greeting.j2"
    edited.write_text("尊敬的{{ addressee }}{{ role }}：", encoding="utf-8")
    assert templates.render("greeting", CONTEXT, []) == ("尊敬的张三代表：", [])

    edited.unlink()  # the same object, with Jinja's cache: the shipped one comes back
    assert templates.render("greeting", CONTEXT, []) == ("张三代表：您好。", [])


def test_a_user_folder_made_later_is_read(shipped: Path, tmp_path: Path) -> None:
    user = tmp_path / "later"
    templates = ReplyTemplates(shipped=shipped, override=user)
    assert templates.render("status", CONTEXT, [])[0] == "自带的办理情况。"
    user.mkdir()
    (user / "status.j2").write_text("我们的办理情况。", encoding="utf-8")
    assert templates.render("status", CONTEXT, [])[0] == "我们的办理情况。"


def test_a_broken_edited_variant_falls_back_to_the_shipped_template(
    shipped: Path, tmp_path: Path
) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "status.A.j2").write_text("{{ nme }}", encoding="utf-8")
    text, problems = ReplyTemplates(shipped=shipped, override=user).render("status", CONTEXT, ["A"])
    assert text == "自带的办理情况。"
    assert [(p.name, p.line) for p in problems] == [("status.A.j2", 1)]
    assert "nme" in problems[0].message


def test_preview_from_a_string_writes_no_file(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "user"
    templates = ReplyTemplates(shipped=shipped, override=user)
    written: list[str] = []
    real_open = os.open

    def watch(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            written.append(str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", watch)
    before = sorted(tmp_path.rglob("*"))
    text, problem = templates.render_source("{{ addressee }}{{ role }}：\n", "greeting.j2", CONTEXT)
    assert (text, problem) == ("张三代表：", None)
    _, problem = templates.render_source("第一行\n{{ nme }}", "greeting.j2", CONTEXT)
    assert problem is not None and problem.line == 2
    assert sorted(tmp_path.rglob("*")) == before
    assert written == []
