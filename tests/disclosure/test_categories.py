"""The 15 items of Article 20 as LEGAL.md A2 quotes them, and the default topics."""

from __future__ import annotations

import pytest

from gongkai.annual.schema import table2_row
from gongkai.disclosure import categories as c


def test_fifteen_items_numbered_in_order() -> None:
    assert [cat.number for cat in c.ARTICLE20] == list(range(1, 16))
    assert len({cat.key for cat in c.ARTICLE20}) == 15


@pytest.mark.parametrize(
    ("number", "label", "heading"),
    [
        (1, "行政法规、规章和规范性文件", "第二十条第（一）项"),
        (7, "财政预算、决算信息", "第二十条第（七）项"),
        (8, "行政事业性收费项目及其依据、标准", "第二十条第（八）项"),
        (14, "公务员招考的职位、名额、报考条件等事项以及录用结果", "第二十条第（十四）项"),
    ],
)
def test_labels_verbatim(number: int, label: str, heading: str) -> None:
    assert c.category(number).label == label
    assert c.category(number).heading == heading


def test_unknown_item_is_refused_with_the_range() -> None:
    with pytest.raises(ValueError, match="第二十条没有第16项：应为 1 至 15 之间的整数"):
        c.category(16)


def test_every_category_has_a_known_default_topic() -> None:
    for cat in c.ARTICLE20:
        assert c.default_topic(cat.key).key in c.TOPIC_BY_KEY
    assert c.default_topic("budget").label == "财政、金融、审计"


def test_counted_kinds_use_the_form_labels() -> None:
    kinds = dict(c.KINDS)
    for kind, row in c.KIND_TABLE2_ROW.items():
        assert kinds[kind] == table2_row(row).label
