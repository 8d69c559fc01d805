"""Who published the report and which year it reports on.

The title is the last title-like row before the first section heading: a page
carries other titles above the report's own (links to earlier years' reports in a
sidebar, the page's metadata block, a breadcrumb), never between it and its text. A
title may put its year after the words (``…年度报告（2024年度）``) or the organ on a
line of its own above ``2024年政府信息公开工作年度报告``; a sentence (it holds ``。`` or
``，``) or a section heading is never part of a title.

Organ, in order of trust: the title line (``XXX2024年度政府信息公开工作年度报告``), the
organ named before ``(以下简称…)`` in the opening text, the signature after the last
sentence, the ``发布机构`` field of the page's metadata (made complete by the signature
when it is a shortened form of it; an organ read from that field alone is noted,
``ORGAN_FROM_PUBLISHER``), last an HTML page's ``<meta name="ContentSource">`` (its CMS's
record of the article's source, which ``read_html`` puts first as the line
``ContentSource：X局``; never ``SiteName``, the portal's owner), last of all the page's
furniture, said as ``ORGAN_FROM_PUBLISHER`` too (``_organ_from_furniture``): the
breadcrumb's organ (``首页>>部门频道>>X局``), the footer's ``主办单位`` (not ``承办单位``,
``技术支持``, ``版权所有``), the site's name above the title (``X委员会网站``); never a
people's government's portal owner for a report that does not call itself as it is
named, nor an organ of another kind than the report's ``我局``/``我委``. An HTML page's
furniture, which ``read_html`` drops from its text, is asked of the document then
(``Document.furniture``), and read there first. A title that
names no organ gives way to the crawler's ``标题：`` field of the same report, above the
page's ``发布机构``; a title that names its
organ without its place (``县财政局``) is completed by the signature or the field that ends
with it, else by the place the text puts before it twice; what a report covers besides
its organ (``（本级）``, ``（含局属单位）``, ``及所属单位``) is not part of the name; an organ
may follow the title's words in brackets or after a dash (``…年度报告——X局``). A
signature may follow its key (``单位：X局``, ``报告单位：X局``) when no signature without
one is found. A place named alone is its people's government
(``X县`` → ``X县人民政府``), or, a zone a 管委会 runs (``X新区``, ``X经开区``), kept as
printed; either is the place with its governing body when the report prints them
together (``X新区管理委员会``). Year: the title, then the statistics period
(``统计期限自2024年1月1日起至2024年12月31日止``), then the year before the date under the
signature (or the page's ``发布时间``) when that date is in the first half of its year
(a report is published in the months after its year), then the year the narrative
names most often, not counting full dates (``2025年1月20日`` is when it was written). A
year read from a date alone is noted (``YEAR_FROM_DATE``), and so is a year other
evidence contradicts (``YEAR_CONFLICT``: a title against its statistics period or its
signing date).

Two organs may sign a report together (``X市Y局`` over ``X市Z局``, ``X县人民政府办公室``
beside ``X县Z局``): the organ is then the one the title names, else the first signer,
and ``Meta.signers`` lists them all. A name printed in traditional characters in a
simplified document (a title pasted from elsewhere, one character of it misconverted) is
read in simplified form. An organ's second name in brackets after it
(``X市卫生健康局（X市中医药管理局）``) is part of its name; a website's name above a
title (``X区人民政府门户网站``) is not an organ. The signature and its date are among the
last rows or, on a crawled page whose footer fills many lines after them (links,
``网站地图``, ``主办单位``, the ICP number), above that footer; on a page holding a later
report after the one read (last year's in a second tab pane, an expanded ``上一篇``),
those ending the report read, before the later report's title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .normalize import to_simplified
from .rows import Row

ORGAN_SUFFIXES = (
    "局", "委", "办", "院", "府", "厅", "会", "署", "处", "室", "中心", "所", "站", "队",
    "馆", "部", "社", "镇", "乡", "街道", "管委会", "办事处", "海关", "气象台", "监狱",
    "林场", "农场",
)  # fmt: skip
CMS_SOURCE_KEY = "ContentSource"
"""The key of the line an HTML page's ``<meta name="ContentSource">`` is read as (the
article's source its CMS records, ``ContentSource：X局``), put first by ``read_html``."""
FURNITURE_FIELDS = ("当前位置", "主办单位", "网站名称")
_REPORT = r"(?:政府)?(?:信息|政务|资讯)公开(?:工作)?(?:的?年度报告|报告|年报(?=$|[(（])|(?:(?:开展)?情况)?的?报告(?=$|[(（]))"
"""``政府信息公开工作年度报告`` (also ``…工作的年度报告``) or, ending the line,
``…公开工作情况的报告``, ``…公开工作的报告`` or ``…公开年报`` (a title
``X局关于2025年度政府信息公开工作情况的报告``; not ``…工作情况报告如下``)."""
_TITLE_RE = re.compile(
    rf"(?P<pre>.*?)(?P<year>(?:19|20)\d{{2}})(?:年度?(?!\s*\d{{1,2}}\s*月)|(?={_REPORT}))"
    rf"(?P<post>.*?){_REPORT}"
)
"""A title with its year before the words, also without its ``年`` right before them
(``X局2025政府信息公开工作年度报告``); a date (``发布时间：2026年01月20日`` above a
title without a year) holds no report's year."""
_TITLE_YEAR_AFTER_RE = re.compile(
    rf"(?P<pre>.*?)(?P<post>){_REPORT}"
    r"[(（\[【]?(?P<year>(?:19|20)\d{2})年?度?[)）\]】]?$"
)
_TITLE_YEAR_BRACKETED_RE = re.compile(rf".*?{_REPORT}[(（\[【](?:19|20)\d{{2}}年?度?[)）\]】]")
"""A title with its year in brackets after the words, run into the text after it
(``…年度报告（2025年度）本报告根据…``)."""
_TITLE_YEAR_INSIDE_RE = re.compile(
    r"(?P<pre>.*?)(?P<post>)(?:政府)?(?:信息|政务|资讯)公开工作(?P<year>(?:19|20)\d{2})年度?报告$"
)
"""The year between the words and ``报告`` (``X局政府信息公开工作2025年度报告``)."""
_TITLE_NO_YEAR_RE = re.compile(
    r"^(?P<pre>.*?)(?P<year>)(?P<post>)(?:政府)?(?:信息|政务|资讯)公开(?:工作)?年度报告$"
)
_ABOUT_RE = re.compile(r"关于(?:印发|转发|公布|发布)?$")
_ABOUT_INSIDE_RE = re.compile(r"关于(?:印发|转发|公布|发布)?")
_ABOUT_LEAD_RE = re.compile(r"^关于(?:印发|转发|公布|发布)?")
"""A title's ``关于`` before the organ on the line above its year (``关于X局`` /
``2025年…年度报告的公告``)."""
"""What stands between an organ and the report it publishes (``X局关于印发2025年…``)."""
_TITLE_HINTS = ("报告", "年报")
_NAME = r"[\u4e00-\u9fff]{2,30}(?:[(（][\u4e00-\u9fff]{2,30}[)）])?"
_ORGAN_AFTER_RE = re.compile(rf"[(（]({_NAME})[)）]$|——({_NAME})$")
"""The organ in brackets or after a dash after the words (``2025年政府信息公开工作年度报告
（X市X局）``, ``…年度报告——X市X局``)."""
_SENTENCE_MARKS = ("。", "，", ",", "；")
_ALIAS_RE = re.compile(r"([\u4e00-\u9fff]{3,30})[(（]以下简称")
_FIRST_DAY = r"\s*年\s*[1一]\s*月\s*[1一]\s*日"
_PERIOD_RE = re.compile(
    rf"统计(?:期限|期间|时限|时段|区间|口径|范围)?[^0-9]{{0,12}}((?:19|20)\d{{2}}){_FIRST_DAY}"
)
_PERIOD_END_RE = re.compile(
    rf"((?:19|20)\d{{2}}){_FIRST_DAY}\s*(?:起)?\s*至\s*\1\s*年\s*(?:12|十二)\s*月\s*(?:31|三十一)\s*日"
)
"""A statistics period, its days also in Chinese numerals (``二〇二五年一月一日``, the
year made digits by ``arabic_years``)."""
_MONTH_DAY = r"\s*[\d一二三四五六七八九十〇○]{1,3}\s*月\s*[\d一二三四五六七八九十〇○]{1,3}\s*日"
_YEAR_RE = re.compile(
    rf"(?<![较比与])((?:19|20)\d{{2}})\s*年度?(?!{_MONTH_DAY}|同期|相比|同比|度?报告)"
)
"""A year the narrative names as its own: not a date (``2026年1月20日`` is when it was
written), nor the year it compares with (``较2024年``, ``与2024年相比``, ``2024年同期``)
or whose report it cites (``2024年度报告``)."""
_DATE_RE = re.compile(rf"(?:19|20)\d{{2}}\s*(?:年{_MONTH_DAY}|[-./]\d{{1,2}}[-./]\d{{1,2}})")
_PUBLISHED_RE = re.compile(
    r"(?:发布|成文|公开)(?:日期|时间)[:：]?\s*((?:19|20)\d{2})[-./年](\d{1,2})[-./月](\d{1,2})"
)
_CJK_ONLY_RE = re.compile(r"^[\u4e00-\u9fff()（）]+$")
_CJK_RUN_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]+$")
MAX_PLACE = 6
MAX_ORGAN_CHARS = 30
SIGNATURE_ROWS = 10
"""The signature is among the last rows: after it only a date, notes in brackets and the
page's furniture (``责任编辑：…``, ``扫一扫在手机打开当前页``)."""
_FURNITURE_RE = re.compile(
    r"[:：]|扫一扫|打印|关闭|分享|收藏|字号|浏览|访问量|相关链接|返回顶部|版权|备案|Copyright"
    r"|报告|附件|下载|\.(?:pdf|docx?|wps|xlsx?)$",
    re.IGNORECASE,
)
"""A line after the signature that is the page's, not the report's: a field
(``责任编辑：张三``, ``附件：``), a button, the site's footer, an attachment
(``1.2025年政府信息公开工作年度报告（PDF版）``)."""
_FOOTER_RE = re.compile(r"主办|承办|协办|主管单位|技术支持|版权|备案|Copyright|ICP", re.IGNORECASE)
"""Words of a site's footer, which names the site's owner after the signature."""
_SIGNED_DATE_RE = re.compile(
    rf"(?:{_DATE_RE.pattern}|(?:19|20)\d{{2}}\s*年\s*[\d一二三四五六七八九十]{{1,2}}\s*月)(?:印发|发布)?"
)
"""The date under a signature: a day (``2025年1月20日``), or a month only (``2025年1月``,
as a cover page prints it)."""
_TRAILING_NOTE_RE = re.compile(r"[(（【\[]([^()（）【】\[\]]*)[)）】\]]$")
_BRACKETED_RE = re.compile(r"^(?:[(（【\[〔][^()（）【】\[\]〔〕]*[)）】\]〕])+$")
"""A line made of notes in brackets only (``（此件主动公开）``, ``【打印本页】【关闭窗口】``)."""
_FULL_WIDTH_BRACKETS = str.maketrans("()", "（）")
_LEADING_WORDS = ("关于印发", "关于发布", "关于公布", "关于转发", "关于", "我", "本")
"""Words before a title's organ (``关于印发X局2025年…的通知``), longest first."""
MIN_YEAR, MAX_YEAR = 2008, 2100
TITLE_ROWS = 15
"""Without section headings, the title is looked for among the first rows only."""
TITLE_LINES = 3
"""Rows a title may be wrapped over (the organ's own row above it not counted)."""
MAX_TITLE_CHARS = 80
MAX_TITLE_ROWS = 300
"""With headings, among the rows before the first one, at most this many."""


