"""Smoke-test a frozen ReplyDesk bundle (the output of ``python build/build.py``).

    python build/smoke_test.py dist/replydesk [--timeout 90]

Runs the FROZEN programs, never the source tree, in a scratch folder with the library, the
user folders (XDG on Linux, ``WIN_PD_OVERRIDE_*`` on Windows) and the temp folder redirected
into it:

1. the bundle's layout: both executables, ``resources/``, ``templates/replies/*.j2``, python-docx's
   template, Qt's ``qtbase_zh_CN.qm``;
2. ``replydesk-cli --version`` prints the version in ``pyproject.toml``; ``search --help`` is in
   Chinese;
3. ``replydesk-cli import <bundled sample library> --db … --json``: every sample imported;
4. ``replydesk-cli search`` then ``draft`` (reusing two hits, with the bundled demo seal) to a
   DOCX, which must be a zip whose ``word/document.xml`` holds the title, the salutation, the
   reused paragraph and the seal; ``replydesk-cli check`` reads it back;
5. a letter in traditional characters, imported, is found by a search in simplified ones and
   shown as it came (OpenCC's dictionaries are in the bundle); a letter saved in GBK is
   imported and found (the encoding detection works frozen); similar replies find a letter
   by a shared two-character word (word segmentation, rjieba and resources/words/, frozen);
   a folder of 70 letters is read by worker processes (multiprocessing works frozen);
6. a text PDF (PDFium's library), a saved web page (lxml.html) and an RTF letter (striprtf)
   are imported and found;
7. the PostgreSQL driver loads: a shared library whose server does not answer (a Unix
   socket, no network) is told in Chinese with exit code 2;
8. the window (``replydesk``) on Qt's offscreen platform: it must start and still be alive
   once it is up, and then it is ended. See ``_window`` for how "up" is detected.

Exits 1 with a message naming the failed step. Also prints the bundle's unpacked size and
warns (does not fail) above 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "build"))

from smoke_assignment import check_assignment_list  # noqa: E402

IS_WIN = sys.platform.startswith("win")
EXE_SUFFIX = ".exe" if IS_WIN else ""
SIZE_BUDGET_MB = 150

# The case used for the draft. The title the letter must carry is derived from session + number.
CASE = {
    "number": "12",
    "session": "市十七届人大三次会议",
    "title": "关于加快众创空间建设的建议",
    "proposers": ["张三", "李四"],
    "role": "代表",
    "category": "B",
    "content": "建议加快众创空间建设。",
    "reply_date": "2026-06-01",
    "contact_name": "王五",
    "contact_phone": "0513-85000000",
    "cc": ["市人大常委会代表工委", "市政府办公室"],
    "sections": {"plan": ["下一步，我们将继续推进众创空间建设。"]},
}
EXPECTED_TITLE = "关于市十七届人大三次会议第12号建议的答复"
EXPECTED_SALUTATION = "张三、李四代表："


class SmokeFailure(Exception):
    pass


def fail(step: str, message: str) -> SmokeFailure:
    return SmokeFailure(f"[{step}] {message}")


def pyproject_version() -> str:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def contents_dir(dist: Path) -> Path:
    """``sys._MEIPASS`` of a one-folder build: ``_internal`` since PyInstaller 6."""
    internal = dist / "_internal"
    return internal if internal.is_dir() else dist


class Runner:
    def __init__(self, dist: Path, scratch: Path, timeout: float) -> None:
        self.dist = dist
        self.scratch = scratch
        self.timeout = timeout
        self.cli = dist / f"replydesk-cli{EXE_SUFFIX}"
        self.gui = dist / f"replydesk{EXE_SUFFIX}"
        self.env = self._environment()

    def _environment(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("PYTHON", "REPLYDESK_", "XDG_", "WIN_PD_OVERRIDE_"))
        }
        home = self.scratch / "user"
        tmp = self.scratch / "tmp"
        runtime = self.scratch / "runtime"
        for folder in (home, tmp, runtime):
            folder.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        env.update(
            {
                "REPLYDESK_DB": str(self.scratch / "default-library.db"),
                "XDG_DATA_HOME": str(home / "data"),
                "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_STATE_HOME": str(home / "state"),
                "XDG_CACHE_HOME": str(home / "cache"),
                "XDG_RUNTIME_DIR": str(runtime),
                # platformdirs on Windows asks the shell for the folders; these override it.
                "WIN_PD_OVERRIDE_LOCAL_APPDATA": str(home / "LocalAppData"),
                "WIN_PD_OVERRIDE_APPDATA": str(home / "AppData"),
                "TMPDIR": str(tmp),
                "TEMP": str(tmp),
                "TMP": str(tmp),
                "PYTHONIOENCODING": "utf-8",
                "QT_QPA_PLATFORM": "offscreen",
            }
        )
        return env

    def run(self, step: str, *args: str, ok_codes: Sequence[int] = (0,)) -> str:
        cmd = [str(self.cli), *args]
        try:
            proc = subprocess.run(
                cmd,
                cwd=self.scratch,
                env=self.env,
                capture_output=True,
                timeout=self.timeout,
            )
        except subprocess.TimeoutExpired:
            raise fail(step, f"timed out after {self.timeout:.0f} s: {' '.join(cmd)}") from None
        out = proc.stdout.decode("utf-8", "replace")
        err = proc.stderr.decode("utf-8", "replace")
        if proc.returncode not in ok_codes:
            raise fail(
                step,
                f"exit code {proc.returncode} from {' '.join(cmd)}\n--- stdout\n{out}\n"
                f"--- stderr\n{err}",
            )
        return out

    def run_json(self, step: str, *args: str, ok_codes: Sequence[int] = (0,)) -> object:
        out = self.run(step, *args, ok_codes=ok_codes)
        try:
            return json.loads(out)
        except json.JSONDecodeError as exc:
            raise fail(step, f"output is not JSON ({exc}):\n{out[:2000]}") from None


# ------------------------------------------------------------------------------ the steps


def check_layout(dist: Path) -> Path:
    step = "layout"
    for exe in (f"replydesk{EXE_SUFFIX}", f"replydesk-cli{EXE_SUFFIX}"):
        if not (dist / exe).is_file():
            raise fail(step, f"{dist / exe} is missing")
    internal = contents_dir(dist)
    samples = internal / "resources" / "sample_library"
    needed = [
        samples,
        internal / "resources" / "translations" / "replydesk_zh_CN.qm",
        internal / "resources" / "demo_seal.png",
        internal / "templates" / "replies",
        internal / "docx" / "templates",
    ]
    for path in needed:
        if not path.exists():
            raise fail(step, f"{path.relative_to(dist)} is missing from the bundle")
    # Every shipped resource (not the translation sources) and the licence.
    wanted = [
        p.relative_to(REPO)
        for p in (REPO / "resources").rglob("*")
        if p.is_file() and p.suffix != ".ts" and "__pycache__" not in p.parts
    ]
    if (REPO / "LICENSE").is_file():
        wanted.append(Path("resources") / "LICENSE")
    missing = [str(rel) for rel in wanted if not (internal / rel).is_file()]
    if missing:
        raise fail(step, f"missing from the bundle's resources: {', '.join(missing)}")
    templates = sorted(p.name for p in (internal / "templates" / "replies").glob("*.j2"))
    shipped = sorted(p.name for p in (REPO / "templates" / "replies").glob("*.j2"))
    if templates != shipped:
        raise fail(step, f"bundled templates {templates} differ from the repository's {shipped}")
    qtbase = list(internal.glob("PySide6/**/translations/qtbase_zh_CN.qm"))
    if not qtbase:
        raise fail(
            step, "Qt's qtbase_zh_CN.qm is missing (the window's Qt dialogs would be English)"
        )
    qm = qtbase[0].relative_to(dist)
    print(f"  layout ok: {len(wanted)} resources, {len(templates)} templates, Qt translation {qm}")
    return samples


def check_version(r: Runner) -> None:
    expected = pyproject_version()
    out = r.run("version", "--version").strip()
    if out != f"replydesk {expected}":
        raise fail("version", f"expected 'replydesk {expected}', got {out!r}")
    print(f"  {out}")
    # argparse's own words come from a dict swapped in at run time (desktop/cli_args.py):
    # the frozen program must show them in Chinese too.
    out = r.run("help", "search", "--help")
    if not out.startswith("用法：replydesk search") or "显示本帮助并退出" not in out:
        raise fail("help", f"`search --help` is not in Chinese:\n{out[:500]}")


def check_import(r: Runner, samples: Path, db: Path) -> None:
    step = "import"
    expected = len([p for p in samples.iterdir() if p.is_file()])
    results = r.run_json(step, "import", str(samples), "--db", str(db), "--json")
    if not isinstance(results, list):
        raise fail(step, f"expected a JSON list, got {results!r}")
    imported = [x for x in results if x.get("status") == "imported"]
    if len(imported) != expected or expected == 0:
        raise fail(step, f"{len(imported)} of {expected} sample documents imported: {results}")
    letters = r.run_json(step, "letters", "--db", str(db), "--json")
    if not isinstance(letters, list) or len(letters) != expected:
        raise fail(step, f"the library lists {letters!r}, expected {expected} letters")
    print(f"  imported {len(imported)} sample documents")


def _document_text(docx: Path) -> tuple[str, bytes, list[str]]:
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml")
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    text = re.sub(r"<[^>]+>", "", xml.decode("utf-8"))
    return text, xml, media


def check_draft(r: Runner, db: Path, internal: Path) -> None:
    step = "draft"
    found = r.run_json(step, "search", "众创空间", "--db", str(db), "--json", "--limit", "2")
    hits = found
    if not isinstance(hits, list) or not hits:
        raise fail(step, f"searching the sample library for 众创空间 found nothing: {hits!r}")
    ids = [str(h["paragraph_id"]) for h in hits]
    case = dict(
        CASE,
        agency={
            "name": "南通市科学技术局",
            "seal_image": str(internal / "resources" / "demo_seal.png"),
        },
    )
    case_file = r.scratch / "案件 12.json"
    case_file.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out = r.scratch / "输出" / "答复.docx"
    out.parent.mkdir(exist_ok=True)
    result = r.run_json(
        step,
        "draft",
        "--case",
        str(case_file),
        "--use",
        *ids,
        "--out",
        str(out),
        "--db",
        str(db),
        "--json",
    )
    if not isinstance(result, dict) or result.get("sealed") is not True:
        raise fail(step, f"the draft was not sealed: {result!r}")
    if not out.is_file():
        raise fail(step, f"{out} was not written")
    try:
        text, xml, media = _document_text(out)
    except (zipfile.BadZipFile, KeyError) as exc:
        raise fail(step, f"{out} is not a DOCX with word/document.xml: {exc}") from None
    for needle in (EXPECTED_TITLE, EXPECTED_SALUTATION, hits[0]["text"][:20], "2026年6月1日"):
        if needle not in text:
            raise fail(step, f"word/document.xml lacks {needle!r}")
    if b"wp:anchor" not in xml or not media:
        raise fail(step, "the seal picture is not in the DOCX")
    # check exits 1 when it finds something (reused paragraphs carry old years): both fine here.
    findings = r.run_json(
        "check", "check", str(out), "--json", "--date", "2026-06-01", ok_codes=(0, 1)
    )
    if not isinstance(findings, list):
        raise fail("check", f"expected a JSON list of findings, got {findings!r}")
    print(
        f"  drafted {out.name} ({out.stat().st_size} bytes, reusing paragraphs {', '.join(ids)}, "
        f"sealed); check found {len(findings)} findings"
    )


# A reply served in traditional characters (with the debris of a half-done conversion: 關于).
TRADITIONAL_LETTER = """關于加強社區養老服務的建議的答復

