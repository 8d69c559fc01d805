"""The scan of a page's markup (``html_scan``) reads what the walk of lxml's tree reads.

The scan is the fast way to read the common page; the tree is the reference. Wherever the
scan answers, its texts, tables, source lines and flags must be the tree's, on every page
the project holds, on those built from every report fixture, and on generated pages full
of what real pages get wrong (unclosed cells, stray end tags, blocks inside paragraphs,
comments, entities, furniture and hidden parts).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual.parse import html_scan
from gongkai.annual.parse import read_html as tree
from gongkai.annual.parse.detect import decode_text, sniff
from gongkai.annual.parse.html_blocks import Collector
from gongkai.annual.parse.html_scan import scan_page
from tests.annual.parse.as_documents import as_html

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

pytestmark = pytest.mark.skipif(not html_scan.SCANS, reason="libxml2 older than 2.14")


def _reading(collector: Collector) -> tuple[object, ...]:
    blocks = [
        (block if isinstance(block, int) else (block.first, block.widths, block.spans), line)
        for block, line in collector.blocks
    ]
    return collector.texts, blocks, collector.dropped_hidden, collector.script_markup


def _both(markup: str) -> tuple[Collector | None, Collector | None]:
    markup = tree._XML_DECL_RE.sub("", markup, count=1)
    spans, hides = tree._has_spans(markup), tree._has_hidden(markup)
    word_lists, stored = "mso-list" in markup, "x:num" in markup
    scanned = None if word_lists or stored else scan_page(markup, spans, hides)
    root = tree._tree(markup)
    walked = None if root is None else tree.tree_collector(root, spans, hides, word_lists, stored)
    return scanned, walked


def _pages() -> list[tuple[str, str]]:
    pages = []
    for path in sorted(FIXTURES.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".html", ".htm", ".txt", ".md"):
            continue
        kind, decoded = sniff(path.read_bytes())
        if decoded is None:
            continue
        name = str(path.relative_to(FIXTURES))
        if kind == "html":
            pages.append((name, decoded.text))
        elif kind == "text":
            for furniture in (True, False):
                built = decode_text(as_html(decoded.text, furniture=furniture))
                assert built is not None
                pages.append((f"{name} (网页{'，带导航' if furniture else ''})", built.text))
    return pages


PAGES = _pages()


def test_the_scan_reads_every_page_of_the_fixtures_as_the_tree_does() -> None:
    scanned = 0
    for name, markup in PAGES:
        fast, reference = _both(markup)
        if fast is None:
            continue
        scanned += 1
        assert reference is not None, name
        assert _reading(fast) == _reading(reference), name
    # the common page is scanned, not only the odd one: every report laid out as a page
    built = sum(1 for name, _ in PAGES if name.endswith("）") or name.endswith("网页)"))
    assert scanned >= 0.9 * built > 0


def test_a_page_the_scan_cannot_tell_for_certain_is_left_to_the_tree() -> None:
    nested_box = "<html><body><table><tr><td><table><tr><td>1</td></tr></table></td><td>2</td></tr></table></body></html>"
    word_list = "<html><body><p><span style='mso-list:Ignore'>一、</span>总体情况</p></body></html>"
    cell_outside_rows = "<html><body><table><td>1</td><td>2</td></table></body></html>"
    after_the_page = "<html><body><p>正文</p></body></html><p>页外</p>"
    for markup in (nested_box, cell_outside_rows, after_the_page):
        assert scan_page(markup, spans=False, hides=False) is None
    fast, reference = _both(word_list)
    assert fast is None and reference is not None


def test_the_scan_closes_what_libxml2_closes() -> None:
    # a division ends the paragraph it starts in; the paragraph's end tag is then stray,
    # and the text after the division runs on with what follows it
    markup = (
        "<html><body><p>一、总体情况<div>（一）主动公开</div>全年公开<span>12条</span></p>"
        "<div><span>表格前<div>内</div></span>后</div>"
        "<table><tr><td><p>申请人<div>情况</div>自然人</p>说明</td><td>12</td></tr></table>"
        "</body></html>"
    )
    fast, reference = _both(markup)
    assert fast is not None and reference is not None
    assert _reading(fast) == _reading(reference)
    assert fast.texts[:3] == ["一、总体情况", "（一）主动公开", "全年公开12条"]


_TAGS = [
    "p",
    "div",
    "span",
    "b",
    "i",
    "font",
    "strong",
    "a",
    "center",
    "ul",
    "li",
    "ol",
    "h1",
    "h3",
    "br",
    "img",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "o:p",
    "sup",
    "sub",
    "em",
    "u",
    "small",
    "label",
    "form",
    "select",
    "option",
    "button",
    "noscript",
    "td",
    "tr",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "main",
    "address",
    "figure",
    "textarea",
    "script",
    "style",
    "iframe",
    "input",
    "table",
    "caption",
    "tbody",
    "thead",
    "tfoot",
    "pre",
    "title",
    "head",
    "body",
    "html",
    "dir",
    "menu",
]
_WORDS = (
    "本年新收", "申请人情况", "12", "0", " ", "\n", "  ", "第二十条第（一）项", "行政许可",
    "&nbsp;", "&amp;", "a&lt;b", "&#20013;", "&copy", "x", "总计", "\t", "&nbspx", "<",
    "3 > 2", "&#x4e2d;",
)  # fmt: skip
_ATTRIBUTES = (
    'class="nav"', 'class="content"', 'id="footer"', 'role="navigation"',
    'style="display:none"', 'style="color:red"', "hidden", 'colspan="2"', "rowspan=2",
    "class=main-menu", "id='x'", 'colspan="abc"', 'data-x="1>2"', 'srcdoc="<p>hi</p>"',
    'type="text" value="5"',
)  # fmt: skip


def _content(r: random.Random, depth: int) -> str:
    out = []
    for _ in range(r.randint(0, 4)):
        roll = r.random()
        if roll < 0.35 or depth > 4:
            out.append(r.choice(_WORDS))
        elif roll < 0.45:
            out.append("<!-- 注" + r.choice(["", "\n", "x"]) + " -->")
        elif roll < 0.6:
            out.append(_table(r, depth + 1))
        else:
            tag = r.choice(_TAGS)
            attributes = (" " + r.choice(_ATTRIBUTES)) if r.random() < 0.3 else ""
            line_break = "\n" if r.random() < 0.1 else ""
            inner = _content(r, depth + 1)
            if tag in ("script", "style"):
                inner = r.choice(["var a = 1 < 2;", "document.write('<td>1</td>')", "x='<table>'"])
            end = f"</{tag}>" if r.random() < 0.85 else ""
            out.append(f"<{tag}{attributes}{line_break}>{inner}{end}")
        if r.random() < 0.2:
            out.append("\n")
    return "".join(out)


def _table(r: random.Random, depth: int) -> str:
    rows = []
    for _ in range(r.randint(0, 4)):
        cells = []
        for _ in range(r.randint(0, 4)):
            kind = r.choice(["td", "th"])
            attributes = (" " + r.choice(_ATTRIBUTES)) if r.random() < 0.2 else ""
            inner = _content(r, depth + 2) if r.random() < 0.5 else r.choice(_WORDS)
            end = f"</{kind}>" if r.random() < 0.85 else ""
            cells.append(f"<{kind}{attributes}>{inner}{end}")
        end = "</tr>" if r.random() < 0.85 else ""
        rows.append("<tr>" + "".join(cells) + end + r.choice(["", "\n", " "]))
    caption = "<caption>表一</caption>" if r.random() < 0.1 else ""
    body = "".join(rows)
    if r.random() < 0.2:
        body = f"<tbody>{body}</tbody>"
    return f"<table>{caption}{body}</table>"


def _page(r: random.Random) -> str:
    head = r.choice(
        [
            "",
            "<head><title>某年度报告</title><meta charset=utf-8></head>",
            "<head><style>p{}</style><script>var x;</script></head>\n",
        ]
    )
    doctype = r.choice(["", "<!DOCTYPE html>\n"])
    body = _content(r, 0) + _content(r, 0)
    return f"{doctype}<html>{head}<body{r.choice(['', ' class=x'])}>\n{body}</body></html>"


def _check(markup: str) -> bool:
    fast, reference = _both(markup)
    if fast is None:
        return False
    assert reference is not None, markup
    assert _reading(fast) == _reading(reference), markup
    return True


def test_generated_pages_read_alike() -> None:
    r = random.Random(20261206)
    scanned = sum(_check(_page(r)) for _ in range(1500))
    assert scanned > 500  # (a third or more of these tangled pages is still scanned)


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False))
def test_any_generated_page_reads_alike(r: random.Random) -> None:
    _check(_page(r))


def test_read_html_reads_the_same_document_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [markup for _, markup in PAGES[:40]]
    scanned = [tree.read_html(decode_text(m.encode()), "页") for m in pages]  # type: ignore[arg-type]
    monkeypatch.setattr(html_scan, "SCANS", False)
    walked = [tree.read_html(decode_text(m.encode()), "页") for m in pages]  # type: ignore[arg-type]
    assert [d.blocks for d in scanned] == [d.blocks for d in walked]
    assert [d.diagnostics for d in scanned] == [d.diagnostics for d in walked]