@dataclass(frozen=True)
class Meta:
    organ: str | None
    year: int | None
    title: str | None
    published: str | None
    title_rows: tuple[int, ...]
    signers: tuple[str, ...] = ()
    """The organs of a joint signature, as printed from the first (two or more, all
    different); empty when one organ signed."""
    year_note: YearNote | None = None
    """Why ``year`` is less than certain: read from a date alone, or against other
    evidence (see ``YearNote``)."""
    organ_note: MetaNote | None = None
    """Why ``organ`` is less than certain: ``ORGAN_FROM_PUBLISHER``, the organ read from
    the page's 发布机构 field alone (no title, opening text nor signature names it)."""


@dataclass(frozen=True)
class MetaNote:
    """A diagnostic on the organ, for the recognizer to add as it is: its code, severity
    and message, and the name of the page's field the organ was read from."""

    code: str
    severity: str
    message: str
    field: str | None = None


@dataclass(frozen=True)
class YearNote:
    """A diagnostic on the year, for the recognizer to add: ``YEAR_FROM_DATE`` (no title
    nor statistics period names it; the date under the signature or the page's
    publication date does) or ``YEAR_CONFLICT`` (the title or the text names one year,
    a period or a date another)."""

    code: str
    message: str
    other: int | None = None
    """The year the other evidence gives (``YEAR_CONFLICT``)."""
    date: str | None = None
    """The date the year was read from or checked against, as printed."""


def read_meta(
    rows: Sequence[Row],
    headings: Mapping[str, int] | None = None,
    furniture: Callable[[], list[str]] | None = None,
) -> Meta:
    """Organ, year, title and publication date; ``headings`` (section key → row index)
    bound the rows where the title can be. ``furniture`` gives a web page's furniture
    lines (``Document.furniture``): asked only when nothing else names the organ."""
    _keep_signing_rows(rows, _report_end(rows, headings))
    return _read_meta(rows, headings, furniture)


def _read_meta(
    rows: Sequence[Row],
    headings: Mapping[str, int] | None,
    page_furniture: Callable[[], list[str]] | None,
) -> Meta:
    first = min(headings.values(), default=None) if headings else None
    end = TITLE_ROWS if first is None else min(first, MAX_TITLE_ROWS)
    title_rows = _title_rows(rows, end, frozenset((headings or {}).values()))
    title = (
        _CRAWLER_KEY_RE.sub("", "".join(simplified(rows[i].text.strip()) for i in title_rows))
        or None
    )
    if title is None:
        title = _title_among_words(rows[: min(end + 1, TITLE_ROWS)])
    organ_from_title, year_from_title = _parse_title(title) if title else (None, None)
    named = _organs_in_title(title) if title else ()
    if named:
        organ_from_title = named[0]
    if organ_from_title is None and title_rows:
        organ_from_title = _organ_below(rows, title_rows[-1])
    if organ_from_title is None:
        organ_from_title = _organ_from_crawler_title(rows, year_from_title)
    if organ_from_title is not None and _without_place(organ_from_title):
        organ_from_title = _with_place(organ_from_title, rows)
    field: str | None = None
    organ = organ_from_title or _organ_from_alias(rows)
    if organ is None:
        organ, field = _organ_from_signature_and_field(rows)
    if organ is None and title_rows:
        first = _first_printed(rows)
        organ = _organ_from_page_title(rows[first : min(title_rows[0], first + 1)], year_from_title)
    furniture = (
        _organ_from_furniture(rows, title_rows, year_from_title, _furniture_rows(page_furniture))
        if organ is None
        else None
    )
    if furniture is not None:
        organ = furniture.organ
    organ_note = None
    if organ is not None:
        organ = as_printed(simplified(organ))
        if _is_place(organ):
            township = organ.endswith(_TOWNSHIP_ENDS)
            organ = _governing_name(organ, "\n".join(row.text for row in rows))
            if township:  # (和平街道: the signature's 样例市西城区和平街道办事处)
                organ = _with_place(organ, rows)
        if field is not None:
            organ_note = _from_field(organ, field)
        elif furniture is not None:
            organ_note = _from_furniture(organ, furniture)
    signers = named or _signatures(rows)
    published = _published(rows)
    if year_from_title is None:
        year, note = _year_without_title(rows, headings, published)
    else:
        year, note = year_from_title, _title_year_doubt(rows, headings, year_from_title)
    if note is None and year_from_title is not None and title is not None:
        note = _letter_o_in_title_year(title, year_from_title)
    joint = signers if len(signers) > 1 else ()
    return Meta(organ, year, title, published, title_rows, joint, note, organ_note)


def _letter_o_in_title_year(title: str, year: int) -> YearNote | None:
    """The note on a title's year printed with the letter O for 0 (``2O25年``): read as
    the year, and said (OCR's O is 0 in a year of four digits, but the reader checks)."""
    printed = letter_o_year(title)
    if printed is None:
        return None
    return YearNote(
        "LETTER_O_AS_ZERO",
        f"标题的年度印作“{printed}年”，其中的字母 O 按数字 0 读作 {year} 年"
        "（文字识别常把 0 认作 O），请核对原件",
    )


def _from_field(organ: str, field: str) -> MetaNote:
    where = (
        f"网页元数据“{field}”（内容来源，页面上不显示）"
        if field == CMS_SOURCE_KEY
        else f"页面的“{field}”字段"
    )
    return MetaNote(
        "ORGAN_FROM_PUBLISHER",
        "info",
        f"标题、正文开头和落款中都没有写明发布机关，organ 按{where}读作“{organ}”；"
        "该字段可能是发布网页的网站或部门而不是编写年报的机关，请核对",
        field=field,
    )


def joint_message(meta: Meta) -> str:
    """The note on a joint signature: who signed, and which of them ``organ`` is."""
    signed = "、".join(f"“{organ}”" for organ in meta.signers)
    return f"年报由{signed}联合落款，发布机关读作“{meta.organ}”（标题所称机关，标题未称时为第一个落款机关）"


_KEPT_AS_PRINTED = frozenset("乾")
"""Characters opencc's ``t2s`` changes that simplified place names print (``乾县``,
``乾安县``): kept."""


def simplified(text: str) -> str:
    """``text`` in simplified characters: a title or an organ's name printed in
    traditional ones inside a simplified document (which the readers do not convert:
    too few traditional characters), or with one of them in it. A text GB2312 encodes
    holds no traditional-only character and is returned as it is (no conversion)."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        converted = to_simplified(text)
        if len(converted) != len(text):
            return converted
        return "".join(
            old if old in _KEPT_AS_PRINTED else new
            for old, new in zip(text, converted, strict=True)
        )
    return text


_TRADITIONAL_TITLE_RE = re.compile("[報開資訊務關發況]")
"""Traditional forms of the characters of a title's words (``政府信息公開工作年度報告``):
only a line holding one may be a title that needs converting to be matched (a title
with a traditional character in its organ's name matches as printed; the organ is
converted when read)."""


def _compact(text: str) -> str:
    """A line as titles are matched: no spaces, years in digits, simplified."""
    compact = "".join(text.split())
    if _TRADITIONAL_TITLE_RE.search(compact):
        compact = simplified(compact)
    return arabic_years(compact)


_PLACE_END = frozenset("省市县区旗州盟乡镇")
_ZONES = (
    "开发区", "高新区", "经开区", "新区", "园区", "示范区", "试验区", "实验区", "合作区",
    "保税区", "综保区", "自贸区", "贸易区", "加工区", "港区", "经济区", "商务区", "旅游区",
    "景区", "名胜区", "片区", "功能区", "度假区", "工业区", "产业区", "保护区", "集聚区",
    "管理区", "起步区", "先行区", "先导区", "社区",
)  # fmt: skip
"""Places ending in ``区`` that are not plainly a district with a people's government: a
管委会 runs most of them (``X经开区``, ``X高新区``, ``X新区``); a few new districts have
a government (``X新区人民政府``). Such a place is kept as printed unless the report
prints its governing body's name after it (``_governing_name``)."""
_NOT_A_PLACE = ("全", "各", "该", "我", "本")


def as_government(organ: str) -> str:
    """A place named as the organ (a title ``X县2025年政府信息公开工作年度报告``, a signature
    ``X镇``) is its people's government: ``X县人民政府``; a 街道 its ``街道办事处``; a zone
    (``_ZONES``) is kept as it is."""
    if organ.endswith("街道"):
        return organ + "办事处"
    if _is_place(organ) and not organ.endswith(_ZONES):
        return organ + "人民政府"
    return organ


_TOWNSHIP_ENDS = ("街道", "镇", "乡")
"""A street's, town's or township's name: a title that names it alone names its office
without the county or district above it, which the signature or the text may print."""


def _is_place(organ: str) -> bool:
    """Whether ``organ`` is a place's name alone (``X县``, ``X新区``, ``X街道``)."""
    return (
        len(organ) >= 2
        and (organ[-1] in _PLACE_END or organ.endswith("街道"))
        and not organ.startswith(_NOT_A_PLACE)
    )


_GOVERNING_BODIES = ("管理委员会", "人民政府", "管委会", "管理局", "管理处", "办事处")
"""What a place's governing body adds to its name (``X新区管理委员会``, ``X新区管委会``,
``X县人民政府``, ``X风景名胜区管理局``, ``X街道办事处``), longest first."""


def _governing_name(organ: str, text: str) -> str:
    """The organ a place named alone stands for: the place and its governing body as the
    report prints them together (``X新区管理委员会`` in the body or the signature of a report
    titled ``X新区2025年…``, also without the city the title puts before it; of several,
    the longest: the full form over its short form ``管委会``), else its people's
    government (``as_government``; a zone is kept as printed). An organ that is not a
    place alone is returned as it is."""
    if not _is_place(organ):
        return organ
    found = ""
    for place in _place_and_its_ends(organ):
        at = text.find(place)
        while at != -1:
            after = at + len(place)
            for body in _GOVERNING_BODIES:
                if len(body) > len(found) and text.startswith(body, after):
                    found = body
            at = text.find(place, after)
    return organ + found if found else as_government(organ)


