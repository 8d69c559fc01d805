"""Search the public catalogue: one function, the same results on SQLite and PostgreSQL.

The database only *selects* (FTS5 ``MATCH`` on SQLite, ``tsvector @@ tsquery`` on
PostgreSQL, over the same pre-segmented words, see ``search_text``); the *order* comes
from one integer score computed by the same plain SQL on both:

    100 for each query word the title holds (a compound word counts when the title
    holds all its parts), then newest first, then highest id.

So an item whose title names what was asked comes before one that mentions it in
passing, and ties go to the newer item, identically on both databases. (Native ranking
— bm25 on SQLite, ts_rank on PostgreSQL — would order differently on each; counting
occurrences in the body with SQL string functions was measured too slow at 100,000
items, see ``benchmarks/bench_search.py``.) When no item holds every word, the items
holding some of them are offered instead (``partial``), those holding more words first
(+1000 per word held). Snippets and highlights are made in Python.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Final

from django.db import connection

from .models import Item
from .search_text import Query, fts5_term, parse_query, snippet, ts_term
from .search_text import highlight as highlight_text

ORDERS: Final = {"relevance": "相关度", "date": "发布日期"}
VALIDITIES: Final = ("有效", "失效", "废止")
PER_PAGE: Final = 10
MAX_PAGE: Final = 500


@dataclass(frozen=True)
class Filters:
    organ_ids: tuple[int, ...] = ()
    category: str = ""
    topic: str = ""
    year: int | None = None
    validity: str = ""


@dataclass(frozen=True)
class Hit:
    item: Item
    score: int
    title_html: str
    snippet_html: str


@dataclass
class Results:
    query: Query
    filters: Filters
    order: str
    page: int
    per_page: int
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    partial: bool = False

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _vendor() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def _match(query: Query, any_term: bool) -> tuple[str, list[object]]:
    if _vendor() == "sqlite":
        expression = query.fts5_any() if any_term else query.fts5()
        return (
            "se.item_id IN (SELECT rowid FROM disclosure_fts WHERE disclosure_fts MATCH %s)",
            [expression],
        )
    expression = query.tsquery_any() if any_term else query.tsquery()
    return "se.search_vector @@ %s::tsquery", [expression]


def _title_hit(find: str, word: str, parts: tuple[str, ...]) -> tuple[str, list[object]]:
    """1 when the title holds ``word`` (or all of its parts), else 0."""
    tests = [f"{find}(se.title_tokens, %s) > 0"]
    params: list[object] = [f" {word} "]
    if parts:
        tests.append("(" + " AND ".join(f"{find}(se.title_tokens, %s) > 0" for _ in parts) + ")")
        params += [f" {p} " for p in parts]
    return f"(CASE WHEN {' OR '.join(tests)} THEN 1 ELSE 0 END)", params


def _score(query: Query, any_term: bool) -> tuple[str, list[object]]:
    """The portable score (see the module docstring); plain SQL on both databases."""
    find = "instr" if _vendor() == "sqlite" else "strpos"
    parts: list[str] = []
    params: list[object] = []
    for term in query.terms:
        sql, p = _title_hit(find, term.word, term.parts)
        parts.append(f"100 * {sql}")
        params += p
        if any_term:  # partial results: items holding more of the words come first
            if _vendor() == "sqlite":
                held = (
                    "se.item_id IN (SELECT rowid FROM disclosure_fts WHERE disclosure_fts MATCH %s)"
                )
                params.append(fts5_term(term))
            else:
                held = "se.search_vector @@ %s::tsquery"
                params.append(ts_term(term))
            parts.append(f"(CASE WHEN {held} THEN 1000 ELSE 0 END)")
    for group in query.phrase_words:
        for word in group:
            sql, p = _title_hit(find, word, ())
            parts.append(f"100 * {sql}")
            params += p
    return " + ".join(parts) or "0", params


def _where(query: Query, filters: Filters, any_term: bool) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.terms or any(query.phrase_words):
        sql, p = _match(query, any_term)
        clauses.append(sql)
        params += p
    find = "instr" if _vendor() == "sqlite" else "strpos"
    for phrase in query.phrases:
        clauses.append(f"{find}(se.text, %s) > 0")
        params.append(phrase)
    if filters.organ_ids:
        clauses.append(f"se.organ_id IN ({', '.join(['%s'] * len(filters.organ_ids))})")
        params += list(filters.organ_ids)
    for column, value in (
        ("category", filters.category),
        ("topic", filters.topic),
        ("validity", filters.validity),
    ):
        if value:
            clauses.append(f"se.{column} = %s")
            params.append(value)
    if filters.year:
        clauses.append("se.year = %s")
        params.append(filters.year)
    return " AND ".join(clauses) or "1 = 1", params


def _run(
    query: Query, filters: Filters, order: str, page: int, per_page: int, any_term: bool
) -> tuple[int, list[tuple[int, int]]]:
    where, params = _where(query, filters, any_term)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM disclosure_searchentry se WHERE {where}", params)
        total = int(cursor.fetchone()[0])
        if total == 0:
            return 0, []
        if order == "relevance" and not query.empty:
            score, score_params = _score(query, any_term)
            order_by = "score DESC, se.published_on DESC, se.item_id DESC"
        else:
            score, score_params = "0", []
            order_by = "se.published_on DESC, se.item_id DESC"
        cursor.execute(
            f"SELECT se.item_id, {score} AS score FROM disclosure_searchentry se "
            f"WHERE {where} ORDER BY {order_by} LIMIT %s OFFSET %s",
            [*score_params, *params, per_page, (page - 1) * per_page],
        )
        return total, [(int(r[0]), int(r[1])) for r in cursor.fetchall()]


def search(
    text: str,
    filters: Filters | None = None,
    order: str = "relevance",
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Results:
    """One page of public items matching ``text`` (all items when it is blank)."""
    query = parse_query(text)
    filters = filters or Filters()
    order = order if order in ORDERS else "relevance"
    page = min(max(1, page), MAX_PAGE)
    results = Results(query, filters, order, page, per_page)
    total, rows = _run(query, filters, order, page, per_page, any_term=False)
    if total == 0 and len(query.terms) > 1 and not query.phrases:
        total, rows = _run(query, filters, order, page, per_page, any_term=True)
        results.partial = total > 0
    results.total = total
    items = Item.objects.select_related("organ").in_bulk([r[0] for r in rows])
    words = query.words
    for item_id, score in rows:
        item = items[item_id]
        results.hits.append(
            Hit(
                item=item,
                score=score,
                title_html=highlight_text(item.title, words),
                snippet_html=snippet(item.body_text, words),
            )
        )
    return results
