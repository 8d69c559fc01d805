"""Chinese text for full-text search: normalising, segmenting, queries and snippets.

Both databases index the same thing: a string of words cut by rjieba (``cut_for_search``,
so that 「财政预算」 is found by 「预算」 too), after folding traditional characters to
simplified (OpenCC ``t2s``), full-width forms to half-width (NFKC) and Latin to lower
case. The query goes through the same folding, so a traditional query finds simplified
text. SQLite matches with FTS5 and PostgreSQL with a ``tsvector``; both get their match
expression from the one ``Query`` built here, and ``search.py`` ranks with one portable
SQL score so the order of results is the same on both.

Token strings are stored as `` w1  w2  w3 `` (each word wrapped in its own spaces), so
that counting `` w `` in SQL counts occurrences of the whole word.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

import opencc
import rjieba

_T2S = opencc.OpenCC("t2s")
_WORD_RE: Final = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PHRASE_RE: Final = re.compile(r'"([^"]+)"|“([^”]+)”|「([^」]+)」|『([^』]+)』')
# Words too common to narrow a search; dropped from queries and the index alike.
STOPWORDS: Final = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "在",
        "是",
        "对",
        "为",
        "于",
        "将",
        "把",
        "被",
        "等",
        "之",
        "其",
        "也",
        "就",
        "都",
        "而",
        "并",
        "由",
        "从",
        "向",
        "以",
        "按",
        "该",
        "这",
        "那",
        "啊",
        "吗",
        "呢",
    ]
)
# Words that only make a query a question (「低保标准怎么提高的」): dropped from queries.
QUESTION_WORDS: Final = frozenset(
    [
        "怎么",
        "怎样",
        "如何",
        "什么",
        "多少",
        "哪里",
        "哪儿",
        "哪些",
        "是否",
        "有没有",
        "请问",
        "一下",
        "了吗",
        "没有",
        "为什么",
    ]
)
MAX_QUERY_TERMS: Final = 12


def normalize(text: str) -> str:
    """Fold ``text`` for matching: simplified characters, half-width, lower case."""
    folded: str = _T2S.convert(unicodedata.normalize("NFKC", text))
    return folded.lower()


def _is_word(token: str) -> bool:
    return bool(_WORD_RE.search(token)) and token not in STOPWORDS


def index_tokens(text: str) -> list[str]:
    """The words of ``text`` as the index stores them, in order, repeats kept."""
    return [t for t in (t.strip() for t in rjieba.cut_for_search(normalize(text))) if _is_word(t)]


def token_string(tokens: list[str]) -> str:
    """Tokens as stored: each wrapped in its own spaces (see the module docstring)."""
    return "".join(f" {t} " for t in tokens)


@lru_cache(maxsize=4096)
def _subwords(word: str) -> tuple[str, ...]:
    parts = [p for p in rjieba.cut_for_search(word) if _is_word(p) and p != word]
    # Keep only the finest pieces that together cover the word.
    pieces = [p for p in rjieba.cut(word) if _is_word(p)]
    if len(pieces) > 1:
        return tuple(pieces)
    short = [p for p in parts if len(p) < len(word)]
    return tuple(short) if len("".join(short)) >= len(word) else ()


@dataclass(frozen=True)
class Term:
    """A word the results must contain, or else all of its ``parts`` (when the text was
    segmented differently around it)."""

    word: str
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Query:
    """A parsed search: words all results contain, and exact phrases."""

    text: str
    terms: tuple[Term, ...] = ()
    phrases: tuple[str, ...] = ()
    dropped: tuple[str, ...] = field(default=())
    # Per phrase, its words of two or more characters: an item holding the phrase holds
    # at least one of them whatever the segmentation around it (the phrase itself is
    # checked word for word by ``search``).
    phrase_words: tuple[tuple[str, ...], ...] = ()
    # The runs typed without spaces, folded (「老旧小区改造」 of 「老旧小区改造 工作方案」):
    # a title holding one verbatim ranks higher.
    runs: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases

    @property
    def ranking_words(self) -> tuple[str, ...]:
        """The words the score counts: each term and each phrase's words."""
        words = dict.fromkeys(t.word for t in self.terms)
        for group in self.phrase_words:
            words.update(dict.fromkeys(group))
        return tuple(words)

    @property
    def words(self) -> tuple[str, ...]:
        """Everything a snippet should mark: the words, their parts and the phrases."""
        seen: dict[str, None] = {}
        for phrase in self.phrases:
            seen[phrase] = None
        for term in self.terms:
            seen[term.word] = None
            for part in term.parts:
                seen[part] = None
        return tuple(seen)

    def fts5(self) -> str:
        """The FTS5 MATCH expression (all terms must match); '' when nothing to match."""
        groups = ["(" + " OR ".join(fts5_quote(w) for w in g) + ")" for g in self.phrase_words if g]
        return " AND ".join([*(fts5_term(t) for t in self.terms), *groups])

    def fts5_any(self) -> str:
        """The FTS5 expression matching any term (for the partial-results fallback)."""
        return " OR ".join(fts5_term(t) for t in self.terms)

    def tsquery(self) -> str:
        """The PostgreSQL tsquery text (lexemes quoted, taken verbatim)."""
        groups = ["(" + " | ".join(ts_quote(w) for w in g) + ")" for g in self.phrase_words if g]
        return " & ".join([*(ts_term(t) for t in self.terms), *groups])

    def tsquery_any(self) -> str:
        return " | ".join(ts_term(t) for t in self.terms)


