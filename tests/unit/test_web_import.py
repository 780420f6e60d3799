"""Web pages saved from portals (.html/.htm, .mht/.mhtml): the letter's lines come through the
same understanding as a portal page saved as text; navigation, scripts and page furniture do
not become paragraphs. The pages are our own, written like the portals write theirs."""

from __future__ import annotations

import base64
import quopri
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from pathlib import Path

import pytest

from desktop.importer import import_paths
from desktop.model import ImportFailure
from desktop.readers import SUPPORTED_SUFFIXES, read_document
from desktop.store import LibraryStore
from tests.formats import letter_docx, soffice_convert, soffice_or_skip

BODY = [
    "您提出的《关于在城郊增设公交夜班线路的建议》收悉。经认真研究，现答复如下：",
    "目前，全市共开通夜班公交线路十二条，主要覆盖中心城区的医院、车站和商业街区。"
    "城郊片区因客流分散，暂未开通夜班线路，群众夜间出行确有不便。",
    "下一步，我局将会同公交集团对城郊片区夜间出行需求开展专项调查，"
    "在今年第四季度前试开通两条夜班微循环线路，并根据客流情况适时调整发车间隔。",
    "感谢您对交通运输工作的关心和支持。",
]
TITLE = "青溪市交通运输局关于市九届人大四次会议第112号建议的答复"


def _portal_page(charset: str = "gb2312", meta: bool = True) -> str:
    """A letter as a county portal shows it: header links, a navigation bar, a breadcrumb,
    the article with its 来源/发布时间 line, a table inside the letter, the footer."""
    paragraphs = "\n".join(f'<p style="text-indent:2em">{p}</p>' for p in BODY[:2])
    head_meta = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if meta else ""
    )
    return f"""<!DOCTYPE html>
<html><head>{head_meta}<title>{TITLE}_青溪市人民政府</title>
<style>.nav li {{ float: left }}</style>
<script>var visits = "累计访问次数 120034"; document.write("<p>脚本写入的文字</p>");</script>
</head><body>
<div class="top"><a href="#">无障碍浏览</a> <a href="#">长者模式</a> <a href="#">网站地图</a></div>
<nav class="nav"><ul><li>首页</li><li>政务公开</li><li>政务服务</li><li>互动交流</li></ul></nav>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 建议提案办理</div>
<div class="article">
<h1>{TITLE}</h1>
<div class="info">来源：市交通运输局 发布时间：2023-09-18 10:21 【字体：大 中 小】</div>
<div class="content">
<p>李海燕代表：</p>
{paragraphs}
<table border="1"><tr><th>片区</th><th>夜间客流（人次）</th></tr>
<tr><td>东郊</td><td>860</td></tr><tr><td>北郊</td><td>540</td></tr></table>
<p style="text-indent:2em">{BODY[2]}</p>
<p style="text-indent:2em">{BODY[3]}</p>
<p style="text-align:right">青溪市交通运输局<br>2023年9月12日</p>
<p>（联系人：吴峰，联系电话：0571-8820516）</p>
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="pager">上一篇：关于第110号建议的答复<br>下一篇：关于第115号建议的答复</div>
</div>
<div class="footer">主办：青溪市人民政府办公室 网站标识码：3301990001 浙ICP备05012345号<br>
版权所有 &copy; 青溪市人民政府</div>
<select><option>政府网站导航</option><option>省政府</option></select>
</body></html>"""


def _import(store: LibraryStore, path: Path) -> tuple[str, int | None, str]:
    results = [p.result for p in import_paths(store, [path])]
    assert len(results) == 1
    return results[0].status, results[0].letter_id, results[0].message


def _assert_the_letter(store: LibraryStore, letter_id: int | None, fmt: str) -> None:
    assert letter_id is not None
    letter = store.letters.detail(letter_id)
    assert letter is not None
    assert letter.kind == "reply" and letter.source_format == fmt
    assert letter.addressee == ["李海燕"]
    assert letter.proposal_title == "关于在城郊增设公交夜班线路的建议"
    assert letter.reply_date == "2023-09-12"
    assert letter.agency == "青溪市交通运输局"
    assert letter.contact_phone == "0571-8820516"
    texts = [p.text for p in letter.paragraphs]
    for paragraph in BODY[1:]:
        assert paragraph in texts
    assert "片区 | 夜间客流（人次）" in texts  # the letter's own table, row by row
    everything = "\n".join(texts)
    for furniture in (
        "无障碍",
        "网站地图",
        "当前位置",
        "首页",
        "ICP",
        "版权所有",
        "上一篇",
        "脚本",
        "累计访问",
        "政府网站导航",
        "字体",
        "分享到",
    ):
        assert furniture not in everything, furniture


