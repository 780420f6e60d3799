"""Every pattern the role pipeline reads a line with, in one place, each named for what it serves.

A rule name in ``replydesk explain`` output or in a field's source is the name of one of these
(``CONTACT_START`` extends the contact-line start of ``desktop/paragraph_split.py``). All
patterns read the *folded* text (simplified characters), are linear (anchored, bounded or free
of nested quantifiers) and only run on short lines. ``docs/segmentation.md`` lists them with an
example each.
"""

from __future__ import annotations

import re

from desktop.cjk import IDEOGRAPHS
from desktop.numerals import COUNTING_CHARS
from desktop.paragraph_split import CONTACT_START_RE

__all__ = [
    "ACK",
    "AFTER_SIGNATURE",
    "AGENCY",
    "AGENCY_IN_TITLE",
    "CATEGORY",
    "CATEGORY_IN_LINE",
    "CLOSING",
    "CONTACT_NAME",
    "CONTACT_PHONE",
    "CONTACT_PHONE_BARE",
    "CONTACT_START",
    "COPY_TO",
    "COSIGNER",
    "DISCLOSURE",
    "DOC_NUMBER",
    "DOC_NUMBER_LOOSE",
    "FURNITURE",
    "FURNITURE_START",
    "IDEO",
    "JOINT",
    "NAME_SPLIT",
    "NOT_NAMES",
    "ORGANIZER",
    "PAGE_SOURCE",
    "PERSON",
    "PINYIN_DEBRIS",
    "SALUTATION",
    "SALUTATION_BARE",
    "SESSION",
    "SESSION_FILLER",
    "SIGNER",
    "SITE_FOOTER",
    "SITE_FOOTER_MARK",
    "THANKS",
    "TITLE_WORDS",
    "UNIT_SALUTATION_BARE",
    "UNIT_SUFFIX",
]

# Ideographs (desktop/cjk.py), by a short name for the many character classes here.
IDEO = IDEOGRAPHS
# The last word of a unit's name: 局, 委员会, 人民政府 …
UNIT_SUFFIX = (
    "局|委|委员会|办公室|办|厅|院|中心|政府|人民政府|部|所|处|署|会"
    "|公司|集团|站|馆|队|行|府|组|室|社|台|司"
)

# -- names -----------------------------------------------------------------------------------
# One person's name in a salutation or a name list; what separates names; words that are not.
PERSON = re.compile(rf"^[{IDEO}·]{{2,6}}$")
NAME_SPLIT = re.compile(r"[、，,；;/\s]+")
NOT_NAMES = frozenset({"各位", "全体", "诸位", "广大", "各"})
# The joint form that ends a salutation's names: "等", "等10位", "等三名".
JOINT = re.compile(r"等\s*[\d一二三四五六七八九十百]*\s*(?:位|名|人)?$")
# "十七届人大一次会议", and the words that may stand before it without being part of it.
SESSION = re.compile(
    rf"(?P<pre>[{IDEO}]{{0,8}}?)(?P<core>第?[{COUNTING_CHARS}]{{1,3}}届(?:全国)?(?:人民代表大会|人大|政协|委员会)?"
    rf"(?:常务委员会|常委会)?第?[{COUNTING_CHARS}]{{1,3}}次(?:全体)?(?:会议|全会))"
)
SESSION_FILLER = "在于对的是就为与和及您你我们收到提出关感谢上中届会号"