def _place_and_its_ends(place: str) -> list[str]:
    """A place and the places it ends with, less the places above it (``X市Y新区``, ``Y新区``)."""
    return [place] + [
        place[i + 1 :]
        for i in range(len(place) - 3)
        if place[i] in _PLACE_END and _is_place(place[i + 1 :])
    ]


def as_printed(organ: str) -> str:
    """An organ's name with the full-width brackets Chinese names are printed with
    (``X市人力资源和社会保障局（X市公务员局）``): the reader folded them to half-width."""
    return organ.translate(_FULL_WIDTH_BRACKETS) if "(" in organ or ")" in organ else organ


_CHINESE_YEAR_RE = re.compile(
    r"[〇○零一二三四五六七八九壹贰叁肆伍陆柒捌玖](?:[〇○零0OoΟО一二三四五六七八九壹贰叁肆伍陆柒捌玖]){3}(?=年)"
)
"""A year in Chinese numerals, its zero also typed as a digit or a letter (``二0二五年``,
``二O二五年``: the ``〇`` an input method does not offer); the first character a numeral."""
_CHINESE_DIGITS = str.maketrans(
    "〇○零0OoΟО一二三四五六七八九壹贰叁肆伍陆柒捌玖", "00000000" + "123456789" * 2
)
_TYPED_ZEROS = ("二0", "二O", "二o", "贰0")


def arabic_years(text: str) -> str:
    """Years written in Chinese numerals (``二〇二五年``, ``二○二五年度``, ``贰零贰伍年``,
    ``二0二五年``) as digits; so too a year whose 0 OCR read as the letter O (``2O25年``,
    see ``letter_o_year``)."""
    if "2O" in text or "2o" in text:
        text = _LETTER_O_YEAR_RE.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), text)
    if not ("〇" in text or "○" in text or "零" in text or any(z in text for z in _TYPED_ZEROS)):
        return text  # every year 2000–2099 so written holds a zero after its 二
    return _CHINESE_YEAR_RE.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), text)


_LETTER_O_YEAR_RE = re.compile(r"(?<![0-9A-Za-z])2[Oo][0-9Oo]{2}(?=\s*年)")
"""A year in digits with the letter O for its 0 (``2O25年``, ``2o2o年``), as OCR reads it."""


def letter_o_year(text: str) -> str | None:
    """The year as printed when ``text`` writes it with the letter O for 0 (``2O25``)."""
    if "2O" not in text and "2o" not in text:
        return None
    match = _LETTER_O_YEAR_RE.search("".join(text.split()))
    return match.group(0) if match else None


_CRAWLER_KEY_RE = re.compile(r"^(?:标题|文章标题|信息名称|名称|title)\s*[:：]\s*", re.IGNORECASE)
"""The key a crawler prints before the page's title (``标题: …``)."""


def _title_rows(rows: Sequence[Row], end: int, headings: frozenset[int]) -> tuple[int, ...]:
    """The title's row(s): the last title among ``rows[:end]`` (see the module
    docstring), with a title wrapped over up to ``TITLE_LINES`` rows, and the organ's row
    above it (or the beginning of the organ's name). A title without a year counts only
    when no title has one."""
    head = rows[:end]
    found: tuple[int, ...] = ()
    without_year: tuple[int, ...] = ()
    span: tuple[int, ...]
    for n, row in enumerate(head):
        compact = _compact(row.text)
        if _LINK_LIST_RE.match(compact):
            if found or without_year:
                break  # the titles after it are links to other reports, not this one's
            continue
        if not _may_be_title(compact, row, headings):
            continue
        if _is_title(compact):
            found = (n,)
            continue
        if n in found:
            continue  # a later piece of the wrapped title found already
        joined, span = compact, (n,)
        for following in head[n + 1 : n + TITLE_LINES]:
            piece = _compact(following.text)
            if not _may_be_title(piece, following, headings) or _LINK_LIST_RE.match(piece):
                break
            joined, span = joined + piece, (*span, span[-1] + 1)
            if len(joined) > MAX_TITLE_CHARS:
                break
            if _is_title(joined):
                found = span
                break
        if span[-1] not in found and _TITLE_NO_YEAR_RE.match(compact):
            without_year = (n,)
    found = found or without_year
    if found and found[0] > 0 and len(found) < TITLE_LINES:
        above = head[found[0] - 1]
        organ_line = simplified("".join(above.text.split()))
        title_text = "".join(head[n].text for n in found)
        alone, _ = _parse_title(title_text)
        organ_above = alone is None and (
            _is_organ(organ_line) or _is_organ(_ABOUT_LEAD_RE.sub("", organ_line, count=1))
        )
        wrapped = _wrapped_name(organ_line, alone, above, headings) if alone else False
        if alone is None and not organ_above:
            wrapped = _name_broken_before_suffix(organ_line, title_text, above, headings)
        if (organ_above and _may_be_title(organ_line, above, headings)) or wrapped:
            found = (found[0] - 1, *found)
        elif alone is None and _second_name(organ_line):
            first = simplified("".join(head[found[0] - 2].text.split())) if found[0] > 1 else ""
            if first and _is_organ(first) and _may_be_title(first, head[found[0] - 2], headings):
                found = (found[0] - 2, found[0] - 1, *found)
            elif _may_be_title(organ_line, above, headings):
                found = (found[0] - 1, *found)  # the organ alone in brackets: （X局）
    return tuple(head[n].index for n in found)


def _second_name(line: str) -> bool:
    """Whether a line is an organ's second name in brackets alone (``（X市公务员局）``,
    printed under the organ's name above a title)."""
    return (
        line[:1] in "(（"
        and line[-1:] in ")）"
        and _BRACKETED_NAME_RE.match(line) is not None
        and line[1:-1].endswith(ORGAN_SUFFIXES)
    )


_PLACE_LEVELS = frozenset("省市区县州旗盟镇乡")
"""Characters of a place name (``X市``, ``Y区``); an organ's full name holds one."""


def _wrapped_name(above: str, alone: str, row: Row, headings: frozenset[int]) -> bool:
    """Whether a title's organ (``alone``, no place in it: ``委员会``) is the end of a name
    that began on the line above (``X市发展和改革`` / ``委员会2025年…年度报告``): that line is
    short Chinese text holding a place, and no title words of its own."""
    return (
        not _PLACE_LEVELS.intersection(alone)
        and len(above) <= 20
        and _may_be_title(above, row, headings)
        and _CJK_ONLY_RE.match(above) is not None
        and _PLACE_LEVELS.intersection(above) != set()
        and not any(word in above for word in ("公开", "报告", "年度"))
        and not above.endswith(("网站", "网", "门户", "平台"))  # the site's name above the title
    )


def _name_broken_before_suffix(above: str, title: str, row: Row, headings: frozenset[int]) -> bool:
    """Whether a title begins with the last characters of its organ's name, the rest on
    the line above (``X市Y区教育`` / ``局2025年…年度报告``): a piece too short to be a
    name, which with the line above makes one ending as an organ's."""
    compact = _compact(title)
    year = _TITLE_YEAR_AT_RE.search(compact)
    if year is None or not 0 < year.start() <= 3:
        return False
    organ, _ = _parse_title(above + compact)
    return (
        organ is not None
        and organ == above + compact[: year.start()]
        and ends_as_organ(organ)
        and _wrapped_name(above, "", row, headings)
    )


def _first_printed(rows: Sequence[Row]) -> int:
    """The first row the page prints: after the line of its CMS's ``ContentSource``."""
    return 1 if rows and rows[0].text.startswith(CMS_SOURCE_KEY) else 0


def _organ_from_page_title(rows: Sequence[Row], year: int | None) -> str | None:
    """The organ of the page's own title, its first line, above a report title that
    names none (the page's ``<title>`` ``X局2025年…年度报告-X市人民政府`` over the article's
    ``2025年…年度报告``) when it is the same year's report and nothing else names the
    organ (not a sidebar's list of other organs' reports: that comes later)."""
    for row in reversed(rows):
        compact = _compact(row.text)
        if "报" in compact and not _LINK_LABEL_RE.match(compact) and _is_title(compact):
            organ, found_year = _parse_title(compact)
            if organ and found_year == year:
                return organ
    return None


def _organ_from_crawler_title(rows: Sequence[Row], year: int | None) -> str | None:
    """The organ the crawler's ``标题：`` field names when the article's own title names
    none (``标题：X局2025年…年度报告`` over ``2025年…年度报告``): the same report's title, so
    above the page's ``发布机构`` (often the portal's owner) and the signature."""
    for row in rows[:TITLE_ROWS]:
        key = _CRAWLER_KEY_RE.match(row.text.lstrip())
        if key is None:
            continue
        organ, found_year = _parse_title(simplified(row.text.lstrip()[key.end() :]))
        if organ is not None and (year is None or found_year in (None, year)):
            return organ
    return None


def _without_place(organ: str) -> bool:
    """Whether a title names its organ without its place (``县财政局``, ``区教育局``)."""
    return len(organ) >= 3 and organ[0] in _PLACE_END and organ[1] not in _PLACE_END


def _with_place(organ: str, rows: Sequence[Row]) -> str:
    """A title's organ named without its place (``县财政局``) as the signature or the
    ``发布机构`` field names it whole (``柳河县财政局``), else with the place the text puts
    before it at least twice (``_complete``); as printed when none does."""
    for other in (*_signatures(rows), _publisher(rows)):
        if other is not None and len(other) > len(organ) and other.endswith(organ):
            return other
    completed = _complete(organ, "\n".join(row.text for row in rows))
    place = completed[: len(completed) - len(organ)]
    return organ if _SENTENCE_WORDS_RE.search(place) else completed


def _organ_below(rows: Sequence[Row], title_row: int) -> str | None:
    """The organ on the line under a title that names none: a cover page prints the
    title, then the organ, then the month (``2025年政府信息公开工作年度报告`` /
    ``X市X局`` / ``2026年1月``)."""
    below = rows[title_row + 1 : title_row + 2]
    if not below:
        return None
    line = simplified("".join(below[0].text.split()))
    if _second_name(line):
        line = line[1:-1]  # the organ in brackets under the title: （X局）
    return line if _is_organ(line) and _may_be_title(line, below[0], frozenset()) else None


