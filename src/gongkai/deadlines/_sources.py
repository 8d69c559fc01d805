"""The notices behind the shipped year table, one entry per year (hand-kept).

``build_table`` merges these citations with the dates of the ``chinesecalendar`` package.
A document number (文号) or issue date is filled in only where it was read from a copy of
the notice; elsewhere it is ``None`` and the citation gives the title alone (and the
date where known) rather than guess.
Addresses are those of the 国务院公报 copies (as cited by the ``holidays`` package).
"""

from __future__ import annotations

from typing import NamedTuple


class NoticeCitation(NamedTuple):
    number: str | None  # e.g. "国办发明电〔2024〕12号"; None when not verified
    issued: str | None  # ISO date of the notice; None when not verified
    url: str
    extra: tuple[str, ...] = ()  # later notices that changed the year's arrangement


def title(year: int) -> str:
    return f"《国务院办公厅关于{year}年部分节假日安排的通知》"


_WIKISOURCE = "https://zh.wikisource.org/wiki/国务院办公厅关于{}年部分节假日安排的通知"
_GONGBAO = "https://www.gov.cn/gongbao/"

CITATIONS: dict[int, NoticeCitation] = {
    2004: NoticeCitation(None, None, _WIKISOURCE.format(2004)),
    2005: NoticeCitation(None, None, _WIKISOURCE.format(2005)),
    2006: NoticeCitation("国办发明电〔2005〕35号", "2005-12-16", _WIKISOURCE.format(2006)),
    2007: NoticeCitation(
        "国办发明电〔2006〕49号", "2006-12-14", _GONGBAO + "content/2007/content_503397.htm"
    ),
    2008: NoticeCitation(None, None, _GONGBAO + "content/2008/content_859870.htm"),
    2009: NoticeCitation(None, None, _GONGBAO + "content/2008/content_1175823.htm"),
    2010: NoticeCitation(
        "国办发明电〔2009〕27号", "2009-12-07", _GONGBAO + "content/2009/content_1487011.htm"
    ),
    2011: NoticeCitation(None, None, _GONGBAO + "content/2010/content_1765282.htm"),
    2012: NoticeCitation(None, None, _GONGBAO + "content/2011/content_2020918.htm"),
    2013: NoticeCitation(None, None, _GONGBAO + "content/2012/content_2292057.htm"),
    2014: NoticeCitation(None, None, _GONGBAO + "content/2014/content_2561299.htm"),
    2015: NoticeCitation(
        None,
        None,
        _GONGBAO + "content/2015/content_2799019.htm",
        ("《国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知》",),
    ),
    2016: NoticeCitation(None, None, _GONGBAO + "content/2016/content_2979719.htm"),
    2017: NoticeCitation(None, "2016-12-01", _GONGBAO + "content/2016/content_5148793.htm"),
    2018: NoticeCitation(None, None, _GONGBAO + "content/2017/content_5248221.htm"),
    2019: NoticeCitation(
        None,
        None,
        _GONGBAO + "content/2018/content_5350046.htm",
        ("《国务院办公厅关于调整2019年劳动节假期安排的通知》",),
    ),
    2020: NoticeCitation(
        None,
        None,
        _GONGBAO + "content/2019/content_5459138.htm",
        ("《国务院办公厅关于延长2020年春节假期的通知》",),
    ),
    2021: NoticeCitation(None, None, _GONGBAO + "content/2020/content_5567750.htm"),
    2022: NoticeCitation(None, None, _GONGBAO + "content/2021/content_5651728.htm"),
    2023: NoticeCitation(
        "国办发明电〔2022〕16号", "2022-12-08", _GONGBAO + "content/2023/content_5736714.htm"
    ),
    2024: NoticeCitation(
        "国办发明电〔2023〕7号",
        "2023-10-25",
        _GONGBAO + "2023/issue_10806/202311/content_6913823.html",
    ),
    2025: NoticeCitation(
        "国办发明电〔2024〕12号",
        "2024-11-12",
        _GONGBAO + "2024/issue_11726/202411/content_6989767.html",
    ),
    2026: NoticeCitation(
        None, "2025-11-04", _GONGBAO + "2025/issue_12406/202511/content_7048922.html"
    ),
}


def citation_text(year: int) -> str:
    """The ``source`` line of a shipped year, e.g. 《…2024年…通知》（国办发明电〔2023〕7号，2023-10-25）;
    without a verified number, the title with the date where known, else the title."""
    cited = CITATIONS[year]
    parts = [p for p in (cited.number, cited.issued) if p]
    text = f"{title(year)}（{'，'.join(parts)}）" if parts else title(year)
    if cited.extra:
        text += "；另见" + "、".join(cited.extra)
    return text
