"""Search the public catalogue: one function, the same results on SQLite and PostgreSQL.

The database only *selects* (FTS5 ``MATCH`` on SQLite, ``tsvector @@ tsquery`` on
PostgreSQL, over the same pre-segmented words, see ``search_text``); the *order* is
computed the same way on both, in two steps:

1. **Candidates (SQL).** One integer pre-score in plain SQL on both databases — 100 for
   each query word the title holds (a compound word counts when the title holds all its
   parts); when no item holds every word, +1000 per query word held (``partial``) —
   then newest first, then highest id. The first ``CANDIDATES`` (200) rows in that order
   are the candidates. (Native ranking — bm25 on SQLite, ts_rank on PostgreSQL — would
   order differently on each; counting body occurrences in SQL was measured too slow.)
2. **Relevance (Python).** Each candidate gets a score from its stored tokens:

       Σ over query words w:  idf(w) × (4 × [title holds w] + (1 + ln tf(w)) if tf(w) > 0)
       + 2 × idf-sum × [title holds a typed run of words verbatim, e.g. 「老旧小区改造」]

   with tf the count of w among the body's words and idf(w) = ln(1 + N / df(w)) from the
   document-frequency table ``search_terms`` (N searchable items, df items holding w).
   Candidates are sorted by that score (rounded to 1e-9), ties keeping the SQL order.

An item no longer in force (废止, 失效) scores ``ENDED_FACTOR`` of that.

**Partial results.** When no item holds every word, an item is shown when the words it
holds carry at least ``PARTIAL_SHARE`` of the query's idf weight (a word no item holds
counts against it; a lone character counts for nothing) and it holds one of the rarest
words the catalogue knows; those holding the most weight come first, at most
``CANDIDATES``. A query of single characters each held by more than ``COMMON_SHARE`` of
the items (「不」), or only of words like 的 and 怎么, finds nothing and says why.

So an item whose title names what was asked comes first, among those the one whose body
is about it (mentions it more often, the rarer words weighing more), then the newer.
Results past the 200th (page 21 and on at 10 a page) follow the SQL pre-order: pages
never overlap or skip an item. A very common word matches thousands of items; only the
200 best by title and date are re-ranked, which keeps a search around the same cost at
any size (``benchmarks/bench_search.py``). Date order is newest first, then highest id.
Counting stops at ``COUNT_CAP`` (5,000: the 500 pages anyone can open); a query that
matches more is ranked among the ``COUNT_CAP`` of its matches entered last (highest
item id, nearly always the newest), so a word found in nearly
every item costs what a rarer one does. Snippets and highlights are made in Python.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Final

from django.db import connection

from . import facet_counts, search_terms
from .models import Item
from .search_text import Query, Term, fts5_term, parse_query, snippet, ts_term
from .search_text import highlight as highlight_text

ORDERS: Final = {"relevance": "相关度", "date": "发布日期"}
VALIDITIES: Final = ("有效", "失效", "废止")
PER_PAGE: Final = 10
MAX_PAGE: Final = 500
COUNT_CAP: Final = 5000  # MAX_PAGE pages of PER_PAGE: counting further serves no page
CANDIDATES: Final = 200  # re-ranked in Python; later results keep the SQL pre-order
TITLE_WEIGHT: Final = 4.0
PHRASE_WEIGHT: Final = 2.0
ENDED_FACTOR: Final = 0.5  # 废止 and 失效 items below those in force
PARTIAL_SHARE: Final = 0.5
COMMON_SHARE: Final = 0.05

SqlParam = str | int
"""A value bound to a ``%s`` of the raw SQL here: search text, an organ id, a year."""


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
    score: float
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
    more: bool = False
    """More than ``COUNT_CAP`` items match (the count says 「以上」)."""
    too_common: tuple[str, ...] = ()
    """Single characters searched alone that too many items hold to mean anything."""

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first_number(self) -> int:
        """The rank of this page's first result (numbering goes on across pages)."""
        return (self.page - 1) * self.per_page + 1

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _vendor() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def _match(query: Query, any_term: bool) -> tuple[str, list[SqlParam]]:
    if _vendor() == "sqlite":
        expression = query.fts5_any() if any_term else query.fts5()
        return (
            "se.item_id IN (SELECT rowid FROM disclosure_fts WHERE disclosure_fts MATCH %s)",
            [expression],
        )
    expression = query.tsquery_any() if any_term else query.tsquery()
    return "se.search_vector @@ %s::tsquery", [expression]