def _title_among_words(rows: Sequence[Row]) -> str | None:
    """A title that is not a row of its own: a page flattened to one long line
    (``…文件下载 X局2025年政府信息公开工作年度报告 本报告根据…``) keeps it as one word."""
    without_year = None
    for row in rows:
        if "报" not in row.text:
            continue
        for printed in row.text.split():
            printed = _CRAWLER_KEY_RE.sub("", printed)
            compact = arabic_years(printed)  # as long as ``printed``
            if len(compact) > MAX_TITLE_CHARS or any(m in compact for m in _SENTENCE_MARKS):
                # the title run into the text after it (``…年度报告本报告根据…``)
                head = compact[:MAX_TITLE_CHARS]
                match = _TITLE_RE.match(head) or _TITLE_YEAR_BRACKETED_RE.match(head)
                compact = compact[: match.end()] if match else ""
            if _is_title(compact) and not any(m in compact for m in _SENTENCE_MARKS):
                return printed[: len(compact)]
            if without_year is None and _TITLE_NO_YEAR_RE.match(compact):
                without_year = printed[: len(compact)]
    return without_year


def _may_be_title(compact: str, row: Row, headings: frozenset[int]) -> bool:
    return (
        bool(compact)
        and len(compact) <= 80
        and row.index not in headings
        and not any(mark in compact for mark in _SENTENCE_MARKS)
        and not _LINK_LABEL_RE.match(compact)
        and not compact.startswith(CMS_SOURCE_KEY)
    )


_LINK_LABEL_RE = re.compile(
    r"(?:上一篇|下一篇|上一条|下一条|相关阅读|相关链接|相关文章|相关文件|推荐阅读|延伸阅读|相关附件|附件)"
    r"\d*[:：]"
)
"""A link to another page under the title (``上一篇：X局2025年…年度报告``): never the title."""
_LINK_LIST_RE = re.compile(
    r"^(?:相关|推荐|延伸|热点|热门|往期|历年|更多)(?:阅读|链接|文章|文件|推荐|新闻|信息|年报|报告|回顾)"
    r"[:：]?$"
)
"""The heading of a list of links (``相关阅读``, ``往期回顾``) on a line of its own: the
titles under it are other reports' (a page that prints it between the report's title
and its text names the years before and after it there)."""


def _is_organ(text: str) -> bool:
    organ = _clean_organ(text)
    return organ is not None and organ == text and len(organ) <= 30 and ends_as_organ(organ)


_SITE_ENDS = ("网站", "网", "门户", "平台", "客户端", "公众号")
"""How a website's name ends (``X区人民政府门户网站``, above a title): ``站`` ends an
organ's name (``X水文站``), ``网站`` never does."""


def ends_as_organ(name: str) -> bool:
    """Whether a name ends as an organ's, also when the organ's second name follows it in
    brackets (``X市卫生健康局（X市中医药管理局）``); not a website's."""
    if name.endswith(ORGAN_SUFFIXES):
        return not name.endswith(_SITE_ENDS)
    if not name.endswith((")", "）")):
        return False
    second = _TRAILING_NOTE_RE.search(name)
    return (
        second is not None
        and second.group(1).endswith(ORGAN_SUFFIXES)
        and name[: second.start()].endswith(ORGAN_SUFFIXES)
    )


def is_title_text(text: str) -> bool:
    """Whether a line of text is a report's title (``X局2025年政府信息公开工作年度报告``)."""
    compact = arabic_years("".join(text.split()))
    return not any(mark in compact for mark in _SENTENCE_MARKS) and _is_title(compact)


def _is_title(compact: str) -> bool:
    return (
        any(hint in compact for hint in _TITLE_HINTS)
        and len(compact) <= 80
        and bool(
            _TITLE_RE.search(compact)
            or _TITLE_YEAR_AFTER_RE.search(compact)
            or _TITLE_YEAR_INSIDE_RE.search(compact)
        )
    )


def _parse_title(title: str) -> tuple[str | None, int | None]:
    compact = arabic_years("".join(title.split()))
    match = (
        _TITLE_RE.search(compact)
        or _TITLE_YEAR_AFTER_RE.search(compact)
        or _TITLE_YEAR_INSIDE_RE.search(compact)
        or _TITLE_NO_YEAR_RE.match(compact)
    )
    if not match:
        return None, None
    year = int(match.group("year") or 0)
    organ = _clean_organ(match.group("pre"))
    if organ is None or _NOT_AN_ORGAN_RE.match(organ):
        organ = _clean_organ(match.group("post"))
        organ = organ if organ and _names_organ(organ) else None
    if organ is None and (after := _ORGAN_AFTER_RE.search(compact)):
        organ = _clean_organ(after.group(1) or after.group(2))
        organ = organ if organ and ends_as_organ(organ) else None
    return organ, year if MIN_YEAR <= year <= MAX_YEAR else None


_BRACKETED_NAME_RE = re.compile(
    r"^[【\[(（〔]([\u4e00-\u9fff]{2,30}(?:[(（][\u4e00-\u9fff]{2,30}[)）])?)[】\])）〕]$"
)
"""An organ printed in brackets before the title's year (``【X局】2025年…``,
``（X局）2025年…``, ``[X局]2025年…``), its second name in brackets inside them."""
_OPENING = frozenset("【[(（〔")
_NUMBERED_RE = re.compile(r"^\d{1,2}[.．、]\s*")
"""A list's number before a title (``1.X局2025年…``)."""
_PREFIX_RE = re.compile(r"^.*[|｜】\]>《》:：/\\\s_\-－—–·]|^.*?〔(?:19|20)\d{2}〕\d+号")
"""What a title may print before the organ: a column's or a site's name and a separator
(``公开年报｜``, ``【公开年报】``, ``首页>年报>``, ``X市人民政府门户网站-``), a document
number (``X政办〔2026〕3号``), a notice's words before the report's name it quotes
(``关于公布《X局2025年…》的通知``)."""


_NOT_AN_ORGAN_RE = re.compile(r"^(?:[全各该我本][省市县区镇乡]?|政务|政府)$")
"""What the words around a title's year may hold that names no organ (``2025年全市政务
公开…``, ``2025年政务信息公开…``)."""


def _names_organ(text: str) -> bool:
    """An organ's name or a place (the place stands for its government)."""
    if _NOT_AN_ORGAN_RE.match(text):
        return False
    return text.endswith(ORGAN_SUFFIXES) or (
        text[-1] in _PLACE_END and not text.startswith(_NOT_A_PLACE)
    )


_PAGE_WORDS_RE = re.compile(r"首页|年报|报告|专栏|栏目|下载|文字版|全真版|打印|字号|浏览")


def _clean_organ(text: str) -> str | None:
    text = text.strip(' 《》<>"“”:：,，、')
    if text[:1] in _OPENING and (bracketed := _BRACKETED_NAME_RE.match(text)):
        text = bracketed.group(1)
    elif not _CJK_ONLY_RE.match(text):
        if text[:1].isdigit():
            text = _NUMBERED_RE.sub("", text)
        text = _PREFIX_RE.sub("", text)
    if _PAGE_WORDS_RE.search(text):
        # the page's words run into the organ (``…年报全真版文字版文件下载X局``), or a
        # column's name printed before the title (``公开年报 X局2025年…``)
        text = _PAGE_WORDS_RE.split(text)[-1]
    for word in _LEADING_WORDS:
        if text.startswith(word):
            text = text[len(word) :]
            break
    if text.endswith("的"):
        text = text[:-1]
    if "关于" in text:
        text = _ABOUT_RE.sub("", text)
        found = _ABOUT_INSIDE_RE.search(text)
        if found:  # ``X办公室关于印发Y局2025年…``: the report is Y局's
            after = text[found.end() :]
            text = after if _names_organ(after) else text[: found.start()]
    if len(text) < 2 or not _CJK_ONLY_RE.match(text):
        return None
    if text.endswith(_SCOPE_ENDS):
        text = _SCOPE_RE.sub("", text) or text
    return text


_SCOPE_ENDS = ("级", "单位", "机构", "部门", ")", "）")
_SCOPE_RE = re.compile(
    r"(?:[(（](?:含|包括|包含)?[\u4e00-\u9fff]{0,8}(?:本级|单位|机构|部门)[)）]"
    r"|(?:机关)?本级|(?:机关)?(?:及|和|暨)其?(?:所属|下属|直属|局属|委属)?各?(?:单位|机构|部门))$"
)
"""What a report covers besides the organ, after its name: ``（本级）``, ``（含局属单位）``,
``及所属单位``, ``机关及下属单位``; the organ is the name before it."""


def _organ_from_alias(rows: Sequence[Row]) -> str | None:
    for row in rows[:40]:
        if "以下简称" not in row.text:
            continue
        match = _ALIAS_RE.search(row.text)
        if match:
            organ = _clean_organ(match.group(1))
            if organ and organ.endswith(ORGAN_SUFFIXES):
                return organ
    return None


def _signature(rows: Sequence[Row]) -> str | None:
    """The organ signing the report (the first of a joint signature)."""
    signers = _signatures(rows)
    return signers[0] if signers else None


MAX_SIGNERS = 4
"""Organs a joint signature names at most (``中共X县委办公室`` and ``X县人民政府办公室``,
a bureau and the office it runs with, rarely more)."""


_last_signatures: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
"""The last rows' texts and their signers: read once per report, asked for three times
(the organ, the joint signature, the spelling check)."""


def _signatures(rows: Sequence[Row]) -> tuple[str, ...]:
    last = _signing_rows(rows)
    key = tuple(row.text for row in last)
    if _last_signatures and _last_signatures[0][0] == key:
        return _last_signatures[0][1]
    signers = _read_signatures(last)
    _last_signatures[:] = [(key, signers)]
    return signers


