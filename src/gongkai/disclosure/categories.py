"""The 15 categories of Article 20 and the default topic classification.

Article 20 of the Regulation lists what every organ discloses proactively; the labels
below are the Regulation's own words (LEGAL.md A2) and are printed unchanged. The topic
classification (主题分类) is the one most government portals use; it is a default, and
an installation may replace it (``TOPICS`` is read, never spelled elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from gongkai.annual.schema import table2_row


@dataclass(frozen=True)
class Category:
    """One item of Article 20: its number (1–15), a stable key and the printed label."""

    number: int
    key: str
    label: str

    @property
    def heading(self) -> str:
        """How the catalogue names the item, e.g. 「第二十条第（七）项」."""
        return f"第二十条第（{CHINESE_NUMERALS[self.number]}）项"


CHINESE_NUMERALS: Final = {
    1: "一",
    2: "二",
    3: "三",
    4: "四",
    5: "五",
    6: "六",
    7: "七",
    8: "八",
    9: "九",
    10: "十",
    11: "十一",
    12: "十二",
    13: "十三",
    14: "十四",
    15: "十五",
}

ARTICLE20: Final[tuple[Category, ...]] = (
    Category(1, "rules", "行政法规、规章和规范性文件"),
    Category(2, "organisation", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"),
    Category(3, "planning", "国民经济和社会发展规划、专项规划、区域规划及相关政策"),
    Category(4, "statistics", "国民经济和社会发展统计信息"),
    Category(5, "licensing", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"),
    Category(
        6,
        "enforcement",
        "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
    ),
    Category(7, "budget", "财政预算、决算信息"),
    Category(8, "fees", "行政事业性收费项目及其依据、标准"),
    Category(9, "procurement", "政府集中采购项目的目录、标准及实施情况"),
    Category(10, "projects", "重大建设项目的批准和实施情况"),
    Category(11, "welfare", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
    Category(12, "emergencies", "突发公共事件的应急预案、预警信息及应对情况"),
    Category(13, "supervision", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
    Category(14, "recruitment", "公务员招考的职位、名额、报考条件等事项以及录用结果"),
    Category(15, "other", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
)

CATEGORY_BY_NUMBER: Final = {c.number: c for c in ARTICLE20}
CATEGORY_BY_KEY: Final = {c.key: c for c in ARTICLE20}


def category(number: int) -> Category:
    """The Article-20 item ``number``; a clear error for any other number."""
    try:
        return CATEGORY_BY_NUMBER[number]
    except KeyError:
        raise ValueError(f"第二十条没有第{number}项：应为 1 至 15 之间的整数") from None


@dataclass(frozen=True)
class Topic:
    key: str
    label: str


# The 主题分类 used by most government portals (gov.cn's 22 subjects); a default.
TOPICS: Final[tuple[Topic, ...]] = (
    Topic("organisation", "国务院组织机构"),
    Topic("general", "综合政务"),
    Topic("economy", "国民经济管理、国有资产监管"),
    Topic("finance", "财政、金融、审计"),
    Topic("land", "国土资源、能源"),
    Topic("agriculture", "农业、林业、水利"),
    Topic("industry", "工业、交通"),
    Topic("commerce", "商贸、海关、旅游"),
    Topic("market", "市场监管、安全生产监管"),
    Topic("construction", "城乡建设、环境保护"),
    Topic("education", "科技、教育"),
    Topic("culture", "文化、广电、新闻出版"),
    Topic("health", "卫生、体育"),
    Topic("population", "人口与计划生育、妇女儿童工作"),
    Topic("labour", "劳动、人事、监察"),
    Topic("security", "公安、安全、司法"),
    Topic("civil", "民政、扶贫、救灾"),
    Topic("ethnic", "民族、宗教"),
    Topic("foreign", "对外事务"),
    Topic("hmt", "港澳台侨工作"),
    Topic("defence", "国防"),
    Topic("other", "其他"),
)

TOPIC_BY_KEY: Final = {t.key: t for t in TOPICS}

# The topic an item gets when its author picks none, by Article-20 category.
DEFAULT_TOPIC: Final = {
    "rules": "general",
    "organisation": "organisation",
    "planning": "economy",
    "statistics": "economy",
    "licensing": "general",
    "enforcement": "market",
    "budget": "finance",
    "fees": "finance",
    "procurement": "finance",
    "projects": "construction",
    "welfare": "civil",
    "emergencies": "security",
    "supervision": "market",
    "recruitment": "labour",
    "other": "other",
}


def default_topic(category_key: str) -> Topic:
    """The topic proposed for an item of the given Article-20 category."""
    return TOPIC_BY_KEY[DEFAULT_TOPIC[CATEGORY_BY_KEY[category_key].key]]


# Kinds of document that table 二 counts (第二十条第（一）项) and everything else.
KIND_REGULATION: Final = "regulation"
KIND_NORMATIVE: Final = "normative"
KIND_INTERPRETATION: Final = "interpretation"
KIND_OTHER: Final = "other"
# The kinds counted in table 二 map to its rows (labels from annual/schema).
KIND_TABLE2_ROW: Final = {KIND_REGULATION: "regulations", KIND_NORMATIVE: "normative_documents"}
KINDS: Final = (
    (KIND_REGULATION, table2_row("regulations").label),
    (KIND_NORMATIVE, table2_row("normative_documents").label),
    (KIND_INTERPRETATION, "政策解读"),
    (KIND_OTHER, "其他"),
)
