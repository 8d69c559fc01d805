"""The markup scanner (``_html_scan``, C) reads what the walk of lxml's tree reads.

The scanner is the fast way to read the common page; the tree is the reference. Wherever
the scanner answers, its texts, tables, source lines and flags must be the tree's, on
every page the project holds, on those built from every report fixture, and on generated
pages full of what real pages get wrong (unclosed cells, stray end tags, blocks inside
paragraphs, comments, entities, furniture, captions, line breaks inside tags).

The scanner is compiled for these tests from its source when the build in use has none
(``GONGKAI_NATIVE=0``), so that the source as it is now is what is compared.
"""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import subprocess
import sysconfig
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.etree
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual.parse import native
from gongkai.annual.parse import read_html as tree
from gongkai.annual.parse.detect import decode_text, sniff
from gongkai.annual.parse.document import Line
from tests.annual.parse.as_documents import as_html

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SOURCE = (
    Path(__file__).resolve().parents[3] / "src" / "gongkai" / "annual" / "parse" / "_html_scan.c"
)
"""The C source in the checkout (a compiled reader's modules live elsewhere, without it)."""
Scan = Callable[..., Any]
"""``scan(markup, spans, table_type, word_lists, stored)``."""


def _compiled_here(folder: Path) -> Scan | None:
    """The scanner built from its source into ``folder``; ``None`` without a compiler or
    headers, or with a libxml2 whose tree rules it does not follow."""
    if lxml.etree.LIBXML_VERSION[:2] != (2, 14):
        return None
    module = _module_here(folder)
    return None if module is None else module.scan


def _module_here(folder: Path) -> Any:
    """The module ``_html_scan`` built from its source into ``folder``; ``None`` without a
    compiler or headers."""
    if shutil.which("gcc") is None:
        return None
    include = sysconfig.get_paths()["include"]
    if not (Path(include) / "Python.h").is_file():
        return None
    target = folder / f"_html_scan{sysconfig.get_config_var('EXT_SUFFIX')}"
    subprocess.run(
        ["gcc", "-O1", "-shared", "-fPIC", f"-I{include}", str(SOURCE), "-o", str(target)],
        check=True,
    )
    spec = importlib.util.spec_from_file_location("_html_scan", target)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def marks(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bytes], int]:
    if tree._MARKS is not None:
        return tree._MARKS
    module = _module_here(tmp_path_factory.mktemp("marks"))
    if module is None:
        pytest.skip("没有 C 编译器：不比较")
    found: Callable[[bytes], int] = module.marks
    return found


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Scan:
    found = tree._SCAN or _compiled_here(tmp_path_factory.mktemp("scanner"))
    if found is None:
        pytest.skip("没有 C 编译器或 libxml2 不是 2.14：不比较扫描与树")
    return found


def _reading(collector: tree._Collector) -> tuple[object, ...]:
    blocks = [
        (block if isinstance(block, int) else (block.first, block.widths, block.spans), line)
        for block, line in collector.blocks
    ]
    return collector.texts, blocks, collector.dropped_hidden, collector.script_markup


def _both(markup: str, scan: Scan) -> tuple[tree._Collector | None, tree._Collector | None]:
    """The scanner's reading (``None`` when it leaves the page to the tree) and the
    tree's, as ``read_html`` takes them."""
    markup = tree._XML_DECL_RE.sub("", markup, count=1)
    spans, hides = tree._has_spans(markup), tree._has_hidden(markup)
    word_lists, stored = "mso-list" in markup, "x:num" in markup
    scanned = None
    if not hides:
        scanned = tree._scanned(scan, markup, spans, word_lists, stored)
    root = tree._tree(markup)
    walked = None
    if root is not None:
        walked = tree._Collector(spans=spans, hides=hides, word_lists=word_lists)
        walked.stored_numbers = stored
        tree._walk(root, walked, in_article=False)
        walked.flush()
    return scanned, walked


