"""A deterministic generator of realistic reply-letter archives, for benchmarks.

Letters are recombined from the sentences of the sample replies in
``resources/sample_library`` (000, 001), reference documents from the sentences of the
reference samples (002–004). Everything is drawn from one seeded ``random.Random`` per
letter, so the same ``(n_letters, seed)`` always gives byte-identical files.

What the archive exercises:

* reply structure: optional head lines (category, document number), a title, a salutation
  (single, "尊敬的…", joint "张三等5位代表："), a greeting ending "现答复如下：", a "一、…现状"
  section (3–10 paragraphs, sometimes "一是…" numbered, sometimes "（一）…" sub-headings),
  a "二、下一步打算" section (2–5 paragraphs), a closing, the agency and date (three forms),
  sometimes a contact line and a copy-to line;
* paragraph reuse: about a quarter of status/plan paragraphs come verbatim from a shared pool,
  as in real archives where last year's paragraphs are copied into this year's reply;
* noise: half-width punctuation, indents, blank lines, CRLF, portal page headers, a few
  web-portal table exports (the shape of sample 000), about 1 % re-saved duplicates;
* formats: UTF-8 text, GBK text, DOCX (some with a small metadata table).

CLI: ``python bench/corpus.py OUT_DIR --letters N [--seed S]``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "sample_library"

REUSE_SHARE = 0.25  # share of status/plan paragraphs drawn verbatim from the shared pool
REFERENCE_SHARE = 0.10
DUPLICATE_SHARE = 0.01  # the same letter saved again (other name, maybe other format)
PORTAL_SHARE = 0.03  # text letters exported from a web portal as one table (like sample 000)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚"
    "邵钱严戴孔汤盛缪瞿季"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红林峰文辉斌海燕晓雪梅鹏飞波"
    "剑培宏宇新春云亮琴凤德春荣庆祥俊慧丹彬鑫晨阳凯欣怡"
)
AGENCIES = (
    ("南通市科学技术局", "科技", "通科函"),
    ("市发展改革委", "发展改革", "通发改函"),
    ("市教育局", "教育", "通教函"),
    ("市财政局", "财政", "通财函"),
    ("市人力资源和社会保障局", "人力资源和社会保障", "通人社函"),
    ("市工业和信息化局", "工业和信息化", "通工信函"),
    ("市商务局", "商务", "通商函"),
    ("市农业农村局", "农业农村", "通农函"),
    ("市市场监督管理局", "市场监管", "通市监函"),
    ("市科学技术协会", "科协", "通科协函"),
    ("市地方金融监督管理局", "金融", "通金监函"),
    ("南通高新区管委会", "高新区", "通高新函"),
)
CO_ORGANIZERS = ("市科协", "市财政局", "市教育局", "市人社局", "市发展改革委", "市工信局")
# (topic phrase, key used to pick matching sentences)
TOPICS = (
    ("科技创新生态体系建设", "生态"), ("社会大众聚力创新", "大众"), ("众创空间建设", "众创空间"),
    ("新型孵化器建设", "孵化"), ("科技成果转化", "成果转化"), ("产学研合作", "产学研"),
    ("高新技术企业培育", "高新技术企业"), ("新型研发机构建设", "研发机构"),
    ("科技金融服务体系建设", "金融"), ("创新型企业梯队培育", "创新型企业"),
    ("院士工作站建设", "院士"), ("科技咖啡馆活动", "咖啡馆"), ("双创社团建设", "社团"),
    ("众创社区建设", "众创社区"), ("孵化器专业化发展", "专业化"), ("技术转移体系建设", "技术转移"),
    ("沪通科技合作", "上海"), ("创新券通用通兑", "创新券"), ("知识产权保护", "知识产权"),
    ("科技人才队伍建设", "人才"), ("高层次人才引进", "高层次"), ("科技型中小企业融资", "融资"),
    ("企业研发机构全覆盖", "研发机构"), ("关键核心技术攻关", "关键"), ("高新区创新发展", "高新区"),
    ("农业科技园区建设", "农业"), ("科技创新服务平台建设", "服务平台"),
    ("创新创业氛围营造", "氛围"), ("科技体制机制改革", "体制机制"),
    ("科技资源大数据管理", "大数据"), ("科创飞地建设", "飞地"), ("科创走廊建设", "走廊"),
    ("专业化园区建设", "园区"), ("创新型城市建设", "创新型城市"), ("国家创新型县建设", "创新型县"),
    ("科技政策落实", "政策"), ("创新创业联席会议制度", "联席会议"), ("老科协作用发挥", "科协"),
    ("大学科技园建设", "大学"), ("集成电路产业发展", "集成电路"), ("智能制造装备发展", "智能"),
    ("海洋工程装备创新", "海洋"), ("科技创新主体培育", "主体"), ("中央创新区建设", "中央创新区"),
)  # fmt: skip
TITLE_VERBS = (
    "", "进一步加强", "加快推进", "大力推动", "持续优化", "支持", "完善", "强化", "在南通市推进",
)  # fmt: skip
SUBHEADINGS = (
    "建设三大体系，构建创新生态网络", "锚定三大重点，夯实创新生态基础",
    "实施三大创新，提升创新生态层级", "强化政策引导，优化创新环境", "聚焦重点任务，推动工作落实",
    "搭建服务平台，集聚创新资源", "深化开放合作，拓展创新空间", "突出企业主体，培育创新动能",
)  # fmt: skip
CLOSINGS = (
    "衷心感谢您提出的建议，欢迎继续对我市{d}工作提出宝贵意见。",
    "衷心感谢您提出的建议,期望您继续对我市{d}工作给予关心和支持。",
    "再次感谢您对我市{d}工作的关心和支持！",
    "感谢您对我市{d}工作的关心和支持，欢迎继续提出宝贵意见和建议。",
    "衷心感谢您提出的建议，请将《征询意见表》填写后寄回。",
)
GREETINGS = (
    "{you}提出的《{title}》收悉。衷心感谢{you}对我市{d}工作的关心和支持！我局高度重视，"
    "认真研究办理，现答复如下：",
    "{you}提出的“{title}”已收悉，衷心感谢{you}对{d}工作的关心和支持！我局高度重视建议办理"
    "工作，组织相关处室和人员对建议内容进行了认真学习和专题研讨，现将办理情况答复如下：",
    "衷心感谢{you}对我市{d}工作的厚爱和支持！{you}提出的《{title}》收悉，经我局和{co}"
    "共同研究协商，现答复如下：",
    "{you}提出的关于{topic}的{kind}收悉。{you}的{kind}针对性强，对推进我市{d}工作很有帮助。"
    "现答复如下：",
)
STATUS_HEADINGS = ("一、{t}现状", "一、我市{t}现状", "一、主要工作", "一、办理情况",
                   "一、工作开展情况", "一、基本情况")  # fmt: skip
PLAN_HEADINGS = ("二、下一步打算", "二、下一步工作", "二、下一步工作打算", "二、{t}下一步打算")
LEADS = ("近年来，", "{y}年以来，", "截至{y}年底，", "今年以来，", "去年，", "目前，", "同时，")
NUMERALS = "一二三四五六七八九十"
CN_DIGITS = "〇一二三四五六七八九"
HALF_WIDTH = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "！": "!", "；": ";"})
NOISE_HEADERS = (
    "来源: 发布时间:{y}-{m:02d}-{d:02d} 15:52 累计次数: 字体:[ ]",
    "{y}-{m:02d}-{d:02d} 09:48:04 来源:中国网 阅读量:{n}",
    "快生活 - 生活常识大全",
)
REFERENCE_TITLES = (
    "{t}工作汇报", "关于{t}的调研报告", "{t}情况通报", "构建一系统多平台科技创新服务体系",
    "杨浦建设国家创新型试点城区工作汇报", "{c}{t}经验做法", "{c}推进{t}的实践与思考",
)  # fmt: skip
CITIES = ("南通", "如皋", "海安", "启东", "如东", "海门", "通州", "崇川", "苏州", "青岛", "杨浦")

_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_NUMBERING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+是|[一二三四五六七八九十]+、"
    r"|\d+[、.．]|--)\s*"
)
_NOISE_WORDS = (
    "http", "来源", "友情提示", "免责声明", "转载", "编辑:", "阅读量", "投稿", "扩展阅读",
)  # fmt: skip
_NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?![A-Za-z\d])")


# --------------------------------------------------------------------------- source material
@dataclass
class Material:
    status: tuple[str, ...]  # sentences of the samples' status sections
    plan: tuple[str, ...]  # sentences of the samples' plan sections
    reference: tuple[str, ...]  # sentences of the reference samples
    _topical: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    def topical(self, pool: str, key: str) -> tuple[str, ...]:
        """The sentences of a pool that mention a topic's key word."""
        found = self._topical.get((pool, key))
        if found is None:
            found = tuple(s for s in getattr(self, pool) if key in s)
            self._topical[(pool, key)] = found
        return found