# -- page furniture --------------------------------------------------------------------------
# Site footers, navigation, share buttons, image names: never part of the letter.
FURNITURE = re.compile(
    r"网站标识码|ICP备|ICP证|公网安备|版权所有|主办单位[:：].{0,30}(?:网|中心)$|技术支持[:：]"
    r"|扫一扫|手机打开|打印本页|关闭窗口|分享到|责任编辑|相关附件|文件下载|附件下载|温馨提示"
    r"|上一条|下一条|上一篇|下一篇|【关闭】|\[关闭\]|^关闭$|^打印$|^返回$|^(?:大|中|小)\s*(?:大|中|小)"
    r"|点击数|点击量|浏览量|浏览次数|访问量|阅读次数|(?<!文)字号[:：]|^字体|二维码|如已完成请点击|已登录"
    r"|\.(?:jpe?g|png|gif|bmp)$|^开办[:：]|主办[:：].{0,40}承办|(?:\s>\s.*){2}|^>\s"
)
FURNITURE_START = re.compile(
    r"^(?:[•·]\s*\S{0,12}$|!\[|您的位置|您当前的位置|您当前所在的位置|当前位置|所在位置|首页\s*[>»›\-]|索引号|主题分类|发布机构|发布机关"
    r"|发文机关|组配分类|成文日期|发布日期|发布时间|更新时间|信息来源|来源[:：]|作者[:：]|生成日期"
    r"|有效性|公开方式[:：]|公开范围|关键词|主题词[:：]?|校对[:：]|印数|【|\[)"
)
# A site footer: who runs the site, its address and phone, its visitor counter.
SITE_FOOTER = re.compile(
    r"(?:主办|承办|开办)(?:单位)?[:：].{0,40}(?:地址|电话|邮箱|联系方式|版权|网站)|访问者|浏览器|网站地图"
    r"|今日访问|本站"
)
# What only a site footer says: the page ends here.
SITE_FOOTER_MARK = re.compile(
    r"网站标识码|ICP备|ICP证|公网安备|版权所有|Copyright|©|网站地图|技术支持"
)
# "来源：区交通局" / "发布机构：某县水务局": the portal's own record of who published the page.
PAGE_SOURCE = re.compile(
    rf"(?:发布机构|发布机关|发文机关|信息来源|来源)\s*[:：]\s*(?P<unit>[{IDEO}（）()]{{2,30}}?"
    rf"(?:{UNIT_SUFFIX}))(?=$|\s|[|，,])"
)

# Conversion debris of a traditional-character page: the pinyin of a character in brackets
# after it ("答復(fù)"). Not text: dropped from the stored text (the original keeps it).
PINYIN_DEBRIS = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")

# -- head ------------------------------------------------------------------------------------
DOC_NUMBER = re.compile(
    rf"^(?P<dn>[{IDEO}]{{1,15}}\s*[:：]?\s*[〔\[【(（]\s*(?:19|20)\d{{2}}\s*[〕\]】)）]\s*第?\s*\d{{1,5}}\s*号)"
    r"(?P<rest>.*)$"
)
# A document number whose brackets or 号 were lost in extraction: "桃路函20219", "通区府议〔202323".
DOC_NUMBER_LOOSE = re.compile(
    rf"^(?P<dn>[{IDEO}]{{2,10}}(?:函|发|复|字|议|办|理)[〔\[【(（]?\s*(?:19|20)\d{{2,6}}\s*[〕\]】)）]?"
    r"\s*(?:第?\s*\d{1,5}\s*号)?)(?P<rest>\s+.*|)$"
)
# "类别：C", "办复类别:B", a bare "C", "A类)", and a portal's "办理结果：B类" / "办理结果：(C)".
CATEGORY = re.compile(
    r"^(?:(?:答复|办理|办复)?(?:类\s*别|结果|类型)\s*[:：]?\s*)?[（(]?\s*([A-Da-d甲乙丙丁])\s*"
    r"(?:[）)]\s*类|类\s*[）)]?|[）)])?$"
)
# A category at the end of a document-number or title line: "… 11号A类 同意公开", "…(B)的函".
CATEGORY_IN_LINE = re.compile(
    r"(?:号\s*|\s)[（(]?\s*(?P<cat>[A-Da-d甲乙丙丁])\s*(?:类\s*[)）]?|[）)])?(?=\s|$|同意|公开)"
    r"|(?:办理情况|办复)[（(](?P<cat2>[A-Da-d甲乙丙丁])[类]?[）)]"
)
TITLE_WORDS = re.compile(r"答\s*复|复\s*函|答复函|办理情况|会办意见|协办意见|办理意见")
# The answering agency named at the start of a title: "XX县交通运输局关于…的答复".
AGENCY_IN_TITLE = re.compile(rf"^(?P<unit>[{IDEO}（）()]{{2,30}}?(?:{UNIT_SUFFIX}))\s*(?:关于|对)")

# -- salutation and acknowledgement ------------------------------------------------------------
SALUTATION = re.compile(
    r"^(?:尊敬的)?\s*(?P<who>[^：:，。！？,!?]{1,40}?)\s*(?P<role>代表|委员|同志|先生|女士)(?:们)?"
    r"\s*[:：]$"
)
# A salutation that lost its colon: "高松代表", "尊敬袁大金代表" (trusted only before an
# acknowledgement).
SALUTATION_BARE = re.compile(
    r"^(?:尊敬的?)?\s*(?P<who>[^：:，。！？,!?\s][^：:，。！？,!?]{0,80}?)\s*"
    r"(?P<role>代表|委员|同志|先生|女士)(?:们)?\s*(?:[，,]\s*(?:您|你|你们|您们)好[！!]?)?\s*[:：]?$"
)
UNIT_SALUTATION_BARE = re.compile(
    rf"^(?P<unit>[{IDEO}（）()、]{{2,30}}(?:{UNIT_SUFFIX}|小组|街道|社区|科协|政协|人大))\s*[:：]?$"
)
# The acknowledgement that opens a reply's text: the proposal "收悉", "现答复如下" …
ACK = re.compile(
    r"收悉|函悉|已悉|收到|答复如下|如下答复|现答复|现函复|函复如下|函告如下|现将.{0,30}(?:答复|函复|报告|函告)"
    r"|现就.{0,30}答复|(?:您|你们?|您们|贵单位|你单位|代表|委员).{0,30}?(?:提出|领衔|所提)"
    r"|^您好|交(?:由)?我(?:局|委|办|单位|中心|部门|镇|乡|厅|院)办理"
)