def _read_signatures(last: Sequence[Row]) -> tuple[str, ...]:
    """The organs signing the report among ``last`` (``_signing_rows``), in printed order:
    the first line from the end that
    is neither a date nor a note in brackets (``（此件主动公开）``, the page's
    ``【打印本页】【关闭窗口】``) nor the page's furniture; on a page flattened to one line,
    the words after the last sentence, less the furniture that follows them. A joint
    signature names each organ on a line of its own, one above the other, or on one line
    apart by spaces; each of them names its place (``X县人民政府办公室`` / ``X县Z局``), so
    that a name wrapped over two lines (``国家税务总局`` / ``X县税务局``) stays one organ's.

    A signature after its key (``单位：X局``, ``报告单位：X局``, ``发布单位:X局``; a joint one
    ``单位：X市财政局 X市税务局``) is read when no signature without one is found: the page's
    own fields (``发布单位：`` of the site's metadata under the report) look the same, and
    come after the signature. A line that is only a place's name (``X高新区``, ``X县``)
    signs the report when a date follows it (on its line or below): the place stands for
    its governing body as in a title (``read_meta``)."""
    keyed: tuple[str, ...] | None = None
    dated = False  # a signing date on a line below
    second = ""  # an organ's second name in brackets on the line under it: （X局）
    for at in range(len(last) - 1, -1, -1):
        tail = arabic_years(last[at].text.rsplit("。", 1)[-1])
        footer = _FOOTER_RE.search(tail)
        if footer:
            # the site's footer (``主办单位 X县人民政府办公室``, ``X县人民政府 版权所有``)
            # names the site's owner; on a page flattened to one line, the signature
            # before it is dated
            if not _SIGNED_DATE_RE.search(tail, 0, footer.start()):
                continue
            tail = tail[: footer.start()]
        undated = _SIGNED_DATE_RE.sub(" ", tail)
        dated_here = undated != tail
        tail = undated
        words = tail.split()
        if "单位" in tail or "机关" in tail:
            found = _keyed_signers(words)
            if found is not None:  # a line holding a signature's key: read as keyed
                keyed = keyed or found
                dated = dated or dated_here
                continue
        printed = len(words)
        if printed == 1 and _second_name(words[0]):
            second = words[0]
        while words and (_BRACKETED_RE.match(words[-1]) or _FURNITURE_RE.search(words[-1])):
            words.pop()
        if words and _LINKS_LINE_RE.match(words[0]):
            continue  # the page's links (``相关链接：区政府门户网站 | 市X局``), not a signer
        if not words:
            dated = dated or dated_here
            continue
        apart = _organs_apart(words)
        if apart:
            return apart
        for candidate in ("".join(words), words[-1]):
            organ = _signed_organ(candidate)
            if organ:
                above = _signers_above(last[:at], organ)
                if not above and at > 0:
                    organ = _name_head_above(last[at - 1], organ) + organ
                if second and not above and not organ.endswith((")", "）")):
                    organ += second
                return _distinct([*above, organ])
        if len(words) == 1 and (dated or dated_here):
            place = _signed_place(words[0])
            if place is not None:
                return (place,)
        if len(words) == printed:
            break  # the last line of text, and it names no organ
        dated = dated or dated_here
    return keyed or ()


_SIGNATURE_KEY_RE = re.compile(
    r"^(?:报告|落款|编制|填报|发布|制发)?(?:单位|机关)(?:名称)?\s*[:：]\s*"
)
"""The key a signature may follow (``单位：``, ``报告单位：``, ``发布单位：``, ``落款机关：``,
``单位名称：``)."""


def _keyed_signers(words: Sequence[str]) -> tuple[str, ...] | None:
    """The organs after a signature's key among a line's words (``单位：X局``, ``单位： X局``,
    a joint signature ``单位：X市财政局 X市税务局`` or ``…财政局、X市税务局``, read as one
    without its key: ``_organs_apart``), empty when they name none (``单位：万元``);
    ``None`` when the line holds no key."""
    for i, word in enumerate(words):
        key = _SIGNATURE_KEY_RE.match(word)
        if key is None:
            continue
        value = [word[key.end() :]] if word[key.end() :] else []
        value.extend(words[i + 1 :])
        while value and (_BRACKETED_RE.match(value[-1]) or _FURNITURE_RE.search(value[-1])):
            value.pop()  # ``（盖章）``, the page's buttons after it
        if not value:
            return ()
        apart = _organs_apart(value)
        if apart:
            return apart
        for candidate in ("".join(value), value[0]):
            organ = _signed_organ(candidate)
            if organ:
                return (organ,)
        return ()
    return None


def _organs_apart(words: Sequence[str]) -> tuple[str, ...]:
    """The organs of a joint signature printed on one line, apart by spaces or ``、``: two
    to ``MAX_SIGNERS`` words, each an organ naming its place (so that a name printed with a
    space inside, ``国家税务总局 X县税务局``, stays one organ's); empty otherwise."""
    line = " ".join(words)
    named = _ORGANS_APART_RE.split(line.strip(" 、")) if "、" in line else list(words)
    if not 1 < len(named) <= MAX_SIGNERS:
        return ()
    apart = [_signed_organ(word) for word in named]
    found = [o for o in apart if o is not None and _names_place(o)]
    return _distinct(found) if len(found) == len(apart) else ()


_SENTENCE_WORDS_RE = re.compile("[的了是在请见详按据把被对向]")
"""Characters of a sentence's words that no place's name holds: a line ending in a
place's name that holds one is the body's text, not a signature."""


def _signed_place(text: str) -> str | None:
    """A place's name alone on the signature's line (``X高新区``, ``X市X区``), as printed:
    no sentence (``详情请见X高新区``), no field, no note (``（单位：万元）``)."""
    if _FURNITURE_RE.search(text) or _SENTENCE_WORDS_RE.search(text):
        return None
    place = _clean_organ(simplified(text))
    if place is None or place != simplified(text) or len(place) > MAX_ORGAN_CHARS:
        return None
    return place if _is_place(place) else None


MAX_NAME_HEAD = 8


def _name_head_above(row: Row, signer: str) -> str:
    """The beginning of the signer's name wrapped onto the line above it: an organ's name
    naming no place (``国家税务总局`` over ``X县税务局``), which is not an organ of its own
    signing beside it; or the places of a signer that names none (``X市Y区`` over
    ``财政局``)."""
    line = "".join(row.text.split())
    if (
        len(line) > MAX_NAME_HEAD + MAX_PLACE
        or _CJK_ONLY_RE.match(line) is None
        or _FURNITURE_RE.search(line) is not None
    ):
        return ""
    if _names_place(signer):
        fits = len(line) <= MAX_NAME_HEAD and not _names_place(line)
        return line if fits and line.endswith(ORGAN_SUFFIXES) else ""
    return line if _is_place(line) and _SENTENCE_WORDS_RE.search(line) is None else ""


FOOTER_ROWS = 40
"""Rows a crawled page's footer may fill after the signature and its date (links to
other sites, 网站地图, 主办单位, the ICP number, one a line)."""
_FOOTER_WORDS = (
    "主办",
    "承办",
    "版权所有",
    "ICP",
    "公网安备",
    "网站标识码",
    "技术支持",
    "Copyright",
)
_DATE_LINE_RE = re.compile(rf"^[\u4e00-\u9fff()（）\s]{{0,30}}(?:{_SIGNED_DATE_RE.pattern})\s*$")
"""A date on a line of its own, or after the signer's name."""


_last_window: list[tuple[Row, int, Sequence[Row]]] = []
"""The last report's last row, its number of rows and its signing rows: asked for four
times per report."""


def _signing_rows(rows: Sequence[Row]) -> Sequence[Row]:
    """The rows the signature and its date are among: the last ``SIGNATURE_ROWS``, or,
    when none of them is a date and a page's footer follows the report, those up to the
    last line that is a date (the signature's) within ``FOOTER_ROWS`` of the end."""
    if not rows:
        return rows
    if _last_window and _last_window[0][0] is rows[-1] and _last_window[0][1] == len(rows):
        return _last_window[0][2]
    window = _find_signing_rows(rows)
    _last_window[:] = [(rows[-1], len(rows), window)]
    return window


def _keep_signing_rows(rows: Sequence[Row], end: int) -> None:
    """Read the signature and its date of ``rows`` among the rows ending ``rows[:end]``
    (the report read, before a later report on the page), for every question on
    ``rows`` after this one (``other_spelling`` asks with all the page's rows)."""
    if rows:
        report = rows if end == len(rows) else rows[:end]
        _last_window[:] = [(rows[-1], len(rows), _find_signing_rows(report))]


NEXT_REPORT_ROWS = 5
"""Rows a later report's title may stand above its section 一 (its preamble between)."""
_FIRST_HEADING_RE = re.compile(r"^\s*(?:[一壹]\s*[、.．，,]|[(（][一壹][)）]|第一部分)")


def _report_end(rows: Sequence[Row], headings: Mapping[str, int] | None) -> int:
    """Where a later report on the page begins (last year's in a second tab pane, or the
    expanded ``上一篇`` under this one): its title, after the last section heading of the
    report read, with its own section 一 a few rows below; ``len(rows)`` when none
    follows. Its signature and date are not the report's."""
    if not headings:
        return len(rows)
    start = max(headings.values()) + 1
    for n in range(start, len(rows)):
        text = rows[n].text
        if ("报告" in text or "年报" in text) and any(
            _FIRST_HEADING_RE.match(row.text) for row in rows[n + 1 : n + 1 + NEXT_REPORT_ROWS]
        ):
            title = _later_title(rows, start, n)
            if title is not None:
                return title
    return len(rows)


def _later_title(rows: Sequence[Row], start: int, n: int) -> int | None:
    """The first row of the title ending at row ``n`` (not before ``start``): the row
    itself, or with the row above when the title is wrapped over two or when that row is
    the organ of a title naming none (``X局`` / ``2024年…年度报告``)."""
    text = rows[n].text
    above = rows[n - 1].text if n > start else ""
    if not is_title_text(text):
        return n - 1 if above and is_title_text(above + text) else None
    organ, _ = _parse_title(text)
    return n - 1 if organ is None and above and _is_organ(_compact(above)) else n


def _find_signing_rows(rows: Sequence[Row]) -> Sequence[Row]:
    last = rows[-SIGNATURE_ROWS:]
    if len(rows) <= SIGNATURE_ROWS:
        return last
    end = rows[-1].text + rows[-2].text + rows[-3].text
    if not any(word in end for word in _FOOTER_WORDS):
        return last  # no site's footer (主办单位, 版权所有, ICP备…) ending the page
    if any("年" in row.text and _DATE_LINE_RE.match(arabic_years(row.text)) for row in last):
        return last
    start = max(0, len(rows) - FOOTER_ROWS)
    for at in range(len(rows) - SIGNATURE_ROWS - 1, start - 1, -1):
        text = rows[at].text
        if len(text) <= 50 and "年" in text and _DATE_LINE_RE.match(arabic_years(text)):
            return rows[max(0, at - SIGNATURE_ROWS + 1) : at + 1]
    return last


def _signers_above(rows: Sequence[Row], signer: str) -> list[str]:
    """The organs signing on the lines right above ``signer``'s, each a line naming a
    place and an organ and nothing else (a joint signature), top first."""
    if not _names_place(signer):
        return []
    found: list[str] = []
    for row in reversed(rows[-(MAX_SIGNERS - 1) :]):
        line = "".join(row.text.split())
        organ = _signed_organ(line) if line and not _SIGNED_DATE_RE.search(line) else None
        if organ is None or organ != _clean_organ(line) or not _names_place(organ):
            break
        found.append(organ)
    return found[::-1]


_TITLE_YEAR_AT_RE = re.compile(r"(?:19|20)\d{2}\s*年")
_ORGANS_APART_RE = re.compile(r"[\s、]+")