def check_parity(markup: str, scan: Scan) -> bool:
    """Whether the scanner read the page (then as the tree does, and its UTF-8 bytes as
    its text: asserted)."""
    fast, reference = _both(markup, scan)
    _same_from_bytes(markup, fast, scan)
    if fast is None:
        return False
    assert reference is not None, markup
    assert _reading(fast) == _reading(reference), markup
    return True


def _same_from_bytes(markup: str, read: tree._Collector | None, scan: Scan) -> None:
    """The page given as its UTF-8 bytes (as ``read_html`` gives it when the file was
    UTF-8) is read as given as text."""
    markup = tree._XML_DECL_RE.sub("", markup, count=1)
    if tree._has_hidden(markup):
        return
    try:
        utf8 = markup.encode("utf-8")
    except UnicodeEncodeError:  # (lone surrogates: never decoded from bytes)
        return
    spans, word_lists, stored = tree._has_spans(markup), "mso-list" in markup, "x:num" in markup
    from_bytes = tree._scanned(scan, utf8, spans, word_lists, stored)
    assert (from_bytes is None) == (read is None), markup
    if read is not None and from_bytes is not None:
        assert _reading(from_bytes) == _reading(read), markup


def _read_alike(markup: str, scan: Scan) -> tree._Collector:
    """The scanner's reading of a page it must read, asserted to be the tree's."""
    fast, reference = _both(markup, scan)
    assert fast is not None and reference is not None, markup
    assert _reading(fast) == _reading(reference), markup
    return fast


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


def test_the_scanner_reads_every_page_of_the_fixtures_as_the_tree_does(scan: Scan) -> None:
    scanned = 0
    for name, markup in PAGES:
        fast, reference = _both(markup, scan)
        if fast is None:
            continue
        scanned += 1
        assert reference is not None, name
        assert _reading(fast) == _reading(reference), name
    # the common page is scanned, not only the odd one: every report laid out as a page
    built = sum(1 for name, _ in PAGES if "(网页" in name)
    assert scanned >= 0.9 * built > 0


def test_a_page_the_scanner_cannot_tell_for_certain_is_left_to_the_tree(scan: Scan) -> None:
    body = "<html><body>{}</body></html>"
    unsure = [
        "<table><tr><td><table><tr><td>1</td></tr></table></td><td>2</td></tr></table>",
        "<table><td>1</td><td>2</td></table>",  # (cells outside any row)
        "<p>未知的实体&hearts;</p>",
        "<p>&#128;</p>",  # (libxml2 reads it as windows-1252)
        "<script>document.write('<td>1</td>')</script>",
        "<div hidden>隐藏</div>",
        "<pre>一\n二</pre>",
        "<p>一\r二</p>",
        "<iframe srcdoc='<p>文</p>'></iframe>",
    ]
    for markup in unsure:
        assert scan(body.format(markup), False, tree._Table) is None, markup
    assert scan("<p>无 html 与 body</p>", False, tree._Table) is None
    assert scan(body.format("正文") + "<p>页外</p>", False, tree._Table) is None


def test_the_scanner_closes_what_libxml2_closes(scan: Scan) -> None:
    # a division ends the paragraph it starts in; the paragraph's end tag is then stray,
    # and the text after the division runs on with what follows it
    markup = (
        "<html><body><p>一、总体情况<div>（一）主动公开</div>全年公开<span>12条</span></p>"
        "<div><span>表格前<div>内</div></span>后</div>"
        "<table><tr><td><p>申请人<div>情况</div>自然人</p>说明</td><td>12</td></tr></table>"
        "</body></html>"
    )
    fast = _read_alike(markup, scan)
    assert fast.texts[:3] == ["一、总体情况", "（一）主动公开", "全年公开12条"]