def _title_hit(find: str, word: str, parts: tuple[str, ...]) -> tuple[str, list[SqlParam]]:
    """1 when the title holds ``word`` (or all of its parts), else 0."""
    tests = [f"{find}(se.title_tokens, %s) > 0"]
    params: list[SqlParam] = [f" {word} "]
    if parts:
        tests.append("(" + " AND ".join(f"{find}(se.title_tokens, %s) > 0" for _ in parts) + ")")
        params += [f" {p} " for p in parts]
    return f"(CASE WHEN {' OR '.join(tests)} THEN 1 ELSE 0 END)", params


def _score(query: Query, any_term: bool) -> tuple[str, list[SqlParam]]:
    """The portable score (see the module docstring); plain SQL on both databases."""
    find = "instr" if _vendor() == "sqlite" else "strpos"
    parts: list[str] = []
    params: list[SqlParam] = []
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


def _where(query: Query, filters: Filters, any_term: bool) -> tuple[str, list[SqlParam]]:
    clauses: list[str] = []
    params: list[SqlParam] = []
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


def _browse_total(filters: Filters) -> int:
    chosen: dict[str, object] = {}
    if filters.organ_ids:
        chosen["organ_id__in"] = filters.organ_ids
    for name in ("category", "topic", "validity", "year"):
        if getattr(filters, name):
            chosen[name] = getattr(filters, name)
    return facet_counts.counts(**chosen).total()


def _count(tokens: str, term: Term) -> int:
    """Occurrences of ``term`` among stored words (its parts' when the word is absent)."""
    n = tokens.count(f" {term.word} ")
    if n or not term.parts:
        return n
    return min(tokens.count(f" {p} ") for p in term.parts)


def _ranking_terms(query: Query) -> list[Term]:
    terms = {t.word: t for t in query.terms}
    for group in query.phrase_words:
        for word in group:
            terms.setdefault(word, Term(word))
    return list(terms.values())


def _weights(terms: list[Term]) -> dict[str, float]:
    """idf of each term from the document-frequency table (1.0 each for a single term)."""
    if len(terms) < 2:
        return {t.word: 1.0 for t in terms}
    words = {w for t in terms for w in (t.word, *t.parts)}
    total, df = search_terms.frequencies(words)
    weights = {}
    for t in terms:
        held = max(df[t.word], min((df[p] for p in t.parts), default=0))
        weights[t.word] = math.log(1 + max(total, 1) / max(held, 1))
    return weights


class Ranker:
    """The relevance score of candidates for one query (see the module docstring)."""

    def __init__(self, query: Query, weights: dict[str, float]) -> None:
        self.required = query.terms
        self.weights = {t.word: weights.get(t.word, 1.0) for t in query.terms}
        self.ranked = [(t, weights.get(t.word, 1.0)) for t in _ranking_terms(query)]
        self.runs = [r for r in (*query.runs, *query.phrases) if len(r) >= 2]
        self.run_bonus = PHRASE_WEIGHT * sum(weights.values())

    def held_weight(self, title_tokens: str, body_tokens: str) -> float:
        """The idf weight of the query words an entry holds, as a share of all of them."""
        total = sum(self.weights.values()) or 1.0
        held = sum(
            self.weights.get(t.word, 1.0)
            for t in self.required
            if (len(t.word) > 1 or t.parts) and (_count(title_tokens, t) or _count(body_tokens, t))
        )
        return held / total

    def enough(self, share: float) -> bool:
        """A partial result must hold at least ``PARTIAL_SHARE`` of the query's weight in
        words of two or more characters: a lone common character never makes a hit."""
        return share >= PARTIAL_SHARE

    def score(
        self, title_tokens: str, body_tokens: str, title: str, current: bool = True
    ) -> tuple[int, float]:
        """(query words held, score) of one entry, ``title`` folded; an entry no longer in
        force (废止, 失效) scores ``ENDED_FACTOR`` of what it would.

        Every result holds every word except in partial results, where holding more
        words comes first whatever the score.
        """
        held = sum(1 for t in self.required if _count(title_tokens, t) or _count(body_tokens, t))
        score = 0.0
        for term, idf in self.ranked:
            if _count(title_tokens, term):
                score += idf * TITLE_WEIGHT
            tf = _count(body_tokens, term)
            if tf:
                score += idf * (1 + math.log(tf))
        if any(r in title for r in self.runs):
            score += self.run_bonus
        if not current:
            score *= ENDED_FACTOR
        return held, round(score, 9)