陳明代表：

    您提出的《關于加強社區養老服務的建議》收悉，現答復如下。

    近年來，我局積極推進社區養老服務中心建設，爲老年人提供助餐、助浴等服務。

    感謝您對民政工作的關心和支持。

某某區民政局
2025年6月10日
"""


GBK_LETTER = """关于建设智慧农业示范园的建议答复

王芳代表：

您提出的关于建设智慧农业示范园的建议收悉。现答复如下：
我们将在明年启动智慧农业示范园的规划，并组织专家论证。

县农业农村局
2025年6月10日
"""


def check_gbk(r: Runner, db: Path) -> None:
    """A letter saved in GBK (as Notepad on a Chinese Windows saves it) is imported as text:
    the encoding detection (charset-normalizer) works in the bundle."""
    step = "gbk"
    letter = r.scratch / "GBK答复.txt"
    letter.write_bytes(GBK_LETTER.encode("gbk"))
    results = r.run_json(step, "import", str(letter), "--db", str(db), "--json")
    if not isinstance(results, list) or [x.get("status") for x in results] != ["imported"]:
        raise fail(step, f"the GBK letter was not imported: {results!r}")
    hits = r.run_json(step, "search", "智慧农业示范园", "--db", str(db), "--json")
    if not isinstance(hits, list) or not hits or "智慧农业示范园" not in str(hits[0].get("text")):
        raise fail(step, f"the GBK letter's text is not found as Chinese: {hits!r}")
    print("  a letter saved in GBK is imported and found")


# A reply on bus routes: a new proposal about night buses shares only the two-character word
# 公交 with it (no run of three characters), so only word segmentation finds it.
BUS_LETTER = """关于优化城区公交线路的建议的答复