def test_tables_that_lay_out_the_page_are_read_as_containers(scan: Scan) -> None:
    # a frame around text, and a layout table whose cells hold the report's tables: their
    # cells are paragraphs, the tables inside them grids
    frame = "<table><tr><td>一、总体情况</td></tr><tr><td>正文<br>续</td></tr></table>"
    inner = "<table><tr><th>项目</th><th>数量</th></tr><tr><td>本年新收</td><td>3</td></tr></table>"
    layout = f"<table><tr><td class='left-menu'>菜单</td><td>标题{inner}说明</td></tr></table>"
    for markup in (frame, layout, f"<div>{layout}{frame}</div>"):
        fast = _read_alike(f"<html><body>{markup}</body></html>", scan)
    assert fast.texts == [
        "标题",
        "项目",
        "数量",
        "本年新收",
        "3",
        "说明",
        "一、总体情况",
        "正文",
        "续",
    ]


def test_source_lines_are_lxml_s(scan: Scan) -> None:
    # an element's line is that of its start tag's end, a comment's that of its end;
    # a text after an element or comment takes its line
    markup = (
        "<!DOCTYPE html>\r\n<html>\r\n<head><title>某年度报告</title></head>\r\n<body\r\n>"
        "<p\nclass='zw'\n>一、总体情况</p><!--\n注\n-->\n二、主动公开<br\n>情况\n"
        "<table\n><caption>\n表一</caption><tr><td>a</td><td\n>1</td></tr>\n</table>尾\n"
        "</body>\n</html>\n"
    )
    fast = _read_alike(markup, scan)
    assert [line for _, line in fast.blocks] == [7, 9, 11, 13, 13, 13]


def _fixture_page(name: str) -> str:
    _, decoded = sniff((FIXTURES / "documents" / name).read_bytes())
    assert decoded is not None
    return decoded.text


def test_conditional_comments_are_comments_of_the_tree(scan: Scan) -> None:
    # ``<![if …]>`` (Word, Excel) is a comment up to its first ``>``: its text is not
    # shown, and the text after it takes the line of its end
    markup = (
        "<html><body><p>甲<![if !supportLists]\n>乙<![endif]>丙</p>"
        "<![CDATA[注]]>丁\n<![if\n>戊<br>"
        "<table><tr><td>申请<![if !vml]>人</td><td>1<![endif]></td></tr></table>"
        "</body></html>"
    )
    fast = _read_alike(markup, scan)
    assert fast.texts == ["甲乙丙", "丁 戊", "申请人", "1"]
    assert [line for _, line in fast.blocks] == [1, 2, 4]
    assert scan("<html><body><p>未完<![if !supportLists]", False, tree._Table) is None


WORD_PAGE = "word_saved_page_mso_list_paragraphs_conditional_comments.html"