def _sentences(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for para in paragraphs:
        for raw in _SENTENCE.findall(para):
            s = _NUMBERING.sub("", raw.strip())
            if len(s) < 12 or s[-1] in ":：" or any(w in s for w in _NOISE_WORDS):
                continue
            if s[-1] not in "。！？!?":
                s += "。"
            out.append(s)
    return list(dict.fromkeys(out))


def _read(name_prefix: str) -> str:
    (path,) = SAMPLES.glob(name_prefix + "_*.txt")
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_material() -> Material:
    # 000: a portal export, the whole reply on one line, paragraphs separated by spaces.
    reply = _read("000").split("答复内容:", 1)[1].strip(" |\n")
    parts = [p for p in reply.split(" ") if p.strip(" |")]
    cut = next(i for i, p in enumerate(parts) if "以下几项工作" in p)
    status = parts[2:cut]
    plan = parts[cut + 1 : -2]
    # 001: headed sections "一、…现状" / "二、…下一步打算", closing "衷心感谢…".
    lines = [ln.strip() for ln in _read("001").splitlines() if ln.strip()]
    i1 = next(i for i, ln in enumerate(lines) if ln.startswith("一、"))
    i2 = next(i for i, ln in enumerate(lines) if ln.startswith("二、"))
    i3 = next(i for i, ln in enumerate(lines) if ln.startswith("衷心感谢"))
    status += [ln for ln in lines[i1 + 1 : i2] if not ln.startswith("(")]
    plan += [ln for ln in lines[i2 + 1 : i3] if not ln.startswith("(")]
    reference: list[str] = []
    for prefix in ("002", "003", "004"):
        reference += [ln.strip() for ln in _read(prefix).splitlines() if len(ln.strip()) > 30]
    return Material(
        tuple(_sentences(status)), tuple(_sentences(plan)), tuple(_sentences(reference))
    )


# --------------------------------------------------------------------------- small pieces
def cn_date(y: int, m: int, d: int) -> str:
    def small(n: int) -> str:
        if n <= 10:
            return NUMERALS[n - 1]
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else NUMERALS[tens - 1]
        return head + "十" + (NUMERALS[ones - 1] if ones else "")

    return "".join(CN_DIGITS[int(c)] for c in str(y)) + f"年{small(m)}月{small(d)}日"


def format_date(rng: random.Random, y: int, m: int, d: int) -> str:
    r = rng.random()
    if r < 0.5:
        return f"{y}年{m}月{d}日"
    if r < 0.8:
        return f"{y}-{m:02d}-{d:02d}"
    return cn_date(y, m, d)


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def phone(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return f"0513-{rng.randint(80000000, 89999999)}"
    return f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}"


def vary_numbers(rng: random.Random, sentence: str, year: int) -> str:
    """Change the figures of a sentence, as next year's letter would."""

    def repl(m: re.Match[str]) -> str:
        s = m.group()
        unit = sentence[m.end() : m.end() + 1]
        if unit == "月" and len(s) <= 2:
            return str(rng.randint(1, 12))
        if unit in "日号" and unit and len(s) <= 2:
            return str(rng.randint(1, 28))
        if len(s) == 4 and s[:2] in ("19", "20"):
            return str(rng.randint(min(2008, year), year))
        if s in ("985", "211"):
            return s
        lo = 10 ** (len(s) - 1) if len(s) > 1 else 1
        return str(rng.randint(lo, 10 ** len(s) - 1))

    return _NUMBER.sub(repl, sentence)


def make_paragraph(
    rng: random.Random,
    material: Material,
    pool: str,
    year: int,
    key: str | None,
    n: tuple[int, int],
) -> str:
    sentences = getattr(material, pool)
    count = rng.randint(*n)
    picked = []
    topical = (material.topical(pool, key) or material.topical("reference", key)) if key else ()
    for i in range(count):
        if i == 0 and topical and rng.random() < 0.5:
            s = rng.choice(topical)
        elif pool != "reference" and rng.random() < 0.15:
            s = rng.choice(material.reference)  # replies quote reference material now and then
        else:
            s = rng.choice(sentences)
        if rng.random() < 0.6:
            s = vary_numbers(rng, s, year)
        if i == 0 and rng.random() < 0.3:
            s = rng.choice(LEADS).format(y=rng.randint(year - 5, year)) + s
        picked.append(s)
    return "".join(picked)


# --------------------------------------------------------------------------- documents
@dataclass
class Doc:
    lines: list[str]
    kind: str  # "reply" | "reference"
    name: str  # file stem
    folder: str  # sub-folder of the archive
    meta: list[tuple[str, str]] | None = None  # a metadata table for DOCX, if any
    portal: bool = False  # written as a web-portal table export


class _Pools:
    def __init__(self, rng: random.Random, material: Material, n_letters: int):
        size = max(40, n_letters // 8)
        self.status = [
            make_paragraph(rng, material, "status", rng.randint(2012, 2026), None, (2, 4))
            for _ in range(size)
        ]
        self.plan = [
            make_paragraph(rng, material, "plan", rng.randint(2012, 2026), None, (2, 4))
            for _ in range(max(20, size // 2))
        ]
        self.reference = [
            make_paragraph(rng, material, "reference", rng.randint(2012, 2026), None, (2, 4))
            for _ in range(max(20, size // 4))
        ]


def _section(
    rng: random.Random, material: Material, pools: _Pools, pool: str, year: int, key: str,
    count: int,
) -> list[str]:  # fmt: skip
    paras = []
    for _ in range(count):
        if rng.random() < REUSE_SHARE:
            paras.append(rng.choice(getattr(pools, pool)))
        else:
            paras.append(make_paragraph(rng, material, pool, year, key, (2, 4)))
    if rng.random() < 0.4:
        paras = [f"{NUMERALS[i]}是{p}" if i < 10 else p for i, p in enumerate(paras)]
    return paras


def _reply_head(
    rng: random.Random, prefix: str, year: int, by_number: str, title: str
) -> list[str]:
    """Category and document-number lines (sometimes), then the title line (mostly)."""
    lines: list[str] = []
    if rng.random() < 0.35:
        cat = rng.choices("ABC", weights=(50, 35, 15))[0]
        lines.append(f"{cat}类" if rng.random() < 0.6 else f"答复类别：{cat}")
    if rng.random() < 0.25:
        lines.append(f"{prefix}〔{year}〕{rng.randint(1, 150)}号")
    r = rng.random()
    if r < 0.6:
        lines.append(by_number)
    elif r < 0.9:
        lines.append(f"{title}的答复")
    return lines


def _reply_tail(rng: random.Random, lines: list[str], year: int, month: int, day: int) -> None:
    """Contact line, copy-to line and a portal's print header, each only sometimes."""
    r = rng.random()
    if r < 0.25:
        lines.append(f"（联系人：{person(rng)}，联系电话：{phone(rng)}）")
    elif r < 0.4:
        lines.append(f"联系人：{person(rng)}　联系电话：{phone(rng)}")
    if rng.random() < 0.1:
        lines.append("抄送：市人大常委会代表工委，市政府办公室。")
    if rng.random() < 0.05:
        noise = rng.choice(NOISE_HEADERS[:1]).format(y=year, m=month, d=day, n=0)
        lines.insert(0, noise)


def make_reply(rng: random.Random, material: Material, pools: _Pools, index: int) -> Doc:
    agency, domain, prefix = rng.choice(AGENCIES)
    topic, key = rng.choice(TOPICS)
    year = rng.randint(2012, 2026)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    role = "代表" if rng.random() < 0.7 else "委员"
    kind = "建议" if role == "代表" else "提案"
    number = rng.randint(1, 600)
    title = f"关于{rng.choice(TITLE_VERBS)}{topic}的{kind}"
    name = "石剑波" if index == 0 else person(rng)
    joint = rng.random() < 0.15
    n_joint = rng.randint(2, 12)
    you = "你们" if joint else "您"
    addressee = f"{name}等{n_joint}位{role}" if joint else name + role
    session = (
        f"市{rng.choice(('十五', '十六', '十七'))}届人大{rng.choice('一二三四五')}次会议"
        if role == "代表"
        else f"市政协{rng.choice(('十三', '十四', '十五'))}届{rng.choice('一二三四五')}次会议"
    )
    co = rng.choice(CO_ORGANIZERS)

    lines = _reply_head(rng, prefix, year, f"关于{session}第{number}号{kind}的答复", title)
    lines.append(("尊敬的" if rng.random() < 0.2 else "") + addressee + "：")
    lines.append(
        rng.choice(GREETINGS).format(you=you, title=title, d=domain, co=co, topic=topic, kind=kind)
    )
    lines.append(rng.choice(STATUS_HEADINGS).format(t=topic))
    status = _section(rng, material, pools, "status", year, key, rng.randint(5, 14))
    if len(status) >= 6 and rng.random() < 0.25:  # sub-headings "（一）…"
        heads = rng.sample(SUBHEADINGS, 2)
        half = len(status) // 2
        status = [f"（一）{heads[0]}", *status[:half], f"（二）{heads[1]}", *status[half:]]
    lines += status
    lines.append(rng.choice(PLAN_HEADINGS).format(t=topic))
    lines += _section(rng, material, pools, "plan", year, key, rng.randint(3, 7))
    lines.append(rng.choice(CLOSINGS).format(d=domain))
    lines.append(agency)
    lines.append(format_date(rng, year, month, day))
    _reply_tail(rng, lines, year, month, day)
    meta = None
    if rng.random() < 0.4:
        meta = [
            (f"{kind}号", str(number)),
            (f"{role}", name),
            ("标题", title),
            ("承办单位", f"主办：{agency}　协办：{co}"),
            ("答复日期", f"{year}-{month:02d}-{day:02d}"),
        ]
    return Doc(
        lines=lines,
        kind="reply",
        name=f"{index:05d}_第{number}号{kind}答复",
        folder=str(year),
        meta=meta,
        portal=rng.random() < PORTAL_SHARE,
    )


def make_reference(rng: random.Random, material: Material, pools: _Pools, index: int) -> Doc:
    topic, key = rng.choice(TOPICS)
    year = rng.randint(2012, 2026)
    title = rng.choice(REFERENCE_TITLES).format(t=topic, c=rng.choice(CITIES))
    lines = [title]
    if rng.random() < 0.3:
        fmt = rng.choice(NOISE_HEADERS)
        lines.append(fmt.format(y=year, m=rng.randint(1, 12), d=rng.randint(1, 28),
                                n=rng.randint(100, 50000)))  # fmt: skip
    for _ in range(rng.randint(12, 26)):
        if rng.random() < REUSE_SHARE:
            lines.append(rng.choice(pools.reference))
        else:
            lines.append(make_paragraph(rng, material, "reference", year, key, (2, 5)))
    return Doc(lines=lines, kind="reference", name=f"{index:05d}_参考资料", folder="参考资料")


# --------------------------------------------------------------------------- writing
def render_text(rng: random.Random, doc: Doc) -> str:
    if doc.portal and doc.kind == "reply" and doc.meta:
        meta = dict(doc.meta)
        body = " ".join(doc.lines[:-1])
        rows = [
            f"提案提出者: | {doc.meta[1][1]} | 提案号: | {doc.meta[0][1]} | |",
            f"标题: | {meta['标题']} | |||",
            "提案内容: | ||||",
            f"承办单位: | {meta['承办单位']} |",
            f"答复日期: | {meta['答复日期']} | |||",
            f"答复内容: | {body} |",
        ]
        return "\n".join(rows).translate(HALF_WIDTH) + "\n"
    indent = rng.choice(("", "", "　　", "  "))
    sep = "\n\n" if rng.random() < 0.3 else "\n"
    lines = [indent + ln if len(ln) > 30 else ln for ln in doc.lines]
    text = sep.join(lines) + "\n"
    if rng.random() < 0.2:
        text = text.translate(HALF_WIDTH)
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    return text


def write_docx(path: Path, doc: Doc) -> None:
    import docx  # python-docx; imported lazily, text-only archives do not need it

    d = docx.Document()
    if doc.meta:
        table = d.add_table(rows=0, cols=2)
        for key, value in doc.meta:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = key, value
    for line in doc.lines:
        d.add_paragraph(line)
    d.save(str(path))


def generate(
    folder: Path,
    n_letters: int,
    seed: int = 7,
    docx_share: float = 0.1,
    gbk_share: float = 0.15,
) -> list[Path]:
    """Write ``n_letters`` documents (replies and ~10 % reference documents) under ``folder``.

    Returns the written paths in generation order. Deterministic for a given seed.
    """
    folder = Path(folder)
    material = load_material()
    pools = _Pools(random.Random(seed), material, n_letters)
    paths: list[Path] = []
    made: list[Doc] = []
    for index in range(n_letters):
        rng = random.Random(seed * 1_000_003 + index)
        if made and rng.random() < DUPLICATE_SHARE:
            original = rng.choice(made)
            doc = Doc(original.lines, original.kind, f"{index:05d}_副本", original.folder,
                      original.meta)  # fmt: skip
        elif rng.random() < REFERENCE_SHARE:
            doc = make_reference(rng, material, pools, index)
        else:
            doc = make_reply(rng, material, pools, index)
        made.append(doc)
        sub = folder / doc.folder
        sub.mkdir(parents=True, exist_ok=True)
        r = rng.random()
        if r < docx_share and not doc.portal:
            path = sub / (doc.name + ".docx")
            write_docx(path, doc)
        else:
            path = sub / (doc.name + ".txt")
            text = render_text(rng, doc)
            data = b""
            if r < docx_share + gbk_share:
                try:
                    data = text.encode("gbk")
                except UnicodeEncodeError:
                    data = b""
            path.write_bytes(data or text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a benchmark archive of reply letters.")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--letters", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--docx-share", type=float, default=0.1)
    ap.add_argument("--gbk-share", type=float, default=0.15)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    paths = generate(args.out_dir, args.letters, args.seed, args.docx_share, args.gbk_share)
    by_ext: dict[str, int] = {}
    for p in paths:
        by_ext[p.suffix] = by_ext.get(p.suffix, 0) + 1
    print(f"{len(paths)} files in {time.perf_counter() - t0:.1f} s: {by_ext}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