def _organs_in_title(title: str) -> tuple[str, ...]:
    """The organs a title names together, apart by spaces or ``、`` before its year
    (``X县人民政府办公室 X县财政局2025年…``): each names its place and ends as an organ."""
    year = _TITLE_YEAR_AT_RE.search(arabic_years(title))
    words = _ORGANS_APART_RE.split(title[: year.start()].strip()) if year else []
    if not 1 < len(words) <= MAX_SIGNERS:
        return ()
    organs = [_clean_organ(simplified(word)) for word in words]
    named = [o for o in organs if o and o.endswith(ORGAN_SUFFIXES) and _names_place(o)]
    return _distinct(named) if len(named) == len(words) and len(set(named)) > 1 else ()


def _names_place(organ: str) -> bool:
    return not _PLACE_LEVELS.isdisjoint(organ)


def _distinct(organs: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(organs))


_LINKS_LINE_RE = re.compile(rf"{_LINK_LABEL_RE.pattern}|(?:友情|网站)链接|网站导航")
"""A line of the page's links after the report (``相关链接：…``, ``友情链接``)."""


def _signed_organ(text: str) -> str | None:
    if _FURNITURE_RE.search(text):
        return None
    note = _TRAILING_NOTE_RE.search(text)
    while note and (not note.group(1).endswith(ORGAN_SUFFIXES) or "公开" in note.group(1)):
        # a note (``X局（此件公开发布）``), or the organ's office that published the
        # report (``X分局（政务公开办公室）``), never a second name of the organ
        text = text[: note.start()]
        note = _TRAILING_NOTE_RE.search(text)
    organ = _clean_organ(simplified(text))
    if organ and len(organ) <= 2 * MAX_ORGAN_CHARS and ends_as_organ(organ):
        return organ if len(organ) <= MAX_ORGAN_CHARS or organ.endswith((")", "）")) else None
    return None


_PUBLISHER_KEYS = (
    "发布机构",
    "发布单位",
    "发布部门",
    "发文机关",
    "发文单位",
    "来源",
    CMS_SOURCE_KEY,
)
"""The page's fields naming who published it, most trusted first (``来源`` also as
``信息来源``; it may name a news agency or ``本网``, so it counts only as an organ; the
CMS's ``ContentSource``, which the page does not print, last and only as an organ that is
not a website's name)."""


def _publisher(rows: Sequence[Row]) -> str | None:
    found = _publisher_field(rows)
    return found[1] if found else None


def _publisher_field(rows: Sequence[Row]) -> tuple[str, str] | None:
    """The page's field naming who published it, as printed (``发布机构``, ``信息来源``), and
    the organ it names."""
    head = rows[:TITLE_ROWS]
    for key in _PUBLISHER_KEYS:
        for row in head:
            if key in row.text:
                organ = _field_value(row, key)
                if organ and _may_be_publisher(key, organ):
                    return _printed_key(row.text, key), simplified(organ)
    return None


def _may_be_publisher(key: str, organ: str) -> bool:
    if key == "来源":
        return organ.endswith(ORGAN_SUFFIXES)
    if key == CMS_SOURCE_KEY:
        return ends_as_organ(organ)
    return True


def _printed_key(text: str, key: str) -> str:
    """The field's name as the page prints it: ``信息来源`` for the key ``来源``."""
    at = text.find(key)
    run = _CJK_RUN_BEFORE_RE.search(text, max(0, at - 2), at)
    return (run.group(0) if run and run.group(0) in ("信息", "文章") else "") + key


_NEXT_FIELD_RE = re.compile(
    r"(?:原文链接|链接|网址|发布时间|发布日期|成文日期|生成日期|时间|日期|信息来源|来源|浏览次数"
    r"|索引号|文号|主题分类|分类|字号|作者|责任编辑|标题)$"
)
"""The name of the field after a value that a crawler printed without a space."""


def _field_value(row: Row, key: str) -> str | None:
    """The organ a ``key：value`` field of ``row`` names: in its cell, or the next one."""
    for i, cell in enumerate(row.cells):
        at = cell.find(key)
        if at == -1:
            continue
        value = cell[at + len(key) :].lstrip(" :：")
        if not value:
            value = next((c for c in row.cells[i + 1 :] if c), "")
        words = value.split()
        # a crawler's fields run together (``发布机构:X局原文链接:http…``)
        word = _NEXT_FIELD_RE.sub("", re.split("[:：]", words[0])[0]) if words else ""
        organ = _clean_organ(word) if word else None
        if organ:
            return organ
    return None


def _organ_from_signature_and_field(rows: Sequence[Row]) -> tuple[str | None, str | None]:
    """The organ the signature and the page's 发布机构 field name, and the field's name
    (``发布机构``) when the organ is that field's alone (no signature)."""
    signature = _signature(rows)
    found = _publisher_field(rows)
    if found is None:
        return signature, None
    field, publisher = found
    publisher = _complete(publisher, "\n".join(row.text for row in rows))
    if signature is None:
        return publisher, field
    if signature.endswith(publisher) or publisher.endswith(signature):
        return max(signature, publisher, key=len), None
    # 发布机构 ``X市发改委``, signed ``X市发展和改革委员会``; or the site's publisher
    # (``X市人民政府办公室``) and the organ that signed the report: the report's own word
    return signature, None


def _complete(short: str, text: str) -> str:
    """A shortened organ name (``区发改经信局``) made whole by the place name the text
    puts before it at least twice (``吴兴区发改经信局``)."""
    counts: Counter[str] = Counter()
    start = text.find(short)
    while start != -1:
        run = _CJK_RUN_BEFORE_RE.search(text, max(0, start - MAX_PLACE), start)
        if run:
            prefix = run.group(0)
            for n in range(2, len(prefix) + 1):
                counts[prefix[-n:]] += 1
        start = text.find(short, start + len(short))
    frequent = [p for p, n in counts.items() if n >= 2]
    return max(frequent, key=len) + short if frequent else short


@dataclass(frozen=True)
class _Furniture:
    """An organ the page's furniture names: the site's owner (its ``主办单位``, its name
    ``X委员会网站``) or a channel of its breadcrumb (``首页>>部门频道>>X局>>…``)."""

    organ: str
    field: str
    """The furniture's name as the note gives it: ``当前位置``, ``主办单位``, ``网站名称``."""
    printed: str
    """The words the page prints there (``首页>>部门频道>>X局``, ``X局（X市X局）``)."""


def _organ_from_furniture(
    rows: Sequence[Row],
    title_rows: tuple[int, ...],
    year: int | None,
    page: Sequence[Row] = (),
) -> _Furniture | None:
    """The organ the page's furniture names when the title, the opening text, the page's
    发布机构 field and the signature name none (read last, as the site's and not the
    report's word): the deepest channel of the breadcrumb naming an organ and its place
    (a county portal's ``部门频道>>X县Y局``: the bureau, not the portal's owner), else the
    site's ``主办单位`` (never its ``承办单位`` or ``技术支持``, a technical host or a
    company; never ``版权所有``), else the site's name above the title (``X委员会网站``,
    ``X县人民政府门户网站``). One the report's own words deny is passed over: a report
    calling itself ``我局``/``本局`` is a 局's, not the ``X县人民政府办公室`` hosting it; a
    people's government's portal (its owner the government or its office) hosts every
    department's reports, so its owner is read only when the report calls itself as its
    owner is named (``我办``)."""
    end = title_rows[-1] + 1 if title_rows else TITLE_ROWS
    head = rows[:end]
    crumbs, hosts, sites = _page_furniture(page)
    owners = (*_host_organs(rows, hosts), *_named_sites(sites), *_site_organs(head))
    candidates = (*_breadcrumb_organs((*crumbs, *head), year), *owners)
    if not candidates:
        return None  # (the usual page without furniture: the report's own words not read)
    own = _own_kind(rows)
    for found in candidates:
        organ = found.organ
        if _without_place(organ):
            organ = _with_place(organ, rows)
        if found.field == "当前位置":
            organ = _with_owners_place(organ, owners)
        if not _has_place(organ) or not _fits_own_kind(organ, own):
            continue
        if found.field != "当前位置" and own is None and _hosts_many(organ):
            continue
        return _Furniture(organ, found.field, found.printed)
    return None


def _with_owners_place(organ: str, owners: Sequence[_Furniture]) -> str:
    """A breadcrumb's organ named without its place (``医疗保障局``, ``县医保局``) with the
    place of the site's owner (``X县人民政府门户网站``: a portal's channels are its own
    place's departments); as it is when it names its place or no owner names one."""
    if _has_place(organ) and not _without_place(organ):
        return organ
    for owner in owners:
        place = "".join(_places(owner.organ))
        if not place or not owner.organ.startswith(place):
            continue
        if not _has_place(organ):
            return place + organ
        if place[-1] == organ[0]:  # ``县医保局`` of ``X县``
            return place[:-1] + organ
    return organ


_LEVEL_WORDS = ("市场", "市政", "市容", "区域")
"""Words beginning with a place's level that name no place (``市场监督管理局``)."""


def _has_place(organ: str) -> bool:
    """Whether ``organ`` names a place (``X县医保局``, ``县医保局``; not ``市场监督管理局``)."""
    return _names_place(organ[2:] if organ.startswith(_LEVEL_WORDS) else organ)


_PORTAL_OWNERS = ("政府", "政府办", "政府办公室", "政府办公厅")


def _hosts_many(owner: str) -> bool:
    """Whether a site's owner is a people's government or its office: its portal hosts
    every department's reports, so it is the report's organ only when the report calls
    itself so (``我办``)."""
    return owner.endswith(_PORTAL_OWNERS)


def _from_furniture(organ: str, found: _Furniture) -> MetaNote:
    printed = as_printed(found.printed)
    where = {
        "当前位置": f"页面导航“{printed}”中的名称",
        "主办单位": f"页面的“主办单位：{printed}”",
        "网站名称": f"页面顶部的网站名称“{printed}”",
    }[found.field]
    return MetaNote(
        "ORGAN_FROM_PUBLISHER",
        "info",
        f"标题、正文开头、发布机构字段和落款中都没有写明发布机关，organ 按{where}读作“{organ}”；"
        "网页的栏目或网站主办者可能不是编写年报的机关，请核对",
        field=found.field,
    )


_CRUMB_SEP_RE = re.compile(r"\s*(?:[>＞›»→]+|\s[/\-－—]\s)\s*")
_CRUMB_HOME = ("首页", "位置")
_CHANNEL_HEADS = ("县直", "市直", "区直", "省直", "各", "乡镇", "镇街", "部门", "政府", "直属")
"""How a channel grouping organs begins (``县直部门``, ``乡镇街道``, ``部门机构``): a
breadcrumb's channel, not an organ."""