def fts5_quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts5_term(term: Term) -> str:
    if not term.parts:
        return fts5_quote(term.word)
    parts = " AND ".join(fts5_quote(p) for p in term.parts)
    return f"({fts5_quote(term.word)} OR ({parts}))"


def ts_quote(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def ts_term(term: Term) -> str:
    if not term.parts:
        return ts_quote(term.word)
    parts = " & ".join(ts_quote(p) for p in term.parts)
    return f"({ts_quote(term.word)} | ({parts}))"


def parse_query(text: str) -> Query:
    """Parse what a person typed: words separated by spaces or not, "quoted phrases"."""
    normal = normalize(text.strip())
    phrases: list[str] = []

    def keep_phrase(match: re.Match[str]) -> str:
        phrase = next(g for g in match.groups() if g)
        phrase = re.sub(r"\s+", "", phrase)
        if _WORD_RE.search(phrase):
            phrases.append(phrase)
        return " "

    rest = _PHRASE_RE.sub(keep_phrase, normal)
    terms: dict[str, Term] = {}
    dropped: list[str] = []
    runs = tuple(dict.fromkeys(rest.split()))
    for chunk in runs:
        for token in rjieba.cut(chunk):
            token = token.strip()
            if not token:
                continue
            if not _is_word(token) or token in QUESTION_WORDS:
                if _WORD_RE.search(token):
                    dropped.append(token)
                continue
            if token not in terms and len(terms) < MAX_QUERY_TERMS:
                terms[token] = Term(token, _subwords(token))
    phrase_words = tuple(
        tuple(dict.fromkeys(w for w in index_tokens(p) if len(w) >= 2)) for p in phrases
    )
    return Query(
        text=text,
        terms=tuple(terms.values()),
        phrases=tuple(phrases),
        dropped=tuple(dropped),
        phrase_words=phrase_words,
        runs=runs,
    )


# --------------------------------------------------------------------------- snippets


def _folded_with_positions(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded, and each folded char's source index (None: one to one)."""
    folded = normalize(text)
    if len(folded) == len(text):
        return folded, None  # the usual case: folding kept every character in place
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        piece = normalize(ch)
        out.append(piece)
        where.extend([i] * len(piece))
    return "".join(out), where


def _spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans in ``text`` where any of ``words`` occur."""
    if not words:
        return []
    folded, where = _folded_with_positions(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    spans = []
    for m in pattern.finditer(folded):
        if m.end() > m.start():
            if where is None:
                spans.append((m.start(), m.end()))
            else:
                spans.append((where[m.start()], where[m.end() - 1] + 1))
    return spans


def highlight(text: str, words: tuple[str, ...]) -> str:
    """``text`` as escaped HTML with every occurrence of ``words`` in ``<mark>``."""
    out: list[str] = []
    last = 0
    for start, end in _spans(text, words):
        if start < last:
            continue
        out.append(html.escape(text[last:start]))
        out.append("<mark>" + html.escape(text[start:end]) + "</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def snippet(text: str, words: tuple[str, ...], width: int = 120) -> str:
    """A window of ``text`` around its densest cluster of ``words``, highlighted HTML."""
    text = " ".join(text.split())
    spans = _spans(text, words)
    if not spans:
        cut = text[:width]
        return html.escape(cut) + ("…" if len(text) > width else "")
    best_start, best_hits = spans[0][0], 0
    for i, (start, _) in enumerate(spans):
        hits = sum(1 for s, _ in spans[i:] if s < start + width)
        if hits > best_hits:
            best_start, best_hits = start, hits
    begin = max(0, best_start - width // 4)
    end = min(len(text), begin + width)
    body = highlight(text[begin:end], words)
    return ("…" if begin > 0 else "") + body + ("…" if end < len(text) else "")