赵明代表：

您提出的关于优化城区公交线路的建议收悉。现答复如下：
目前城区共有公交线路三十二条，我们将根据客流调整线路走向。

市交通运输局
2025年6月12日
"""


def check_words(r: Runner, db: Path) -> None:
    """Similar replies by words: jieba (rjieba, a compiled extension) segments in the bundle
    with the user dictionary of resources/words/, and finds a letter by a shared word."""
    step = "words"
    letter = r.scratch / "公交答复.txt"
    letter.write_text(BUS_LETTER, encoding="utf-8")
    results = r.run_json(step, "import", str(letter), "--db", str(db), "--json")
    if not isinstance(results, list) or [x.get("status") for x in results] != ["imported"]:
        raise fail(step, f"the bus-route letter was not imported: {results!r}")
    found = r.run_json(
        step, "similar", "--title", "关于增开夜间公交班车的提案", "--db", str(db), "--json"
    )
    titles = [str(x.get("title")) for x in found] if isinstance(found, list) else []
    if not titles or "公交线路" not in titles[0]:
        raise fail(
            step,
            "similar replies for 关于增开夜间公交班车的提案 did not put the letter on 公交线路 "
            f"first: is rjieba in the bundle? {found!r}",
        )
    print("  similar replies find a letter by a shared word (公交): segmentation works")


def check_server_driver(r: Runner) -> None:
    """The PostgreSQL driver loads in the bundle (psycopg, its libpq and OpenSSL): a shared
    library whose server does not answer — a Unix socket folder where none listens, so no
    network — is told in Chinese with exit code 2, not an internal error."""
    step = "server driver"
    url = f"postgresql://clerk@/replydesk?host={r.scratch}&port=5999"
    cmd = [str(r.cli), "case", "list", "--db", url]
    proc = subprocess.run(cmd, cwd=r.scratch, env=r.env, capture_output=True, timeout=r.timeout)
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 2 or "无法连接资料库服务器" not in err:
        raise fail(step, f"exit code {proc.returncode}, expected 2 and the Chinese message:\n{err}")
    print("  a server library that does not answer is told in Chinese: psycopg loads")


def check_traditional(r: Runner, db: Path) -> None:
    """A letter in traditional characters is found by simplified words, and shown as it came.
    Folding needs OpenCC's dictionaries in the bundle: without them nothing is found."""
    step = "traditional"
    letter = r.scratch / "繁體答復.txt"
    letter.write_text(TRADITIONAL_LETTER, encoding="utf-8")
    results = r.run_json(step, "import", str(letter), "--db", str(db), "--json")
    if not isinstance(results, list) or [x.get("status") for x in results] != ["imported"]:
        raise fail(step, f"the traditional-character letter was not imported: {results!r}")
    hits = r.run_json(step, "search", "养老服务中心", "--db", str(db), "--json")
    if not isinstance(hits, list) or not hits:
        raise fail(
            step,
            "searching 养老服务中心 (simplified) did not find the letter in traditional "
            f"characters: is OpenCC with its t2s dictionaries in the bundle? {hits!r}",
        )
    text = str(hits[0].get("text"))
    if "養老服務中心" not in text or "<mark>養老服務中心</mark>" not in str(hits[0]["snippet"]):
        raise fail(step, f"the hit does not show the original text marked: {hits[0]!r}")
    print("  a letter in traditional characters is found by simplified words, shown as it came")