def test_a_word_export_s_list_numbers_read_as_the_tree_reads_them(scan: Scan) -> None:
    # the number Word prints before a list item, then the spaces standing for its tab, is
    # read as the number and one space; in a table's cell it is the cell's text
    fast = _read_alike(_fixture_page(WORD_PAGE), scan)
    assert fast.texts[1:6] == [
        "一、 总体情况",
        "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息86条。",
        "（一） 主动公开",
        "（二） 依申请公开",
        "二、 主动公开政府信息情况",
    ]
    assert fast.texts[8] == "1.\xa0 规章"
    assert fast.texts[12] == "三、 收到和处理政府信息公开申请情况"  # (in a frame)
    page = "<html><body>{}</body></html>"
    for markup in (
        "<p style='mso-list:l0'><span style='mso-list:Ignore'>一、<b>&nbsp;\u3000</b></span>正文</p>",
        "<p style='mso-list:l0'>前<span style='mso-list: ignore'> （一） 甲\n</span>后<p>下</p>",
        "<div style='mso-list:l0'><p style='mso-list:Ignore'>一、</p><p>标题</p></div>",
        "<p style='mso-list:l0'><span style='mso-list:Ignore'><script>var a;</script>1.</span></p>",
        "<p style='mso-list:l0'>一<br style='mso-list:Ignore'><img style='mso-list:Ignore' "
        "alt='一、总体情况'>二</p>",
        "<span style='mso-list:Ignore'>一、<!-- 注 --><![if x]>二<![endif]></span>尾",
        "<p style='mso-list:l0'><span style='mso-list:Ignore'>一、</p>续</span>尾<div>下</div>",
        "<p><span style='mso-list:Ignore'>\n</span>空</p><span style='mso-list:Ignore'/>后",
        "<p>x<span style='mso-list:Ignoring;color:red'>二、</span></p>",
        "<p><span style='mso-listignore'>三、</span><span style='mso-list :Ignore'>四、</span></p>",
    ):
        _read_alike(page.format(markup), scan)
    for markup in (
        "<table style='mso-list:Ignore'><tr><td>1</td><td>2</td></tr></table>",
        "<p style='mso-list:Ignore&#59;'>一、</p>",
    ):
        assert scan(page.format(markup), False, tree._Table, True, False) is None, markup
    for whole in (
        "<html><body style='mso-list:Ignore'>一、</body></html>",
        "<html style='mso-list:Ignore'><body><p>一、</p><p>总体情况</p></body></html>",
    ):
        assert scan(whole, False, tree._Table, True, False) is None, whole


EXCEL_PAGE = "excel_saved_page_xnum_dash_cells_merged_headers.html"


def test_an_excel_export_s_dash_cells_read_as_the_numbers_they_keep(scan: Scan) -> None:
    # the accounting format shows a kept zero as a dash: the cell is that number; a dash
    # with no number kept, or with one that is not a plain number, stays a dash
    fast = _read_alike(_fixture_page(EXCEL_PAGE), scan)
    assert fast.texts[6:14] == ["规章", "0", "0", "-", "行政规范性文件", "12", "0", "37"]
    assert fast.texts[20:24] == ["一、本年新收政府信息公开申请数量", "5", "0.5", "6"]
    assert fast.texts[24:28] == ["二、上年结转政府信息公开申请数量", "-", "–", "-"]
    table = fast.blocks[-1][0]
    assert isinstance(table, tree._Table) and table.spans == {15: (2, 1), 16: (1, 3)}
    page = "<html><body><table>{}</table></body></html>"
    for markup in (
        "<tr><th X:NUM='7'>-</th><td x:num='3'><b>-</b></td><td x:num='4'>-<br>-</td></tr>",
        "<tr><td cOLSPAN=2 x:num='1'>-</td></tr><tr><td>a</td><td x:num='2.'>-</td></tr>",
        "<tr><td x:num=' 0'>-</td><td x:num='0.25'>\n－\n</td><td x:num='0'>--</td></tr>",
    ):
        _read_alike(page.format(markup), scan)
    for markup in (
        "<tr><td x:num='&#48;'>-</td><td>1</td></tr>",  # (the value's reference decoded)
        "<tr><td x:num='１２'>-</td><td>1</td></tr>",  # (Python's \d reads full-width digits)
        "<tr><td x:num='0' X:Num='1'>-</td><td>1</td></tr>",  # (the first kept)
    ):
        assert scan(page.format(markup), False, tree._Table, False, True) is None, markup


def test_entities_decode_as_libxml2_decodes_them(scan: Scan) -> None:
    names = [
        "amp",
        "apos",
        "bull",
        "copy",
        "deg",
        "divide",
        "emsp",
        "ensp",
        "gt",
        "hellip",
        "laquo",
        "ldquo",
        "lsquo",
        "lt",
        "mdash",
        "middot",
        "nbsp",
        "ndash",
        "plusmn",
        "quot",
        "raquo",
        "rdquo",
        "reg",
        "rsquo",
        "sect",
        "thinsp",
        "times",
        "trade",
        "yen",
    ]
    text = " ".join(f"&{name};" for name in names) + " &#20013;&#x6587; &#9; & a & b <3"
    markup = f"<html><body><p>{text}</p><table><tr><td>{text}</td><td>2</td></tr></table>"
    assert check_parity(markup + "</body></html>", scan)