@pytest.mark.parametrize(
    ("name", "charset", "encoding", "meta"),
    [
        ("答复.html", "gb2312", "gb18030", True),
        ("答复.htm", "GBK", "gbk", True),
        ("答复.html", "utf-8", "utf-8", True),
        ("答复.htm", "gb2312", "gb18030", False),  # no charset given: detected
        ("答复.html", "utf-8", "gb18030", True),  # mislabelled: the bytes are GB18030
    ],
)
def test_a_portal_page_imports_as_the_letter_it_shows(
    tmp_path: Path, store: LibraryStore, name: str, charset: str, encoding: str, meta: bool
) -> None:
    path = tmp_path / name
    path.write_bytes(_portal_page(charset, meta).encode(encoding))
    status, letter_id, _ = _import(store, path)
    assert status == "imported"
    _assert_the_letter(store, letter_id, "html")
    assert {".html", ".htm", ".mht", ".mhtml"} <= set(SUPPORTED_SUFFIXES)


def _mht(html: str, charset: str, transfer: str) -> bytes:
    """A single-file web page as browsers and Word save it: the page and a picture."""
    message = MIMEMultipart("related", type="text/html")
    message["Subject"] = "=?gb2312?b?" + base64.b64encode(TITLE.encode("gb2312")).decode() + "?="
    message["MIME-Version"] = "1.0"
    page = MIMEBase("text", "html", charset=charset)
    raw = html.encode(charset)
    if transfer == "quoted-printable":
        page.set_payload(quopri.encodestring(raw).decode("ascii"))
    else:
        page.set_payload(base64.encodebytes(raw).decode("ascii"))
    page["Content-Transfer-Encoding"] = transfer
    page["Content-Location"] = "http://www.example.gov.cn/art/2023/9/18/art_1.html"
    message.attach(page)
    picture = MIMEBase("image", "png")
    picture.set_payload(base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(64)).decode("ascii"))
    picture["Content-Transfer-Encoding"] = "base64"
    message.attach(picture)
    return message.as_bytes()


@pytest.mark.parametrize(
    ("name", "transfer"),
    [
        ("答复.mht", "quoted-printable"),
        ("答复.mhtml", "base64"),
        ("另存为网页.htm", "quoted-printable"),
    ],
)
def test_an_mht_page_imports_as_the_letter_it_shows(
    tmp_path: Path, store: LibraryStore, name: str, transfer: str
) -> None:
    path = tmp_path / name  # the last one: an MHT message the browser named .htm
    path.write_bytes(_mht(_portal_page("gb2312"), "gb2312", transfer))
    status, letter_id, _ = _import(store, path)
    assert status == "imported"
    _assert_the_letter(store, letter_id, "mht")


def test_a_portals_table_export_reads_its_label_cells(tmp_path: Path, store: LibraryStore) -> None:
    """A suggestion-system page that lays the record out as a table of label and value
    cells, the reply in one cell (the shape of the .docx table exports)."""
    reply = "".join(
        f"<p>{p}</p>" for p in ["李海燕代表：", *BODY, "青溪市交通运输局", "2023年9月12日"]
    )
    page = f"""<html><head><meta charset="utf-8"></head><body><table>
<tr><td>建议提出者：</td><td>李海燕</td><td>建议号：</td><td>112</td></tr>
<tr><td>标题：</td><td colspan="3">关于在城郊增设公交夜班线路的建议</td></tr>
<tr><td>承办单位：</td><td>主办：</td><td>市交通运输局</td><td></td></tr>
<tr><td>答复内容：</td><td colspan="3">{reply}</td></tr></table></body></html>"""
    path = tmp_path / "办理结果.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).lines[:2] == [
        "建议提出者： | 李海燕 | 建议号： | 112",
        "标题： | 关于在城郊增设公交夜班线路的建议",
    ]
    status, letter_id, _ = _import(store, path)
    assert status == "imported" and letter_id is not None
    letter = store.letters.detail(letter_id)
    assert letter is not None and letter.kind == "reply"
    assert letter.proposal_number in ("112", "第112号")
    assert letter.proposal_title == "关于在城郊增设公交夜班线路的建议"
    assert BODY[2] in [p.text for p in letter.paragraphs]


