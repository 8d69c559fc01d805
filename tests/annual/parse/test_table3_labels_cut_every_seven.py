"""Table 三's row labels cut every seven characters, one piece a line, the numbers after the
first piece (a converter's narrow label column): where the first piece is exactly the
group's heading (``（三）不予公开``, then ``1.属于国家秘``, ``密``), the numbers are the
item's, not a subtotal the form does not have. A real subtotal (the items with numbers of
their own) is still left out and said."""

from __future__ import annotations

from gongkai.annual import schema as s
from tests.annual.parse.table3_printed import (
    THIS_YEAR,
    WARNINGS,
    codes,
    parse,
    report,
    row,
)

HEADER = "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
PIECE = 7


def _numbers(key: str) -> str:
    return " ".join(map(str, row(THIS_YEAR, key)))


def _cut(*, heading_on_every_item: bool) -> list[str]:
    """Every row label cut into pieces of ``PIECE`` characters, the numbers after the first;
    each group's heading printed before every item of it, or before its first only."""
    lines = [HEADER]
    seen: set[str] = set()
    for r in s.TABLE3_ROWS:
        label = r.full_label if heading_on_every_item or r.group not in seen else r.label
        seen.add(r.group or "")
        pieces = [label[i : i + PIECE] for i in range(0, len(label), PIECE)]
        lines.append(f"{pieces[0]} {_numbers(r.key)}")
        lines.extend(pieces[1:])
    return lines


def test_the_fixture_cuts_labels_right_after_a_groups_heading() -> None:
    lines = _cut(heading_on_every_item=True)
    at = lines.index("（三）不予公开 0 0 0 0 0 0 0")
    assert lines[at + 1 : at + 4] == ["1.属于国家秘", "密", "（三）不予公开 1 0 0 0 0 0 1"]


def test_labels_cut_every_seven_characters_read_whole() -> None:
    for every in (True, False):
        got = parse(report(_cut(heading_on_every_item=every)))
        for r in s.TABLE3_ROWS:
            assert got.table3.row(r.key) == row(THIS_YEAR, r.key), (every, r.key)
        assert "SUBTOTAL_IGNORED" not in codes(got)
        assert not set(codes(got)) & WARNINGS
        assert got.confidence["table3"] == 1.0


def _with_subtotals(tail: list[str]) -> list[str]:
    """The usual table with the group （三） printed as a subtotal line, then ``tail``
    for its first item, then its other items with their numbers."""
    lines = [HEADER]
    for r in s.TABLE3_ROWS:
        if r.key == "withheld.state_secret":
            lines.append("（三）不予公开 5 1 1 0 0 0 7")
            lines.extend(tail)
            continue
        label = r.label if r.group == "withheld" else r.full_label
        lines.append(f"{label} {_numbers(r.key)}")
    return lines


def test_a_subtotal_before_items_with_their_own_numbers_is_still_left_out() -> None:
    got = parse(report(_with_subtotals([f"1.属于国家秘密 {_numbers('withheld.state_secret')}"])))
    assert got.table3.row("withheld.state_secret") == (0,) * 7
    assert got.table3.row("withheld.third_party_rights") == row(
        THIS_YEAR, "withheld.third_party_rights"
    )
    assert "SUBTOTAL_IGNORED" in codes(got)


def test_a_subtotals_numbers_never_go_to_an_item_whose_numbers_follow_its_label() -> None:
    got = parse(report(_with_subtotals(["1.属于国家秘密", _numbers("withheld.state_secret")])))
    assert got.table3.row("withheld.state_secret") in ((0,) * 7, (None,) * 7)
    assert got.table3.row("withheld.prohibited_by_law") == row(
        THIS_YEAR, "withheld.prohibited_by_law"
    )