_TAGS = [
    "p", "div", "span", "b", "i", "font", "strong", "a", "center", "ul", "li", "ol", "h1",
    "h3", "br", "img", "hr", "section", "article", "header", "footer", "nav", "aside",
    "o:p", "sup", "sub", "em", "u", "small", "label", "form", "select", "option", "button",
    "noscript", "td", "tr", "dl", "dt", "dd", "blockquote", "main", "address", "figure",
    "textarea", "script", "style", "iframe", "input", "table", "caption", "tbody", "thead",
    "tfoot", "pre", "title", "head", "body", "html", "dir", "menu", "embed", "wbr", "col",
    "colgroup", "th", "fieldset", "legend", "tt", "big", "s",
]  # fmt: skip
_WORDS = (
    "本年新收", "申请人情况", "12", "0", " ", "\n", "  ", "第二十条第（一）项", "行政许可",
    "&nbsp;", "&amp;", "a&lt;b", "&#20013;", "&copy;", "x", "总计", "\t", "&nbspx", "<",
    "3 > 2", "&#x4e2d;", "\r\n", "\u3000", "\xa0", "&ldquo;引&rdquo;", "&middot;", "a & b",
    "&#65533;", "\f", "-", " － ", "<![if !supportLists]>", "<![endif]>", "<![CDATA[x]]>",
)  # fmt: skip
_ATTRIBUTES = (
    'class="nav"', 'class="content"', 'id="footer"', 'role="navigation"',
    'style="color:red"', "hidden", 'colspan="2"', "rowspan=2", "class=main-menu",
    "id='x'", 'colspan="abc"', 'data-x="1>2"', 'srcdoc="<p>hi</p>"', 'type="text" value="5"',
    "ROWSPAN=' 3x'", 'Class="Share_box"', "colspan=1234567", 'title="a\nb"', "x", "/",
    'alt="一、总体情况"', "alt='某局2024年政府信息公开工作年度报告'", "alt=logo",
    'alt=" &#21313;一、其他 "', "alt='一二三、'", 'ALT="二、\r\n主动公开"',
    "style='mso-list:Ignore'", "style='MSO-LIST: IGNORE;font:7pt'", 'x:num="0"', "x:num",
    "X:NUM='12.5'",
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
    caption = ""
    if r.random() < 0.2:
        caption = f"<caption>{_content(r, depth + 3)}</caption>"
    body = "".join(rows)
    if r.random() < 0.2:
        body = f"<tbody>{body}</tbody>"
    return f"<table>{caption}{body}</table>"


def generated_page(r: random.Random) -> str:
    """A page of tangled markup (for the parity tests and fuzz/fuzz_html_scan.py)."""
    head = r.choice(
        [
            "",
            "<head><title>某年度报告</title><meta charset=utf-8></head>",
            "<head><style>p{}</style><script>var x;</script></head>\n",
        ]
    )
    doctype = r.choice(["", "<!DOCTYPE html>\n"])
    body = _content(r, 0) + _content(r, 0)
    end = r.choice(["</body></html>", "</body>\n</html>\n", "", "</html>"])
    return f"{doctype}<html>{head}<body{r.choice(['', ' class=x'])}>\n{body}{end}"


def test_generated_pages_read_alike(scan: Scan) -> None:
    r = random.Random(20261206)
    scanned = sum(check_parity(generated_page(r), scan) for _ in range(1500))
    assert scanned > 300  # (a fair share of these tangled pages is still scanned)


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False))
def test_any_generated_page_reads_alike(scan: Scan, r: random.Random) -> None:
    check_parity(generated_page(r), scan)


