"""Part titles decorated as a WeChat article prints them (``🌿 一、总体情况``,
``📌 二、主动公开政府信息情况``, ``▲ 三、…``): the decoration before the number or the
title's words does not stop the line being the part's title; a line of decoration alone
is no title, and prose that starts with an emoji stays prose."""

from __future__ import annotations

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse import Document, Line, parse_bytes
from gongkai.annual.parse.rows import document_rows
from gongkai.annual.parse.sections import find_headings, section_texts, title_key

TITLES = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
DECORATIONS = (
    "🌿 ",
    "📌",
    "☀️ ",  # a symbol drawn as an emoji by its variation selector U+FE0F
    "👨‍💻 ",  # two emoji joined by U+200D
    "🇨🇳",  # a flag: two regional indicators
    "👍🏻 ",  # a skin tone
    "▲",
    "● ",
    "■\u3000",
    "◆ ◆ ",
    "★",
    "→ ",
    "➤ ",
    "✅ ",
    "🔥🔥🔥",
    "\u2003🌟\u2003",
)


def _headings(lines: list[str]) -> dict[str, int]:
    return find_headings(document_rows(_document(lines)))


def _texts(lines: list[str]) -> dict[str, str]:
    rows = document_rows(_document(lines))
    return section_texts(rows, find_headings(rows), set())


def _document(lines: list[str]) -> Document:
    return Document("t", "text", [Line(text, i + 1) for i, text in enumerate(lines)])


def _report(lines: list[str]) -> list[str]:
    """Each title under the report's opening, a sentence of its own under it."""
    report = ["样例市生态环境局2022年政府信息公开工作年度报告"]
    for title in lines:
        report += [title, "本局依法做好相关工作。"]
    return report


ALL_FOUND = {str(n): 2 * n - 1 for n in range(1, 7)}


@pytest.mark.parametrize("decoration", DECORATIONS)
def test_every_title_after_its_decoration_is_found(decoration: str) -> None:
    assert _headings(_report([decoration + t for t in TITLES])) == ALL_FOUND


def test_each_title_decorated_otherwise_is_found() -> None:
    titles = [d + t for d, t in zip(DECORATIONS, TITLES, strict=False)]
    assert _headings(_report(titles)) == ALL_FOUND


def test_a_title_decorated_after_its_number_is_found() -> None:
    titles = [*TITLES]
    titles[1] = "二、📌 主动公开政府信息情况"
    titles[4] = "🌿 五、 💡存在的主要问题及改进情况"
    assert _headings(_report(titles)) == ALL_FOUND


def test_a_title_worded_otherwise_after_decoration_is_found_between_its_neighbours() -> None:
    titles = ["🌿 " + t for t in TITLES]
    titles[4] = "💡 五、下一步工作打算"
    assert _headings(_report(titles)) == ALL_FOUND


def test_a_line_of_decoration_alone_is_no_title() -> None:
    lines = _report(["🌿 " + t for t in TITLES])
    lines[3:3] = ["👇👇👇", "▲ ▲ ▲", "☀️✨"]
    found = _headings(lines)
    assert found == {key: index + 3 if key != "1" else index for key, index in ALL_FOUND.items()}
    assert _texts(lines)["1"] == "本局依法做好相关工作。\n👇👇👇\n▲ ▲ ▲\n☀️✨"


@pytest.mark.parametrize(
    "prose",
    [
        "📢 一是加强组织领导，明确专人负责政府信息公开工作。",
        "✅ 二〇二二年，本局主动公开政府信息312条。",
        "🌟 三是强化平台建设，优化政府信息公开专栏。",
        "▲ 图为局政务公开专题会议现场",
        "👉 第二十条第（一）项",
    ],
)
def test_prose_that_starts_with_an_emoji_is_no_title_and_keeps_its_emoji(prose: str) -> None:
    lines = _report(["🌿 " + t for t in TITLES])
    lines.insert(3, prose)
    assert _headings(lines) == {k: i + (i >= 3) for k, i in ALL_FOUND.items()}
    assert _texts(lines)["1"] == f"本局依法做好相关工作。\n{prose}"


def test_the_decoration_does_not_leak_into_the_parts_text() -> None:
    """A title run into its paragraph: the part's text is the paragraph alone; an emoji
    in the middle of the prose stays where it is."""
    lines = [
        "🌿 一、总体情况。2022年，本局主动公开信息312条👍，办理申请18件。",
        "📌 二、主动公开政府信息情况 📌",
        "🔥 四、政府信息公开行政复议、行政诉讼情况 ✨ 本年度无行政复议、行政诉讼。",
        "💡 五、存在的主要问题及改进情况：政策解读形式不够丰富🙏。",
        "💡 六、其他需要报告的事项",
        "本年度未收取信息处理费。",
    ]
    texts = _texts(lines)
    assert texts["1"] == "2022年，本局主动公开信息312条👍，办理申请18件。"
    assert texts["2"] == ""
    assert texts["4"] == "本年度无行政复议、行政诉讼。"
    assert texts["5"] == "政策解读形式不够丰富🙏。"
    assert texts["6"] == "本年度未收取信息处理费。"


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("📌 二、主动公开政府信息情况", "2"),
        ("二、📌主动公开政府信息情况", "2"),
        ("◆ 表1：主动公开政府信息情况", "2"),
        ("☀️ 总体情况", "1"),
        ("👇👇👇", None),
        ("📌 二、主动公开政府信息情况如下", None),
    ],
)
def test_a_decorated_title_alone_on_its_line_is_the_parts_title(line: str, key: str | None) -> None:
    assert title_key(s.normalize_label(line)) == key


WECHAT = """样例市水务局2022年政府信息公开工作年度报告
原创 样例水务 2023-01-20 09:00 发表于样例
点击上方蓝字 关注我们
🌿 一、总体情况
2022年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。
[图片]
▲ 图为政务公开工作会议现场
📌 二、主动公开政府信息情况
📌 三、收到和处理政府信息公开申请情况
☀️ 四、政府信息公开行政复议、行政诉讼情况
💡 五、存在的主要问题及改进情况
公开内容还不够全面✍️，下一步将加强培训。
💡 六、其他需要报告的事项
本年度未收取信息处理费。
样例市水务局
2023年1月20日
"""


def test_a_wechat_articles_parts_are_all_read() -> None:
    report = parse_bytes(WECHAT.encode(), "wechat.txt")
    assert report.diagnostics is not None
    assert "SECTION_NOT_FOUND" not in {d["code"] for d in report.diagnostics}
    assert report.sections is not None
    assert report.sections["1"] == (
        "2022年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。\n[图片]\n▲ 图为政务公开工作会议现场"
    )
    assert report.sections["5"] == "公开内容还不够全面✍️，下一步将加强培训。"
    assert report.sections["6"].startswith("本年度未收取信息处理费。")
