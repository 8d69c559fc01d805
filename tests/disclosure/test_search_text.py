"""Segmentation, query parsing and snippets for Chinese full-text search."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.disclosure.search_text import (
    highlight,
    index_tokens,
    normalize,
    parse_query,
    snippet,
    token_string,
)


def test_normalize_folds_traditional_fullwidth_and_case() -> None:
    assert normalize("財政預算ＡＢＣ２０２４") == "财政预算abc2024"


def test_index_keeps_whole_words_and_their_parts() -> None:
    tokens = index_tokens("湖州市吴兴区财政局关于公布2024年部门预算的通知")
    assert {"财政局", "财政", "预算", "2024", "吴兴区"} <= set(tokens)
    assert "的" not in tokens


def test_token_string_wraps_every_word() -> None:
    assert token_string(["预算", "预算"]) == " 预算  预算 "


def test_traditional_query_becomes_simplified_terms() -> None:
    query = parse_query("義務教育 招生")
    assert [t.word for t in query.terms] == ["义务教育", "招生"]


def test_compound_word_also_matches_its_parts() -> None:
    query = parse_query("财政预算")
    assert query.fts5() == '("财政预算" OR ("财政" AND "预算"))'
    assert query.tsquery() == "('财政预算' | ('财政' & '预算'))"


def test_quoted_phrase_is_kept_whole_and_matched_by_any_of_its_words() -> None:
    # Alone, 「困人」 is cut 困/人; inside a sentence it is one word: a phrase must not
    # depend on how it is cut, so any of its two-character words selects and the phrase itself decides.
    query = parse_query("“困人救援演练” 电梯")
    assert query.phrases == ("困人救援演练",)
    assert [t.word for t in query.terms] == ["电梯"]
    assert query.fts5() == '"电梯" AND ("救援" OR "演练")'
    assert query.tsquery() == "'电梯' & ('救援' | '演练')"
    assert query.ranking_words == ("电梯", "救援", "演练")


def test_query_of_only_stopwords_and_punctuation_is_empty() -> None:
    assert parse_query("的 ，。 和").empty


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="预算\"'()*:^-AND OR NOT 公开 ab", max_size=30))
def test_any_typed_text_is_a_valid_fts5_expression(text: str) -> None:
    import sqlite3

    query = parse_query(text)
    if not query.fts5():  # nothing to match (a phrase of single characters is scanned)
        return
    db = sqlite3.connect(":memory:")
    db.execute("create virtual table t using fts5(body)")
    db.execute("insert into t values (' 预算  公开 ')")
    db.execute("select count(*) from t where t match ?", (query.fts5(),)).fetchall()


def test_highlight_escapes_html_and_marks_matches() -> None:
    assert highlight("<b>预算</b>公开", ("预算",)) == "&lt;b&gt;<mark>预算</mark>&lt;/b&gt;公开"


def test_highlight_finds_traditional_text_from_simplified_words() -> None:
    assert highlight("財政預算", ("预算",)) == "財政<mark>預算</mark>"


def test_snippet_centres_on_matches() -> None:
    text = "前言。" * 100 + "本年度部门预算总额为100万元。" + "结语。" * 100
    out = snippet(text, ("预算",), width=40)
    assert "<mark>预算</mark>" in out
    assert out.startswith("…") and out.endswith("…")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="预算公开财政局的<>&\"' 年2024通知", max_size=60))
def test_highlight_never_loses_text(text: str) -> None:
    import html
    import re

    marked = highlight(text, ("预算", "通知"))
    assert html.unescape(re.sub("</?mark>", "", marked)) == text
