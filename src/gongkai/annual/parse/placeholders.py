"""When a placeholder in table 三 means 0.

A cell printed as ``-``, ``—``, ``/`` or ``无`` is read as null (``cells``): the form asks
for numbers, and a dash may stand for "not known" as well as for "none". The one case
where the document itself says which: it states in words that the organ received no
政府信息公开 application in the year, and table 三 prints nothing but placeholders and
zeros. Then every number of the table is 0 by the document's own account (nothing came
in, so nothing was handled), and its placeholders are read as 0 with an info
``PLACEHOLDER_AS_ZERO`` naming the sentence. Whenever any cell of table 三 holds another
number, the statement is missing, or it is worded as a question of degree (``较少``), the
placeholders stay null. Blank cells stay null too: a blank says nothing at all.

Table 四 the same way (``table4_placeholders_as_zero``): a sentence of part 四 saying no
行政复议 or no 行政诉讼 happened (``本年度未发生因政府信息公开引起的行政复议、行政诉讼``)
makes the placeholders of the groups it names 0, when those groups print nothing but
placeholders and zeros; the groups it does not name keep theirs null.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal

from .. import schema as s
from .notes import Notes
from .tables import Reading

_APPLICATION = (
    r"(?:政府信息公开|信息公开|依申请公开)(?:的|类)?(?:申请|信息|事项|件)"
    r"(?![^。；;，,\n]{0,8}(?:复议|诉讼))"  # not "no appeal about an application"
)
_NONE_RECEIVED_RE = re.compile(
    r"(?:未|没有|无)(?:新)?(?:收到|受理|接到|接收到?|发生)(?:过)?(?:任何)?"
    rf"[^。；;，,\n]{{0,20}}?{_APPLICATION}"
    rf"|无(?:任何)?{_APPLICATION}"
    rf"|(?:收到|受理|接到){_APPLICATION}(?:数量)?(?:共|为|合计)?(?:0|零)(?:件|个|条)"
)
_ZERO = Decimal(0)


def none_received(sections: Mapping[str, str]) -> str | None:
    """The sentence that says no application was received, if any section has one."""
    for text in sections.values():
        match = _NONE_RECEIVED_RE.search(text.replace(" ", ""))
        if match:
            return match.group(0)
    return None


def placeholders_as_zero(table3: Reading, sections: Mapping[str, str], notes: Notes) -> None:
    """Read table 三's placeholders as 0 when the document says none were received
    (see the module docstring); otherwise leave the reading as it is."""
    if not table3.placeholders:
        return
    if any(n is not None and n != 0 for values in table3.cells.values() for n in values):
        return
    sentence = none_received(sections)
    if sentence is None:
        return
    count = 0
    for key, positions in table3.placeholders.items():
        values = table3.cells[key]
        for i in positions:
            values[i] = _ZERO
            count += 1
    table3.placeholders = {}
    notes.add(
        "PLACEHOLDER_AS_ZERO",
        "info",
        f"表三有{count}个单元格印作“-”“/”“无”等占位符，其余均为0，正文写明“{sentence}”，"
        "这些占位符按 0 读取",
    )


_NO_CASE_RE = re.compile(
    r"(?<!尚)(?:未|没有|无|暂无)(?!经|法|审)[^。；;，,\n\d]{0,30}?(?:复议|诉讼)"
    r"(?:的?案件|的?案|的?情况|的?事项|的?情形)?(?=[。；;，,!！\n]|$)"
)
"""A clause saying no case happened: a negation (not 未经, 无法, 尚未审结), then within the
clause and without a number, 复议 or 诉讼 ending it (with 案件, 情况)."""
_RECONSIDERATION_RE = re.compile(r"复议(?!后)")
_LITIGATION = "诉讼"
_RECONSIDERATION_GROUPS = (s.TABLE4_GROUP_KEYS[0],)
_LITIGATION_GROUPS = tuple(g.key for g in s.TABLE4_GROUPS if g.parent == s.TABLE4_LITIGATION_HEADER)


def no_case_said(texts: Iterable[str]) -> tuple[str, tuple[str, ...]] | None:
    """The first clause of ``texts`` saying no 行政复议 or 行政诉讼 case happened, with the
    keys of the table 四 groups the clauses say so of (行政诉讼: both of its groups);
    ``None`` when none does."""
    first: str | None = None
    groups: set[str] = set()
    for text in texts:
        if "复议" not in text and _LITIGATION not in text:
            continue
        for match in _NO_CASE_RE.finditer(text.replace(" ", "").replace("\u3000", "")):
            said = match.group(0)
            first = first or said
            if _RECONSIDERATION_RE.search(said):
                groups.update(_RECONSIDERATION_GROUPS)
            if _LITIGATION in said:
                groups.update(_LITIGATION_GROUPS)
    if first is None:
        return None
    return first, tuple(g for g in s.TABLE4_GROUP_KEYS if g in groups)


def table4_placeholders_as_zero(table4: Reading, texts: Iterable[str], notes: Notes) -> None:
    """Read table 四's placeholders as 0 in the groups a sentence of part 四 (``texts``)
    says had no case, when those groups print nothing but placeholders and zeros (see the
    module docstring); otherwise leave the reading as it is."""
    if not table4.placeholders:
        return
    said = no_case_said(texts)
    if said is None:
        return
    sentence, groups = said
    held = [g for g in groups if g in table4.placeholders]
    if not held or any(n is not None and n != 0 for g in groups for n in table4.cells.get(g, ())):
        return
    count = 0
    for group in held:
        values = table4.cells[group]
        for i in table4.placeholders.pop(group):
            values[i] = _ZERO
            count += 1
    names = "、".join(s.TABLE4_GROUP_BY_KEY[g].label for g in held)
    notes.add(
        "PLACEHOLDER_AS_ZERO",
        "info",
        f"表四“{names}”有{count}个单元格印作“-”“/”“无”等占位符，其余均为0，"
        f"正文写明“{sentence}”，这些占位符按 0 读取",
    )