def _breadcrumb_organs(
    head: Sequence[Row], year: int | None, *, any_year: bool = False
) -> list[_Furniture]:
    """The organs a breadcrumb above the title names (``您当前的位置：首页>>部门频道>>X局>>
    法定主动公开内容``), the deepest first: channels naming an organ, not the page's
    (``政府信息公开年报``) or a group's (``县直部门``); the organ of the page's own title
    at its end, of the report's ``year``."""
    found: list[_Furniture] = []
    for row in head:
        text = row.text.strip()
        if not any(word in text for word in _CRUMB_HOME) or _CRUMB_SEP_RE.search(text) is None:
            continue
        parts = _CRUMB_SEP_RE.split(text)
        for at in range(len(parts) - 1, 0, -1):
            name = simplified("".join(parts[at].split()))
            if "公开" in name and is_title_text(name):
                # the page's own title at the breadcrumb's end: ``首页>>年报>>X局2025年…``
                organ, titled = _parse_title(name)
                fits = any_year or titled in (None, year)
                name = organ if organ is not None and fits else ""
            if "公开" in name or name.startswith(_CHANNEL_HEADS) or not _is_organ(name):
                continue
            printed = ">>".join(p.strip() for p in parts[: at + 1])
            found.append(_Furniture(name, "当前位置", printed))
    return found


_HOST_RE = re.compile(
    r"(?:网站)?主办(?:单位|机关|部门)?\s*[:：]?\s*([^\s|｜:：,，;；]+)"
    r"|(?:^|[\s|｜])(?:本网站|本网|本站)?由?([\u4e00-\u9fff()（）]{3,40}?)主办(?:单位)?"
    r"(?=$|[\s|｜,，;；。、])"
)
"""A site's ``主办单位：X局`` (``主办：``, ``主办单位 X局``), or ``X局主办`` (``本网站由X局主办``)."""
_FOOTER_KEY_RE = re.compile(
    r"承办|协办|主管|技术支持|运维|维护|地址|电话|联系|邮编|邮箱|传真|标识码|ICP|备案|版权|Copyright",
    re.IGNORECASE,
)
"""The footer's next field, run into the host's name without a space."""


def _furniture_rows(furniture: Callable[[], list[str]] | None) -> list[Row]:
    """A web page's furniture lines, asked of its document, as rows."""
    return [Row(-1, (text,), text) for text in furniture()] if furniture is not None else []


def _page_furniture(page: Sequence[Row]) -> tuple[list[Row], list[Row], list[Row]]:
    """A web page's furniture lines as rows of their words, by kind: its breadcrumb, its ``主办单位`` lines, its site's names."""
    kinds: dict[str, list[Row]] = {field: [] for field in FURNITURE_FIELDS}
    for row in page:
        field, _, text = row.text.partition("：")
        if field in kinds and text:
            kinds[field].append(Row(-1, (text,), text))
    return kinds["当前位置"], kinds["主办单位"], kinds["网站名称"]


def _named_sites(sites: Sequence[Row]) -> list[_Furniture]:
    """The organs an HTML page's site names name (its logo's ``alt``, its ``<title>``
    after the report's: ``X局网站``, ``X局``, ``X局 政府信息公开专栏``), the first of each."""
    found: list[_Furniture] = []
    for row in sites:
        for part in _SITE_SEP_RE.split(row.text.strip()):
            name = simplified(part)
            match = _SITE_NAME_RE.match(name)
            organ = match.group(1) if match is not None else name
            if part and _is_organ(organ):
                found.append(_Furniture(organ, "网站名称", part))
                break
    return found


def furniture_names_organ(field: str, text: str, *, breadcrumb: bool = False) -> bool:
    """Whether a piece of an HTML page's furniture may name the report's organ as
    ``field`` reads it (``read_html`` keeps only such pieces for the meta reader): a
    breadcrumb naming an organ (a channel, or the page's title at its end), a host or
    site name naming one. A people's government's portal (``X人民政府门户网站``) is kept
    only beside a ``breadcrumb`` (its place completes the breadcrumb's organ): alone it
    is never the report's organ."""
    row = Row(-1, (text,), text)
    if field == "当前位置":
        return bool(_breadcrumb_organs((row,), None, any_year=True))
    found = _host_organs((), (row,)) if field == "主办单位" else _named_sites((row,))
    return any(breadcrumb or not _hosts_many(item.organ) for item in found)


def _host_organs(rows: Sequence[Row], page: Sequence[Row] = ()) -> list[_Furniture]:
    """The organ the site's ``主办单位`` names, in its header or footer (``page``: an HTML
    page's footer lines, first)."""
    tail = rows[max(TITLE_ROWS, len(rows) - FOOTER_ROWS) :]
    found: list[_Furniture] = []
    for row in (*page, *rows[:TITLE_ROWS], *tail):
        if "主办" not in row.text or "。" in row.text:  # a sentence of the text
            continue
        for match in _HOST_RE.finditer(row.text):
            value = match.group(1) or match.group(2) or ""
            key = _FOOTER_KEY_RE.search(value)
            printed = value[: key.start()] if key else value
            organ = _host_name(simplified(printed))
            if organ is not None and not (match.group(1) and _joint_host(row.text, match.end())):
                found.append(_Furniture(organ, "主办单位", printed))
    return found


def _joint_host(text: str, end: int) -> bool:
    """Whether another organ follows the host's name (``主办单位：中共X县委 X县人民政府``):
    the site has two owners, neither the report's organ more than the other."""
    words = text[end:].split(maxsplit=1)
    return (
        bool(words) and _FOOTER_KEY_RE.match(words[0]) is None and _host_name(words[0]) is not None
    )


def _host_name(value: str) -> str | None:
    """The organ a host's name is: its full name when the page prints it in brackets
    after a short one (``临川区司法局（青禾市临川区司法局）``: the short one's characters in
    order in it), else the name as printed (``X局（X中医药管理局）`` is one organ's two
    names); no company (``…有限公司``)."""
    note = _TRAILING_NOTE_RE.search(value)
    if note is not None:
        short, full = value[: note.start()], note.group(1)
        if len(full) > len(short) and _in_order(short, full):
            value = full
    if "公司" in value or _clean_organ(value) != value or len(value) > 2 * MAX_ORGAN_CHARS:
        return None
    return value if ends_as_organ(value) else None


def _in_order(short: str, full: str) -> bool:
    """Whether ``short``'s characters are all in ``full``, in order (``区发改委`` in
    ``X区发展和改革委员会``)."""
    rest = iter(full)
    return all(char in rest for char in short)


_SITE_NAME_RE = re.compile(r"^(.{2,40}?)(?:门户网站|门户网|网站|网)$")
_SITE_SEP_RE = re.compile(r"[|｜_—\-·]+|\s+")


_MOST_SITE_LINE = 80
"""Characters of the longest line a site's banner is read from."""


def _site_organs(head: Sequence[Row]) -> list[_Furniture]:
    """The organs the site's name above the title names (``X委员会网站 | 政府信息公开专栏``,
    ``…年度报告_X县人民政府门户网站``): its owner."""
    found: list[_Furniture] = []
    for row in head:
        text = row.text
        if ("网" not in text and "专栏" not in text) or "。" in text or len(text) > _MOST_SITE_LINE:
            continue  # (a sentence or a paragraph, not a site's banner)
        parts = [part for part in _SITE_SEP_RE.split(row.text.strip()) if part]
        for at, part in enumerate(parts):
            name = simplified(part)
            match = _SITE_NAME_RE.match(name)
            if match is not None and _is_organ(match.group(1)):
                found.append(_Furniture(match.group(1), "网站名称", part))
            elif at == 0 and len(parts) > 1 and _is_organ(name) and _COLUMN_RE.match(parts[1]):
                # the site's owner before its column's name: ``X局 政府信息公开专栏 | 首页``
                found.append(_Furniture(name, "网站名称", f"{part} {parts[1]}"))
    return found


_COLUMN_RE = re.compile(r"^[\u4e00-\u9fff]{0,10}(?:专栏|专题|专区|网站|门户)$")


_OWN_KIND_RE = re.compile(
    r"[我本](局|委(?!托)|办(?!理)|院|厅|署|中心|馆|所(?!属|有|在)|校|园(?!区))"
)
"""How a report names its organ in its own words (``我局``, ``本委``, ``我中心``, a
school's ``我校``): of what kind it is; not ``我委托``, ``本办理``, ``本所属``, ``本园区``."""
_OWN_ENDS = {"委": ("委", "委员会"), "办": ("办", "办公室"), "校": ("校", "学", "学院")}


def _own_kind(rows: Sequence[Row]) -> str | None:
    """The kind of organ the report calls itself most often (``局`` for ``我局``, ``本局``);
    ``None`` when it never does (``本机关``, ``我单位``)."""
    counts = Counter(_OWN_KIND_RE.findall("\n".join(row.text for row in rows)))
    return counts.most_common(1)[0][0] if counts else None


def _fits_own_kind(organ: str, kind: str | None) -> bool:
    """Whether ``organ`` is of the kind the report calls itself (its first name when a
    second one follows it in brackets)."""
    if kind is None:
        return True
    note = _TRAILING_NOTE_RE.search(organ)
    name = organ[: note.start()] if note is not None and note.start() > 0 else organ
    return name.endswith(_OWN_ENDS.get(kind, (kind,)))


def _year_from_period(text: str) -> int | None:
    for pattern in (_PERIOD_RE, _PERIOD_END_RE):
        match = pattern.search(text)
        if match:
            year = int(match.group(1))
            if MIN_YEAR <= year <= MAX_YEAR:
                return year
    return None


SIGNED_BY_MONTH = 6
"""A report is written in the first months after its year (the law's deadline is 31
January; late ones by mid-year): a date up to June of year Y+1 dates year Y's report."""
_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_SIGNING_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>[\d一二三四五六七八九十]{1,2})\s*月"
    r"(?:\s*[\d一二三四五六七八九十〇○]{1,3}\s*日)?"
    r"|(?P<y2>(?:19|20)\d{2})\s*[-./]\s*(?P<m2>\d{1,2})\s*[-./]\s*\d{1,2}(?!\d)"
)
_DATE_KEY_RE = re.compile(r"^\s*(?:落款|成文|印发|报告)?日期\s*[:：]\s*$")
"""A date's own key, alone before it (``日期：2026年1月20日``); not another field's
(``联系时间：2025年1月``)."""
_NOT_BEFORE_A_DATE = frozenset("，,；;：:、")
_AFTER_A_DATE_RE = re.compile(r"(?:印发|发布)?(?:$|[\s(（【\[])")


@dataclass(frozen=True)
class _Dated:
    year: int
    """The year before the date's: the report's, if the date is in the first months."""
    printed: str
    where: str
    """``落款日期`` or ``发布时间``."""