# -- body ------------------------------------------------------------------------------------
# The last thanks / hope paragraph before the signature.
CLOSING = re.compile(
    r"衷心感谢|再次感谢|感谢您|感谢你|谢谢您|谢谢你|非常感谢|诚挚感谢|感谢.{0,30}(?:关心|关注|支持|理解|监督)"
    r"|欢迎.{0,6}(?:继续|提出|多提|批评)|(?:请|望|希望|期望|恳请)(?:您|你).{0,3}继续"
    r"|一如既往|宝贵意见|宝贵建议|专此(?:答复|函复)|特此(?:答复|函复|复函|说明|函告)|^此复|^顺致|^顺颂"
    r"|征询意见表|意见反馈表|反馈意见表|满意度|敬请|如有不妥|批评指正|妥否|请.{0,6}反馈|恳请"
    r"|^此致|^敬礼|^致以"
)

# The thanks or sign-off where a closing starts.
THANKS = re.compile(
    r"感谢|谢谢|此复|特此|以上答复|以上意见|顺致|顺颂|欢迎.{0,6}(?:继续|提出|多提|批评)|一如既往"
    r"|^此致|^敬礼|^致以"
)

# -- tail ------------------------------------------------------------------------------------
AGENCY = re.compile(rf"^[{IDEO}（）()·]{{2,30}}(?:{UNIT_SUFFIX})$")
SIGNER = re.compile(r"^签\s*发\s*人")
COSIGNER = re.compile(r"^[（(]?\s*(?:附议|联名)(?:代表|委员|人)?\s*[:：]\s*([^）)]+)[）)]?$")
ORGANIZER = re.compile(r"^(主办|协办|会办)(?:单位|部门)?\s*[:：]\s*(.+)$")
CONTACT_START = re.compile(
    CONTACT_START_RE.pattern
    + r"|^[（(]?\s*(?:承办人|经办人|承办负责人|单位负责人|办理人|联系单位|主管领导|分管领导|责任人"
    + r"|联系地址|邮政编码|签发人|联系人姓名|承办单位联系人|主要负责人|经办单位)"
)
CONTACT_NAME = re.compile(
    rf"(?:联\s*系\s*人|承办人|经办人|办理人)(?:姓名)?(?:及联系电话|及电话|和电话)?\s*[:：]?\s*"
    rf"(?:[{IDEO}]{{2,14}}(?:局|委|办|中心|所|站|科|股|室|处)[，,、]?)?\s*"
    rf"(?P<name>[{IDEO}·](?:\s{{0,3}}[{IDEO}·]){{1,3}}?)(?=[\s，,；;、()（）：:0-9]|电话|联系|手机|办公|$)"
)
CONTACT_PHONE = re.compile(
    r"(?:电话|手机|方式|号码)[^0-9０-９]{0,4}([0-9０-９][0-9０-９\-－—–\s/、]{3,40})"
)
CONTACT_PHONE_BARE = re.compile(r"(?<!\d)((?:0\d{2,3}\s*[-—－–]*\s*)?\d{7,8}|1[3-9]\d{9})(?!\d)")
COPY_TO = re.compile(r"^(?:抄\s*送|抄\s*报)\s*[:：]?")
DISCLOSURE = re.compile(
    r"^注[:：].{0,12}公开|^[（(]?\s*(?:公开属性|公开方式|公开类型|此件公开|此件主动公开|此件不公开|此件依申请公开|不予公开"
    r"|依申请公开|主动公开|同意公开|不公开)"
)
# Lines that follow the signature in printed letters: 主题词, 校对, 印数, 附件 …
AFTER_SIGNATURE = re.compile(
    r"^(?:主题词|主题分类|校对|印数|附件|共印|印发|打印|承办负责人|单位负责人|签发|核稿|拟稿|联系地址"
    r"|邮政编码|邮编|传真|电子邮箱|邮箱)"
)