def _run(
    query: Query, filters: Filters, order: str, page: int, per_page: int, any_term: bool
) -> tuple[int, list[tuple[int, float]]]:
    where, params = _where(query, filters, any_term)
    start, end = (page - 1) * per_page, page * per_page
    with connection.cursor() as cursor:
        if query.empty:  # browsing: the total is a sum over the kept facet counts
            total = _browse_total(filters)
        else:
            # Counting stops past the last page anyone can open (a common word matches
            # nearly everything, and a full count grew with the catalogue).
            cursor.execute(
                "SELECT COUNT(*) FROM (SELECT 1 FROM disclosure_searchentry se "
                f"WHERE {where} LIMIT %s) counted",
                [*params, COUNT_CAP + 1],
            )
            total = int(cursor.fetchone()[0])
        if total == 0:
            return 0, []
        # Ranked among all matches, or, past COUNT_CAP, among the COUNT_CAP last entered
        # (highest id: walking the primary key stops early on both databases).
        windowed = total > COUNT_CAP and not any_term
        source = "disclosure_searchentry se"
        if windowed:  # only the columns the score reads: the big text stays on disk
            source = (
                "(SELECT se.item_id, se.published_on, se.title_tokens "
                f"FROM disclosure_searchentry se WHERE {where} "
                "ORDER BY se.item_id DESC LIMIT %s) se"
            )
        if order != "relevance" or query.empty:
            cursor.execute(
                f"SELECT se.item_id FROM disclosure_searchentry se WHERE {where} "
                "ORDER BY se.published_on DESC, se.item_id DESC LIMIT %s OFFSET %s",
                [*params, per_page, start],
            )
            return total, [(int(r[0]), 0.0) for r in cursor.fetchall()]
        pre, pre_params = _score(query, any_term)
        outer, outer_params = ("1 = 1", []) if windowed else (where, params)
        select = (
            f"SELECT se.item_id, {pre} AS pre FROM {source} WHERE {outer} "
            "ORDER BY pre DESC, se.published_on DESC, se.item_id DESC LIMIT %s OFFSET %s"
        )
        window = [*params, COUNT_CAP] if windowed else []
        first: list[int] = []
        if start < CANDIDATES:
            cursor.execute(select, [*pre_params, *window, *outer_params, CANDIDATES, 0])
            first = [int(r[0]) for r in cursor.fetchall()]
        later: list[int] = []
        if end > CANDIDATES and total > CANDIDATES:
            offset = max(start, CANDIDATES)
            cursor.execute(select, [*pre_params, *window, *outer_params, end - offset, offset])
            later = [int(r[0]) for r in cursor.fetchall()]
        # The tokens of the few rows kept, by primary key (sorting narrow rows is cheaper).
        tokens = _tokens(cursor, first + later)
    ranker = Ranker(query, _weights(_ranking_terms(query)))
    scored = [(pk, ranker.score(*tokens[pk])) for pk in first]
    scored.sort(key=lambda r: (-r[1][0], -r[1][1]))  # stable: ties keep the SQL order
    rows = [(pk, score) for pk, (_, score) in scored[start:end]]
    rows += [(pk, ranker.score(*tokens[pk])[1]) for pk in later]
    return total, rows


Tokens = tuple[str, str, str, bool]
"""A candidate's title tokens, body tokens, folded title and whether it is in force."""