PARALLEL_LETTERS = 110  # past desktop.import_pipeline.PARALLEL_MIN_FILES: worker processes


def check_parallel_import(r: Runner, db: Path) -> None:
    """A folder of many letters is read by worker processes, which the frozen program starts
    as itself (multiprocessing.freeze_support in the entry script): every letter imported,
    and no worker failure in the log (the importer would quietly read them itself)."""
    step = "parallel import"
    folder = r.scratch / "许多答复"
    folder.mkdir()
    for n in range(PARALLEL_LETTERS):
        text = GBK_LETTER.replace("智慧农业示范园", f"第{n + 1}个智慧农业示范园")
        (folder / f"答复{n:03d}.txt").write_text(text, encoding="utf-8")
    results = r.run_json(step, "import", str(folder), "--db", str(db), "--json")
    statuses = [x.get("status") for x in results] if isinstance(results, list) else results
    if statuses != ["imported"] * PARALLEL_LETTERS:
        raise fail(step, f"not every letter was imported: {statuses!r}")
    logs = "".join(p.read_text("utf-8", "replace") for p in _log_files(r.scratch))
    if "import worker failed" in logs:
        raise fail(step, f"the worker processes did not work:\n{logs[-3000:]}")
    print(f"  {PARALLEL_LETTERS} letters imported by worker processes")


