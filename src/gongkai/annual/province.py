"""The provincial-level division an organ belongs to, read from the start of its name.

Used to partition parsed reports (``gongkai annual parse`` to a Parquet dataset): a report
of ``广东省深圳市福田区人民政府`` goes under 广东省. A name that does not begin with a
province (a ministry, or a city printed without its province) belongs to none.
"""

from __future__ import annotations

from typing import Final

PROVINCES: Final = (
    "北京市", "天津市", "上海市", "重庆市",
    "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省",
    "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
    "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省",
    "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    "香港特别行政区", "澳门特别行政区",
)  # fmt: skip
"""The 34 provincial-level divisions by their full names."""

UNKNOWN: Final = "未知"

_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市")


def _short(full: str) -> str:
    for suffix in _SUFFIXES:
        if full.endswith(suffix):
            return full[: -len(suffix)]
    return full


_BY_SHORT: Final = {_short(p): p for p in PROVINCES}


def province_of(organ: str | None) -> str:
    """The full name of the province ``organ`` begins with (its full or short form:
    ``广东省…``, ``广东…``, ``北京市…``), else ``未知``."""
    name = (organ or "").strip()
    for full in PROVINCES:
        if name.startswith(full):
            return full
    for short, full in _BY_SHORT.items():
        if name.startswith(short):
            return full
    return UNKNOWN
