"""A reply's own title among the other short lines of a page's head, a document number whose
label has no value or is written with a colon, a contact form's "承办人姓名：" row. Letters in
our own words; the corpus measure is bench/accuracy.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.importer import import_paths
from desktop.reparse import needs_reparse, reparse_letters
from desktop.store import LibraryStore
from desktop.understand import explain, parse_letter

BODY = [
    "李明代表：",
    "您提出的《关于增开城东公交夜班线路的建议》收悉，现答复如下：",
    "我局已会同公交公司开展客流调查，拟于年内试开两条夜班线路。",
    "感谢您对交通工作的关心和支持。",
    "某县交通运输局",
    "2024年6月3日",
]


def _title(head: list[str]) -> str | None:
    return parse_letter([*head, *BODY]).title


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a portal's buttons and search box around the title
        (
            ["搜索热词：", "某县交通运输局关于县十届人大三次会议第12号建议的答复", "我要纠错"],
            "某县交通运输局关于县十届人大三次会议第12号建议的答复",
        ),
        (
            ["无障碍浏览", "长者模式", "对县十届人大三次会议第12号建议的复函", "分享到朋友圈"],
            "对县十届人大三次会议第12号建议的复函",
        ),
        # the page's name and the letter's heading: the same title twice
        (
            ["关于县十届人大三次会议第12号建议的答复", "关于县十届人大三次会议第12号建议的答复"],
            "关于县十届人大三次会议第12号建议的答复",
        ),
        # a title broken over two lines, the first without title words
        (["对县十届人大三次会议", "第12号建议的答复"], "对县十届人大三次会议第12号建议的答复"),
        (
            ["关于县十届人大三次会议第12号", "建议的办理情况的函"],
            "关于县十届人大三次会议第12号建议的办理情况的函",
        ),
        # a portal's column name with title words, apart from the title or right above it
        (
            ["建议提案办理", "网站首页", "对县十届人大三次会议第12号建议的答复"],
            "对县十届人大三次会议第12号建议的答复",
        ),
        (
            ["代表建议", "某县交通运输局关于县十届人大三次会议第12号建议的答复"],
            "某县交通运输局关于县十届人大三次会议第12号建议的答复",
        ),
        # a long title wrapped over three lines, the middle one without title words
        (
            [
                "市十届人大三次会议第12号《关于加快推进",
                "城东片区老旧小区排水管网改造",
                "工程的建议》的答复",
            ],
            "市十届人大三次会议第12号《关于加快推进城东片区老旧小区排水管网改造工程的建议》的答复",
        ),
        # a label before the title, a breadcrumb saved with its links
        (["标题：对县十届人大三次会议第12号建议的答复"], "对县十届人大三次会议第12号建议的答复"),
        (
            ["首页/col/col12/index.html建议提案/col/col34/index.html关于第12号建议的答复"],
            "关于第12号建议的答复",
        ),
        # a status line after an unfinished title is not a part of it
        (["县十届人大三次会议代表建议办理", "办理状态：已办结"], "县十届人大三次会议代表建议办理"),
        # nothing titled: no title rather than the page's buttons
        (["网站首页", "政府信息公开", "加入收藏"], None),
    ],
)
def test_the_title_is_the_letters_own(head: list[str], title: str | None) -> None:
    assert _title(head) == title


def test_the_lines_beside_the_title_are_shown_as_page_furniture() -> None:
    head = ["搜索热词：", "对县十届人大三次会议第12号建议的答复", "我要纠错"]
    lines, letter = explain([*head, *BODY])
    roles = {ln.text: (ln.role, ln.rule) for ln in lines}
    assert roles["我要纠错"] == ("furniture", "beside-title")
    assert roles["对县十届人大三次会议第12号建议的答复"][0] == "title"
    assert letter.sources["title"].line == 1
    assert letter.session == "县十届人大三次会议"
    assert letter.proposal_number == "12"


@pytest.mark.parametrize(
    "row",
    [
        "文号： 所属主题： 建议提案办理",
        "文　号：主题分类：交通",
        "发文字号：索引号：000123-2024",
        "发文字号：成文时间： 2024-05-06",
    ],
)
def test_a_document_number_label_left_empty_gives_no_number(row: str) -> None:
    letter = parse_letter(["某县人民政府", row, "对县十届人大三次会议第12号建议的答复", *BODY])
    assert letter.doc_number is None


@pytest.mark.parametrize(
    ("row", "number"),
    [
        ("建议字：〔2024〕15号", "建议字：〔2024〕15号"),
        ("某交函: [2024] 7号", "某交函:[2024]7号"),
        ("某交函〔2024〕7号", "某交函〔2024〕7号"),
        # the label of a page's metadata (字号： alone is its font-size buttons)
        ("发文字号: 某交〔2024〕3号", "某交〔2024〕3号"),
        ("文号：〔2024〕3号", "〔2024〕3号"),
    ],
)
def test_a_document_number_with_a_colon_after_its_word(row: str, number: str) -> None:
    letter = parse_letter([row, "对县十届人大三次会议第12号建议的答复", *BODY])
    assert letter.doc_number is not None
    assert letter.doc_number.replace(":", "：") == number.replace(":", "：")


def test_a_library_read_by_the_older_parser_gets_the_titles_on_reparse(tmp_path: Path) -> None:
    """A letter stored with the page's furniture in its title (parser 2) is read again from
    its stored lines: the title is the letter's own, the clerk's corrections stay."""
    page = tmp_path / "page.txt"
    head = ["无障碍浏览", "对县十届人大三次会议第12号建议的答复", "我要纠错"]
    page.write_text("\n".join([*head, *BODY]), encoding="utf-8")
    with LibraryStore(tmp_path / "lib.db") as store:
        (step,) = import_paths(store, [page])
        letter_id = step.result.letter_id
        assert letter_id is not None
        conn = store.db.conn  # as parser 2 stored it (the store's connection: its functions)
        conn.execute(
            "UPDATE letters SET parser_version = 2, title = ? WHERE id = ?",
            ["".join(head), letter_id],
        )
        conn.commit()
        assert store.letters.detail(letter_id).title == "".join(head)  # type: ignore[union-attr]
    with LibraryStore(tmp_path / "lib.db") as store:
        store.letters.edit(letter_id, fields={"category": "C"})
        assert needs_reparse(store) == 1
        (done,) = reparse_letters(store)
        assert done.changed and not done.failed
        detail = store.letters.detail(letter_id)
        assert detail is not None
        assert detail.title == "对县十届人大三次会议第12号建议的答复"
        assert detail.category == "C"
        assert needs_reparse(store) == 0


@pytest.mark.parametrize(
    ("rows", "name", "phone"),
    [
        (["承办人姓名：陈晓东    联系电话：0550-1234567"], "陈晓东", "0550-1234567"),
        (["经办人姓名: 吴 静", "联系电话: 13800001111"], "吴静", "13800001111"),
        # the leader who signed is not the contact; the clerk who handled it is
        (
            [
                "主管领导姓名：赵大为  联系电话：0550-7654321",
                "承办人姓名：钱小红  联系电话：0550-1112222",
            ],
            "钱小红",
            "0550-1112222",
        ),
    ],
)
def test_a_contact_form_row_with_a_name_label(rows: list[str], name: str, phone: str) -> None:
    letter = parse_letter(["对县十届人大三次会议第12号建议的答复", *BODY, *rows])
    assert (letter.contact_name, letter.contact_phone) == (name, phone)


def test_a_pages_font_size_buttons_stay_furniture() -> None:
    lines, letter = explain(["字号：大 中 小", "对县十届人大三次会议第12号建议的答复", *BODY])
    assert lines[0].role == "furniture"
    assert letter.title == "对县十届人大三次会议第12号建议的答复" and letter.doc_number is None