PDF_LETTER = [
    "王芳代表：",
    "您提出的关于建设湿地公园的建议收悉。现答复如下：",
    "我们将在明年启动城北湿地公园的规划，并请专家论证。",
    "县林业局",
    "2025年6月10日",
]


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with Chinese text in a standard CJK font (STSong-Light, UniGB-UCS2-H):
    nothing embedded, the text is UCS-2 so any PDF reader extracts it."""
    ops = ["BT", "/F1 14 Tf", "18 TL", "72 760 Td"]
    for line in lines:
        ops.append(f"<{line.encode('utf-16-be').hex().upper()}> Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        b"/FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 880 /StemV 93 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out += trailer % (len(objects) + 1, xref)
    return bytes(out)


def check_pdf(r: Runner, db: Path) -> None:
    """A text PDF is imported: PDFium's library (pypdfium2_raw) is in the bundle."""
    step = "pdf"
    letter = r.scratch / "答复.pdf"
    letter.write_bytes(tiny_pdf(PDF_LETTER))
    results = r.run_json(step, "import", str(letter), "--db", str(db), "--json")
    if not isinstance(results, list) or [x.get("status") for x in results] != ["imported"]:
        raise fail(step, f"the PDF letter was not imported: {results!r}")
    hits = r.run_json(step, "search", "城北湿地公园", "--db", str(db), "--json")
    if not isinstance(hits, list) or not hits or "城北湿地公园" not in str(hits[0].get("text")):
        raise fail(step, f"the PDF letter's text is not found: {hits!r}")
    print("  a text PDF is imported and found")


WEB_PAGE = """<html><head><meta charset="gb2312"><script>var x = 1;</script></head><body>
<div>无障碍浏览 网站地图</div><p>李明代表：</p>
<p>您提出的关于增设社区图书角的建议收悉。现答复如下：</p>
<p>我们将在今年为十个社区增设图书角。</p><p>县文化和旅游局<br>2025年6月10日</p>
</body></html>"""


def _gbk_escapes(text: str) -> str:
    return "".join(f"\\'{b:02x}" for b in text.encode("gbk"))


RTF_LETTER = (
    "{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0 "
    + _gbk_escapes("赵丽委员：")
    + "\\par "
    + _gbk_escapes("关于乡村卫生室的提案收悉。")
    + "\\u21307?\\u30103?\\par}"
)


def check_web_and_rtf(r: Runner, db: Path) -> None:
    """A saved web page (lxml.html in the bundle) and an RTF letter (striprtf) are imported."""
    step = "web-rtf"
    page = r.scratch / "答复网页.html"
    page.write_bytes(WEB_PAGE.encode("gb2312"))
    rtf = r.scratch / "答复.rtf"
    rtf.write_text(RTF_LETTER, encoding="ascii")
    results = r.run_json(step, "import", str(page), str(rtf), "--db", str(db), "--json")
    if not isinstance(results, list) or [x.get("status") for x in results] != ["imported"] * 2:
        raise fail(step, f"the web page and the RTF letter were not imported: {results!r}")
    for term in ("社区图书角", "乡村卫生室", "医疗"):
        hits = r.run_json(step, "search", term, "--db", str(db), "--json")
        if not isinstance(hits, list) or not hits:
            raise fail(step, f"{term} is not found after importing the page and the RTF")
    print("  a saved web page and an RTF letter are imported and found")


def _log_files(root: Path) -> list[Path]:
    return sorted(root.rglob("replydesk.log"))


def _letter_count(db: Path) -> int:
    if not db.is_file():
        return 0
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM letters").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


HOOK_LINE = "smoke test: window shown"


def _exited(step: str, proc: subprocess.Popen[bytes], output: Path, logs: str) -> None:
    """The window's process ended by itself: fine only with exit 0 and the hook's log line."""
    code = proc.returncode
    line = next((x.strip() for x in logs.splitlines() if HOOK_LINE in x), None)
    if code == 0 and line is not None:
        print(f"  window came up and closed by itself (exit 0): {line}")
        if "qtbase_zh_CN=False" in line:
            raise fail(step, "the window did not load Qt's qtbase_zh_CN translation")
        return
    out = output.read_text("utf-8", "replace") if output.is_file() else ""
    raise fail(
        step, f"the window exited with code {code}\n--- output\n{out}\n--- log\n{logs[-4000:]}"
    )