def test_a_news_page_is_kept_as_reference_and_says_why(tmp_path: Path, store: LibraryStore) -> None:
    page = """<html><head><meta charset="utf-8"></head><body>
<div>无障碍浏览 网站地图</div><h1>我市新增两条夜班公交线路</h1>
<div>来源：青溪日报 发布时间：2023-10-08 09:00</div>
<p>10月8日起，青溪公交新开通两条夜班线路，分别连接东郊客运站和北郊工业园，
末班车延至次日凌晨一点。</p><p>市民可通过公交查询软件查看实时到站信息。</p>
<div>版权所有 &copy; 青溪市人民政府</div></body></html>"""
    path = tmp_path / "新闻.html"
    path.write_text(page, encoding="utf-8")
    status, letter_id, message = _import(store, path)
    assert status == "imported" and "参考资料" in message and "不像一份答复" in message
    letter = store.letters.detail(letter_id or 0)
    assert letter is not None and letter.kind == "reference"
    assert letter.title == "我市新增两条夜班公交线路"
    texts = [p.text for p in letter.paragraphs]
    assert any(
        t.startswith("10月8日起，青溪公交新开通两条夜班线路") and "工业园，末班车" in t
        for t in texts
    )


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("空.html", b"  \n ", "文件是空的"),
        (
            "图片.html",
            b"<html><body><img src='a.png'><script>var a='x';</script></body></html>",
            "网页里没有文字",
        ),
        (
            "坏.mht",
            b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n"
            b"--x\nContent-Type: image/png\n\nabc\n--x--\n",
            "MHT",
        ),
    ],
)
def test_a_page_without_text_is_refused_whole(
    tmp_path: Path, store: LibraryStore, name: str, data: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFailure) as caught:
        read_document(path)
    assert words in caught.value.message and "\n" not in caught.value.message
    status, letter_id, _ = _import(store, path)
    assert (status, letter_id) == ("failed", None)
    assert store.letters.count() == 0


def test_a_page_of_furniture_only_has_nothing_to_import(
    tmp_path: Path, store: LibraryStore
) -> None:
    page = (
        "<html><body><div>无障碍浏览</div><div>网站地图</div>"
        "<div>版权所有 &copy; 青溪市人民政府 浙ICP备05012345号</div></body></html>"
    )
    path = tmp_path / "首页.htm"
    path.write_text(page, encoding="utf-8")
    status, letter_id, message = _import(store, path)
    assert (status, letter_id) == ("failed", None) and "没有可导入的正文" in message
    assert store.letters.count() == 0


def test_a_portal_doc_that_is_a_web_page_needs_no_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "答复.doc"
    path.write_bytes(_portal_page("gb2312").encode("gb18030"))
    lines = read_document(path, soffice=None).lines
    assert "李海燕代表：" in lines and BODY[1] in lines


@pytest.mark.soffice
def test_a_page_libreoffice_saved_imports_as_its_docx(tmp_path: Path, store: LibraryStore) -> None:
    program = soffice_or_skip()
    paragraphs = [TITLE, "李海燕代表：", *BODY, "青溪市交通运输局", "2023年9月12日"]
    data = letter_docx(paragraphs, page_number=None)
    page = tmp_path / "答复.html"
    page.write_bytes(soffice_convert(program, data, "letter.docx", "html:HTML (StarWriter)"))
    status, letter_id, _ = _import(store, page)
    assert status == "imported"
    docx_path = tmp_path / "答复.docx"
    docx_path.write_bytes(data)
    assert _import(store, docx_path)[:2] == ("duplicate", letter_id)


def test_the_cli_imports_the_new_formats_and_names_what_failed(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from tests.formats import image_only_pdf

    root = Path(__file__).resolve().parents[2]
    page = tmp_path / "答复.mhtml"
    page.write_bytes(_mht(_portal_page("gb2312"), "gb2312", "base64"))
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(image_only_pdf())
    db = tmp_path / "lib.db"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "import",
            str(page),
            str(scan),
            "--db",
            str(db),
            "--json",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr  # some files failed
    results = {Path(r["path"]).name: r for r in json.loads(proc.stdout)}
    assert results["答复.mhtml"]["status"] == "imported"
    assert results["扫描件.pdf"]["status"] == "failed"
    assert "没有文字层" in results["扫描件.pdf"]["message"]