def _signing_date(rows: Sequence[Row]) -> tuple[int, int, str] | None:
    """Year, month and text of the date under the signature: the last date among the
    last rows, after their last sentence, alone or after the signer's name and before the
    page's furniture (``X局 2026年1月20日 分享到：``); not a date in a sentence or a list
    (``2025年3月开展培训``, ``时间：2025年3月``)."""
    for row in reversed(_signing_rows(rows)):
        text = row.text
        tail = text[text.rfind("。") + 1 :]
        if "年" not in tail and "-" not in tail and "." not in tail:
            continue  # a table's row (``0 |``), a line of text or furniture
        printed, tail = tail, arabic_years(tail)  # as long as the printed tail
        dates = list(_SIGNING_DATE_RE.finditer(tail))
        if not dates:
            continue
        found = dates[-1]
        before = _DATE_KEY_RE.sub("", tail[: found.start()])
        if "：" in before or ":" in before:
            continue  # a field of the page (``发布日期：2026-01-21``) under the signature
        if _NOT_BEFORE_A_DATE.intersection(before) or not _AFTER_A_DATE_RE.match(tail, found.end()):
            return None
        month_text = found.group("m") or found.group("m2")
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text, 0)
        year = int(found.group("y") or found.group("y2"))
        return year, month, printed[found.start() : found.end()].strip()
    return None


def _dated_year(rows: Sequence[Row], published: str | None) -> _Dated | None:
    """The year the date under the signature, else the page's publication date, dates:
    the year before it, when it is in the first months of its year."""
    signed = _signing_date(rows)
    if signed is not None:
        year, month, printed = signed
        where = "落款日期"
    elif published is not None:
        year, month, printed = int(published[:4]), int(published[5:7]), published
        where = "发布时间"
    else:
        return None
    if 1 <= month <= SIGNED_BY_MONTH and MIN_YEAR <= year - 1 <= MAX_YEAR:
        return _Dated(year - 1, printed, where)
    return None


def _year_without_title(
    rows: Sequence[Row], headings: Mapping[str, int] | None, published: str | None
) -> tuple[int | None, YearNote | None]:
    """The year of a report whose title names none: the statistics period's; else the
    year before the date under the signature (or the page's publication date) when the
    text names it too; else the year the overview opens with or the text names most. A
    year from the date alone, or against the overview's, is noted."""
    text = arabic_years("\n".join(row.text for row in rows))
    period = _year_from_period(text)
    if period is not None:
        return period, None
    dated = _dated_year(rows, published)
    opening = _year_opening_overview(rows, headings)
    if dated is None:
        return opening or _year_from_mentions(text), None
    year = dated.year
    first = _year_opening_overview(rows, headings, within=0)
    if first is not None and first != year:
        return first, _against_date(first, dated)
    if re.search(rf"(?<![较比与]){year}\s*年", text):
        return year, None
    if opening is not None and opening != year:
        return opening, _against_date(opening, dated)
    mentioned = _year_from_mentions(text)
    named = f"，正文提到的年份是{mentioned}年" if mentioned else ""
    return year, YearNote(
        "YEAR_FROM_DATE",
        f"标题和统计期限中都没有写明报告年度，正文也没有提到{year}年{named}；"
        f"按{dated.where}“{dated.printed}”推定为{year}年度（年报在次年上半年发布），请核对",
        date=dated.printed,
    )


def _against_date(year: int, dated: _Dated) -> YearNote:
    return YearNote(
        "YEAR_CONFLICT",
        f"正文开头写明{year}年，而{dated.where}“{dated.printed}”表明是{dated.year}年度的报告；"
        f"year 按正文读作{year}，请核对",
        other=dated.year,
        date=dated.printed,
    )


PERIOD_ROWS = 60
"""Without section headings, the rows a statistics period is looked for in."""
PERIOD_WINDOW = 40
"""Characters around a ``1月1日`` a statistics period is looked for in."""


def _period_near_first_day(rows: Sequence[Row], headings: Mapping[str, int] | None) -> int | None:
    """The statistics period's year, looked for in the text before section 二 (the
    preamble, the overview), around each ``1月1日`` only: a report whose title names its
    year is checked against it, and this runs on every report."""
    end = (headings or {}).get("2", PERIOD_ROWS)
    for row in rows[:end]:
        text = row.text
        for day in ("1月1日", "一月一日"):
            at = text.find(day)
            while at != -1:
                window = text[max(0, at - PERIOD_WINDOW) : at + PERIOD_WINDOW]
                year = _year_from_period(arabic_years(window))
                if year is not None:
                    return year
                at = text.find(day, at + 1)
    return None


def _title_year_doubt(
    rows: Sequence[Row], headings: Mapping[str, int] | None, year: int
) -> YearNote | None:
    """A note when the statistics period names another year than the title (a period
    copied from last year's report), or the date under the signature, in the first
    months of its year, is not the year after the title's."""
    period = _period_near_first_day(rows, headings)
    if period is not None and period != year:
        return YearNote(
            "YEAR_CONFLICT",
            f"标题写明{year}年度，而统计期限是{period}年；year 按标题读作{year}，请核对"
            "（统计期限可能沿用了其他年度报告的文字）",
            other=period,
        )
    opening = _own_year_opening(rows, headings)
    if opening is not None and opening != year:
        return YearNote(
            "YEAR_CONFLICT",
            f"标题写明{year}年度，而正文开头写明“{opening}年，……”；year 按标题读作{year}，请核对"
            "（正文可能沿用了其他年度报告的文字）",
            other=opening,
        )
    signed = _signing_date(rows)
    if signed is None:
        return None
    signed_year, month, printed = signed
    if 1 <= month <= SIGNED_BY_MONTH and signed_year - 1 != year:
        return YearNote(
            "YEAR_CONFLICT",
            f"标题写明{year}年度，而落款日期“{printed}”表明是{signed_year - 1}年度的报告"
            f"（年报在次年上半年发布）；year 按标题读作{year}，请核对",
            other=signed_year - 1,
            date=printed,
        )
    return None


OPENING_CHARS = 12
"""How far into the overview's first line its year stands (``2025年，我局…``, ``2025年度，``)."""


_OWN_YEAR_RE = re.compile(r"\s*((?:19|20)\d{2})\s*年度?(?:以来)?[，,]")


def _own_year_opening(rows: Sequence[Row], headings: Mapping[str, int] | None) -> int | None:
    """The year the overview's first line opens with as its own (``2025年，本局…``,
    ``2025年度，``), not a time in it (``2024年底，``)."""
    first = (headings or {}).get("1")
    if first is None:
        return None
    for row in rows[first + 1 : first + 3]:
        match = _OWN_YEAR_RE.match(arabic_years(row.text[:OPENING_CHARS]))
        if match:
            return int(match.group(1))
    return None


def _year_opening_overview(
    rows: Sequence[Row], headings: Mapping[str, int] | None, within: int = OPENING_CHARS
) -> int | None:
    """The year the overview (section 一) opens with, ``within`` characters of its first
    line: ``2025年，本局…`` names the report's year before any year it compares with."""
    first = (headings or {}).get("1")
    if first is None:
        return None
    for row in rows[first + 1 : first + 3]:
        match = _YEAR_RE.search(arabic_years(row.text[: OPENING_CHARS + 8]))
        if match and match.start() <= within:
            year = int(match.group(1))
            return year if MIN_YEAR <= year <= MAX_YEAR else None
    return None


def _year_from_mentions(text: str) -> int | None:
    counts = Counter(int(y) for y in _YEAR_RE.findall(text) if MIN_YEAR <= int(y) <= MAX_YEAR)
    if not counts:
        return None
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]


def _published(rows: Sequence[Row]) -> str | None:
    for row in rows[:TITLE_ROWS]:
        if "日期" not in row.text and "时间" not in row.text:
            continue
        match = _PUBLISHED_RE.search("".join(row.text.replace("|", " ").split()))
        if match:
            year, month, day = (int(g) for g in match.groups())
            if MIN_YEAR <= year <= MAX_YEAR:
                try:  # a day that exists (not 2月30日)
                    return date(year, month, day).isoformat()
                except ValueError:
                    continue
    return None


MAX_MISREAD = 2
"""Characters two spellings of one organ may differ in to count as a misreading (OCR)."""
MIN_COMPARED = 4
"""Characters two spellings must share the ends of to be compared at all."""
BODY_MISREAD_MIN = 2
"""Times the body must spell a place of the organ otherwise to flag the organ's spelling."""
_LEVELS = "省市县区旗州盟镇乡"


def other_spelling(organ: str | None, rows: Sequence[Row]) -> str | None:
    """The signature's or the 发布机构 field's spelling of ``organ`` when it differs from it
    in one or two characters at the same places from the end (``湛河区`` / ``谌河区``, also
    when one names its city and the other does not), or ``organ`` as the body spells it
    when the body names one of its places otherwise, again and again, and never as the
    title does: one of them is probably misread. The organ is kept as the title prints
    it; the caller flags this."""
    if not organ:
        return None
    for other in (*_signatures(rows), _publisher(rows)):
        other = as_printed(other) if other else other
        if other and other != organ and _misread(organ, other):
            return other
    return _body_spelling(organ, "\n".join(row.text for row in rows))


def _misread(organ: str, other: str) -> bool:
    """Whether the two names, aligned at their ends, differ in a few characters only."""
    n = min(len(organ), len(other))
    if n < MIN_COMPARED:
        return False
    differing = sum(1 for a, b in zip(organ[-n:], other[-n:], strict=True) if a != b)
    return 0 < differing <= min(MAX_MISREAD, max(1, n // 4))


def _places(organ: str) -> list[str]:
    """The places an organ's name begins with (``样例市``, ``柘川县`` of ``样例市柘川县民政局``):
    a name of up to five characters and a level, one after the other from the start."""
    places: list[str] = []
    start = 0
    while True:
        end = next(
            (
                start + n
                for n in range(1, 6)
                if (organ[start + n : start + n + 1] or "?") in _LEVELS
            ),
            None,
        )
        if end is None:
            return places
        place = organ[start : end + 1]
        if not _CJK_ONLY_RE.match(place) or "(" in place or "（" in place:
            return places
        if len(place) >= 3:  # a one-character name (``甲县``) is not compared
            places.append(place)
        start = end + 1


def _body_spelling(organ: str, text: str) -> str | None:
    for place in _places(organ):
        level, size = place[-1], len(place)
        variants: Counter[str] = Counter()
        at = text.find(level, size - 1)
        while at != -1:
            word = text[at - size + 1 : at + 1]
            if (
                word != place
                and _CJK_ONLY_RE.match(word)
                and sum(1 for a, b in zip(word, place, strict=True) if a != b) == 1
            ):
                variants[word] += 1
            at = text.find(level, at + 1)
        if variants:
            word, times = variants.most_common(1)[0]
            if times >= BODY_MISREAD_MIN and times > text.count(place):
                return organ.replace(place, word, 1)
    return None