def _up_evidence(db: Path, logs: str, library_at: float | None, elapsed: float) -> str:
    """Why the window counts as up (watched from outside), or "" while it does not yet."""
    if library_at is None:
        return ""
    backups = db.parent / "backups"
    if "daily backup" in logs or (backups.is_dir() and any(backups.iterdir())):
        return "the library was opened and the day's backup made after show()"
    if elapsed - library_at > 10:
        return "the library was opened 10 s ago (no after-show signal seen)"
    return ""


def _window(r: Runner) -> None:
    """Start the window offscreen; it must come up and stay alive; then end it.

    ``REPLYDESK_SMOKE_TEST=1`` asks the app to close its window by itself once it is shown and
    to log ``smoke test: window shown; replydesk_zh_CN=… qtbase_zh_CN=…`` (a hook the app may
    provide); then exit code 0 and that line are required. Without the hook this watches from
    outside: the library file filled with the samples (opened just before the window is
    built), then the day's backup (made just after the window is shown; logged as "daily
    backup", or failing that 10 s more). The process must still be running a moment later;
    then it is terminated.
    """
    step = "window"
    db = r.scratch / "window" / "library.db"
    db.parent.mkdir()
    output = r.scratch / "window" / "output.txt"
    env = dict(r.env, REPLYDESK_DB=str(db), REPLYDESK_SMOKE_TEST="1")
    started = time.monotonic()
    with open(output, "wb") as out:
        proc = subprocess.Popen(
            [str(r.gui)], cwd=r.scratch, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    evidence = ""
    library_at: float | None = None
    up_at: float | None = None
    try:
        while True:
            time.sleep(0.25)
            elapsed = time.monotonic() - started
            logs = "".join(p.read_text("utf-8", "replace") for p in _log_files(r.scratch))
            if proc.poll() is not None:
                _exited(step, proc, output, logs)
                return
            if up_at is not None:
                if elapsed - up_at >= 3:  # alive 3 s after it came up, and did not close itself
                    break
                continue
            if library_at is None and _letter_count(db) > 0:
                library_at = elapsed
            evidence = _up_evidence(db, logs, library_at, elapsed)
            if evidence:
                up_at = elapsed
            elif elapsed > r.timeout:
                raise fail(
                    step,
                    f"the window did not come up within {r.timeout:.0f} s\n--- log\n{logs[-4000:]}",
                )
        print(
            f"  window is up and running after {time.monotonic() - started:.1f} s ({evidence}); "
            "ending it (no REPLYDESK_SMOKE_TEST hook in the app)"
        )
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def report_size(dist: Path) -> float:
    mb = folder_size(dist) / 1e6
    note = "" if mb <= SIZE_BUDGET_MB else f"  WARNING: over the {SIZE_BUDGET_MB} MB budget"
    print(f"bundle size (unpacked): {mb:.1f} MB{note}")
    return mb


def smoke(dist: Path, timeout: float, keep: bool) -> None:
    dist = dist.resolve()
    if not dist.is_dir():
        raise fail("layout", f"{dist} is not a folder")
    scratch = Path(tempfile.mkdtemp(prefix="replydesk-smoke-"))
    try:
        samples = check_layout(dist)
        r = Runner(dist, scratch, timeout)
        db = scratch / "lib.db"
        check_version(r)
        check_import(r, samples, db)
        check_draft(r, db, contents_dir(dist))
        check_traditional(r, db)
        check_words(r, db)
        check_gbk(r, db)
        check_parallel_import(r, db)
        check_pdf(r, db)
        check_web_and_rtf(r, db)
        check_assignment_list(r, db, fail)
        check_server_driver(r)
        _window(r)
    finally:
        if keep:
            print(f"  scratch folder kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dist", type=Path, help="the bundle folder, e.g. dist/replydesk")
    parser.add_argument("--timeout", type=float, default=90, help="seconds per program run")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    print(f"smoke test of {args.dist}")
    started = time.monotonic()
    try:
        smoke(args.dist, args.timeout, args.keep)
    except SmokeFailure as exc:
        print(f"SMOKE TEST FAILED {exc}", file=sys.stderr)
        return 1
    report_size(args.dist)
    print(f"smoke test passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