def _tokens(cursor: Any, ids: list[int]) -> dict[int, Tokens]:
    """The stored tokens of the few rows kept, by primary key (sorting narrow rows is
    cheaper than carrying the tokens through the ordered query)."""
    if not ids:
        return {}
    cursor.execute(
        "SELECT item_id, title_tokens, body_tokens, substr(text, 1, 320), validity "
        f"FROM disclosure_searchentry WHERE item_id IN ({', '.join(['%s'] * len(ids))})",
        ids,
    )
    return {
        int(pk): (str(title_tokens), str(body_tokens), str(text).split("\n", 1)[0], v == "有效")
        for pk, title_tokens, body_tokens, text, v in cursor.fetchall()
    }


def _anchors(terms: tuple[Term, ...], weights: dict[str, float]) -> list[Term]:
    """The rarest of the query's words that the catalogue holds at all (a word no item
    holds cannot anchor anything): a partial result must hold one of them."""
    _, df = search_terms.frequencies({w for t in terms for w in (t.word, *t.parts)})
    known = [
        t
        for t in terms
        if (len(t.word) > 1 or t.parts)
        and (df[t.word] or (t.parts and min(df[p] for p in t.parts)))
    ]
    if not known:
        return []
    top = max(weights[t.word] for t in known)
    return [t for t in known if weights[t.word] >= top - 1e-9]


def _run_partial(
    query: Query, filters: Filters, page: int, per_page: int
) -> tuple[int, list[tuple[int, float]]]:
    """No item holds every word: the items that hold enough of them (see ``Ranker.enough``),
    those holding the most weight first, at most ``CANDIDATES`` in all."""
    where, params = _where(query, filters, any_term=True)
    pre, pre_params = _score(query, any_term=True)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT se.item_id, {pre} AS pre FROM disclosure_searchentry se WHERE {where} "
            "ORDER BY pre DESC, se.published_on DESC, se.item_id DESC LIMIT %s",
            [*pre_params, *params, CANDIDATES],
        )
        ids = [int(r[0]) for r in cursor.fetchall()]
        tokens = _tokens(cursor, ids)
    ranker = Ranker(query, _weights(_ranking_terms(query)))
    anchors = _anchors(query.terms, ranker.weights)
    kept = []
    for pk in ids:
        title_tokens, body_tokens = tokens[pk][0], tokens[pk][1]
        held = ranker.held_weight(title_tokens, body_tokens)
        anchored = any(_count(title_tokens, t) or _count(body_tokens, t) for t in anchors)
        if anchored and ranker.enough(held):
            kept.append((pk, held, ranker.score(*tokens[pk])[1]))
    kept.sort(key=lambda r: (-r[1], -r[2]))  # stable: ties keep the SQL order
    start = (page - 1) * per_page
    return len(kept), [(pk, score) for pk, _, score in kept[start : start + per_page]]


def _too_common(query: Query) -> tuple[str, ...]:
    """The query's words when it is only single characters, each held by more than
    ``COMMON_SHARE`` of the items (「不」): such a search finds nothing meaningful."""
    if query.empty and query.dropped:  # only words like 的、和、怎么
        return query.dropped
    if query.phrases or not query.terms or any(len(t.word) > 1 for t in query.terms):
        return ()
    total, df = search_terms.frequencies({t.word for t in query.terms})
    if all(df[t.word] > COMMON_SHARE * total for t in query.terms):
        return tuple(t.word for t in query.terms)
    return ()


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
    results.too_common = _too_common(query)
    if results.too_common:
        return results
    total, rows = _run(query, filters, order, page, per_page, any_term=False)
    if total == 0 and len(query.terms) > 1 and not query.phrases:
        total, rows = _run_partial(query, filters, page, per_page)
        results.partial = total > 0
    results.more = total > COUNT_CAP
    results.total = min(total, COUNT_CAP)
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


def candidates(
    words: list[str], limit: int = 30, *, organ_ids: tuple[int, ...] = ()
) -> list[tuple[int, float]]:
    """Public items (of ``organ_ids`` when given) holding any of ``words``, best first by
    the relevance score above (the policy Q&A re-ranks their passages): (item id, score)."""
    query = parse_query(" ".join(words))
    if query.empty:
        return []
    _, rows = _run(query, Filters(organ_ids=organ_ids), "relevance", 1, limit, any_term=True)
    return rows