def test_read_html_reads_the_same_document_either_way(
    scan: Scan, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = [markup for _, markup in PAGES[::4]]
    documents = []
    for scanner in (scan, None):
        monkeypatch.setattr(tree, "_SCAN", scanner)
        read = [tree.read_html(decode_text(m.encode()), "页") for m in pages]  # type: ignore[arg-type]
        documents.append([(d.blocks, d.diagnostics) for d in read])
    assert documents[0] == documents[1]


def test_a_heading_printed_as_an_image_is_read_from_its_alt_text(
    scan: Scan, monkeypatch: pytest.MonkeyPatch
) -> None:
    markup = (
        "<html><body><div><img src='logo.png' alt='某市人民政府门户网站'></div>"
        "<p><img src='t.png' alt='某局2024年政府信息公开工作年度报告'></p>"
        "<p><img src='h1.png' alt='一、总体情况'></p><p>本年度主动公开信息12条。</p>"
        "<p><img src='h2.png' alt='二、主动公开政府信息情况'></p>"
        "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>"
        "</body></html>"
    )
    decoded = decode_text(markup.encode())
    assert decoded is not None
    for scanner in (scan, None):
        monkeypatch.setattr(tree, "_SCAN", scanner)
        lines = [b.text for b in tree.read_html(decoded, "页").blocks if isinstance(b, Line)]
        assert lines[:4] == [
            "某局2024年政府信息公开工作年度报告",
            "一、总体情况",
            "本年度主动公开信息12条。",
            "二、主动公开政府信息情况",
        ]
    assert check_parity(markup, scan)


def test_make_test_reads_pages_with_the_scanner() -> None:
    if os.environ.get("GONGKAI_NATIVE_REQUIRED") != "1" or not native.in_use():
        pytest.skip("只在 make test 中要求（它先运行 make native）")
    assert tree._SCAN is not None, "make native 未能编译网页扫描器 _html_scan（见其输出）"


def test_bytes_that_are_not_utf8_are_left_to_the_tree(scan: Scan) -> None:
    page = "<html><body><p>本年度主动公开信息</p><table><tr><td>规章</td><td>0</td></tr></table></body></html>"
    utf8 = page.encode("utf-8")
    assert scan(utf8, False, tree._Table) is not None
    broken = utf8.replace("规章".encode(), "规章".encode()[:-1])  # (a character cut short)
    assert scan(broken, False, tree._Table) is None
    with pytest.raises(TypeError):
        scan(bytearray(utf8), False, tree._Table)


def _searched(markup: str) -> tree._PageMarks:
    """The page's marks as ``read_html`` finds them without the C module."""
    marks = tree._MARKS
    try:
        tree._MARKS = None
        return tree._page_marks(markup, markup.encode("utf-8"))
    finally:
        tree._MARKS = marks


def test_a_page_s_marks_found_in_its_utf8_are_those_its_text_holds(
    marks: Callable[[bytes], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tree, "_MARKS", marks)
    r = random.Random(20261207)
    pages = [markup for _, markup in PAGES] + [generated_page(r) for _ in range(200)]
    pages += [
        "<td rowSpan=2 COLSPAN=3>年报</td>",
        "<TD ROWSPAN=2>",
        "<td rOWspan=2 coLSPAN=2>",  # (spelled as no page spells it: not searched for)
        "style='DISPLAY:none'",
        "<p style='mso-list:Ignore'>一、</p><td x:num=0>-</td>年度报",
        "年度报告",
        "年",
        "rowspa",
        "",
    ]
    for markup in pages:
        try:
            utf8 = markup.encode("utf-8")
        except UnicodeEncodeError:
            continue
        found = tree._page_marks(markup, utf8)
        searched = _searched(markup)
        assert found.isplay == ("isplay" in markup) and found.isplay_upper == ("ISPLAY" in markup)
        assert found._replace(isplay=None, isplay_upper=None) == searched, markup
        assert tree._has_hidden(markup, found.isplay, found.isplay_upper) == tree._has_hidden(
            markup
        )
