"""政策问答: a question in plain Chinese answered with passages of the organ's own
published documents, each cited (title, 文号, date, link), or a plain “nothing found”.

1. **The question's words.** The question is folded and segmented like the search index
   (simplified characters, jieba), the words that only make it a question (请问、怎么、
   哪里 …) dropped, and each word's synonyms (``Synonym``, edited by staff) added.
2. **Candidates.** The catalogue's search (``disclosure.search.candidates``) returns the
   items holding any of the words, best first; the first ``CANDIDATES`` are read.
3. **Passages.** Each candidate's text is cut into windows of one or two sentences; every
   window is scored with BM25 (k1 = 1.2, b = 0.75; idf from the index's document
   frequencies, so a rare word weighs more), plus the document title's own match. A
   document's score is its best window's. Repealed or expired documents are demoted and
   always labelled as such.
4. **Enough?** An answer needs its best document to hold words carrying at least
   ``MIN_COVERAGE`` of the question's weight, at least one of them a content word;
   otherwise the answer says nothing relevant was found and points to 留言 and 申请公开.
5. **FAQ first.** A ``Faq`` whose question shares enough weight with the asked one is
   shown above the passages.

Every question is logged (``QuestionLog``) with personal numbers blotted out. When a model
is configured (``rephrase``), it words a short answer from the cited passages only.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from django.urls import reverse

from gongkai.disclosure import search as catalogue
from gongkai.disclosure import search_terms, workflow
from gongkai.disclosure.models import Item
from gongkai.disclosure.search_text import index_tokens, normalize

from . import privacy, rephrase
from .models import Faq, QuestionLog, Synonym

CANDIDATES: Final = 30
ANSWERS: Final = 3
K1: Final = 1.2
B: Final = 0.75
TITLE_WEIGHT: Final = 0.6
"""A title word counts this share of its idf on top of the best passage's score."""
MIN_COVERAGE: Final = 0.45
ENDED_FACTOR: Final = 0.5
FAQ_COVERAGE: Final = 0.6
WINDOW_CHARS: Final = 160

QUESTION_WORDS: Final = frozenset(
    [
        "请问",
        "问",
        "问一下",
        "一下",
        "怎么",
        "怎么样",
        "怎样",
        "如何",
        "哪里",
        "哪儿",
        "哪个",
        "哪些",
        "什么",
        "啥",
        "多少",
        "几",
        "是否",
        "能否",
        "能不能",
        "可不可以",
        "可以",
        "需要",
        "要",
        "想",
        "想要",
        "我",
        "我们",
        "我家",
        "你们",
        "您",
        "有",
        "没有",
        "有没有",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "了",
        "的",
        "是",
        "在",
        "去",
        "到",
        "给",
        "找",
        "办",
        "查",
        "查询",
        "知道",
        "告诉",
        "请",
        "关于",
        "方面",
        "情况",
        "相关",
        "规定",
        "政策",
        "一般",
        "现在",
        "目前",
        "今年",
        "本区",
        "区里",
        "区",
        "吴兴区",
        "吴兴",
        "示范区",
        "哪",
        "几",
        "几类",
        "几种",
        "几个",
        "什么样",
        "做",
        "多长",
        "长时间",
        "多长时间",
        "多久",
        "这里",
        "这边",
        "那里",
        "来",
        "呀",
        "么",
    ]
)
"""Words that only make a sentence a question (or name the place every document names)."""
_SENTENCE_END: Final = re.compile(r"(?<=[。！？；!?;])|\n+")


@dataclass(frozen=True)
class Citation:
    item_id: int
    title: str
    doc_number: str
    published_on: date | None
    url: str
    passage: str
    validity: str
    """有效, or 已废止 / 已失效 (said beside the passage)."""
    score: float


@dataclass
class Answer:
    question: str
    words: tuple[str, ...]
    citations: list[Citation] = field(default_factory=list)
    faq: Faq | None = None
    rephrased: str = ""

    @property
    def found(self) -> bool:
        return bool(self.citations) or self.faq is not None


Concept = tuple[str, ...]
"""A word of the question and its synonyms' words: a document holding any of them holds it."""


def question_concepts(question: str) -> list[Concept]:
    """The content words of a question, in order, each once, each with its synonyms."""
    words = list(dict.fromkeys(w for w in index_tokens(question) if w not in QUESTION_WORDS))
    groups = _synonym_groups()
    out: list[Concept] = []
    for word in words:
        alternatives = [word]
        for group in groups:
            if word in group:
                alternatives += [w for member in group for w in (member, *index_tokens(member))]
        out.append(tuple(dict.fromkeys(alternatives)))
    return out


def _synonym_groups() -> list[list[str]]:
    return [[normalize(w) for w in row.group] for row in Synonym.objects.all()]


def _weights(concepts: Sequence[Concept]) -> dict[Concept, float]:
    """Each concept's idf: that of its most common alternative (BM25's idf, never < 0)."""
    total, df = search_terms.frequencies({w for c in concepts for w in c})
    n = max(total, 1)
    out: dict[Concept, float] = {}
    for concept in concepts:
        held = max(df[w] for w in concept)
        out[concept] = math.log(1 + (n - held + 0.5) / (held + 0.5))
    return out


def passages(text: str) -> list[str]:
    """Windows of one or two sentences (each at most about ``WINDOW_CHARS``)."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]
    out: list[str] = []
    for i, sentence in enumerate(sentences):
        out.append(sentence)
        if i + 1 < len(sentences) and len(sentence) + len(sentences[i + 1]) <= WINDOW_CHARS:
            out.append(sentence + sentences[i + 1])
    return out


def _bm25(tokens: list[str], weights: dict[Concept, float], average: float) -> float:
    counts = Counter(tokens)
    length = len(tokens) or 1
    score = 0.0
    for concept, idf in weights.items():
        tf = sum(counts.get(w, 0) for w in concept)
        if tf:
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))
    return score


def _held(words: set[str], weights: dict[Concept, float]) -> set[Concept]:
    return {c for c in weights if any(w in words for w in c)}


def _coverage(held: set[Concept], weights: dict[Concept, float]) -> float:
    total = sum(weights.values())
    return sum(weights[c] for c in held) / total if total else 0.0


def answer(question: str, *, log: bool = True, rephrasing: bool = True) -> Answer:
    started = time.perf_counter()
    concepts = question_concepts(question)
    result = Answer(question=question, words=tuple(c[0] for c in concepts))
    if concepts:
        weights = _weights(concepts)
        result.faq = _faq(weights)
        words = list(dict.fromkeys(w for c in concepts for w in c))
        result.citations = _citations(words, weights)
    if rephrasing and result.citations:
        result.rephrased = rephrase.rephrase(
            question, [(c.title, c.passage) for c in result.citations]
        )
    if log:
        QuestionLog.objects.create(
            question=privacy.masked_text(question)[:300],
            answered=result.found,
            faq=result.faq,
            cited=[c.item_id for c in result.citations],
            milliseconds=int((time.perf_counter() - started) * 1000),
        )
    return result


def _citations(words: list[str], weights: dict[Concept, float]) -> list[Citation]:
    found = catalogue.candidates(words, CANDIDATES)
    if not found:
        return []
    items = Item.objects.select_related("organ").in_bulk([pk for pk, _ in found])
    scored: list[Citation] = []
    windows: list[tuple[Item, str, list[str]]] = []
    for pk, _ in found:
        item = items.get(pk)
        if item is None or item.state not in workflow.HEAD_STATES:
            continue
        for passage in passages(item.body_text or ""):
            windows.append((item, passage, index_tokens(passage)))
    if not windows:
        return []
    average = sum(len(t) for _, _, t in windows) / len(windows)
    best: dict[int, tuple[float, str, list[str]]] = {}
    for item, passage, tokens in windows:
        score = _bm25(tokens, weights, average)
        if score > best.get(item.pk, (-1.0, "", []))[0]:
            best[item.pk] = (score, passage, tokens)
    for pk, _ in found:
        item = items.get(pk)
        if item is None or pk not in best:
            continue
        score, passage, tokens = best[pk]
        in_title = _held(set(index_tokens(item.title)), weights)
        held = _held(set(tokens), weights) | in_title
        score += TITLE_WEIGHT * sum(weights[c] for c in in_title)
        if _coverage(held, weights) < MIN_COVERAGE:
            continue
        ended = item.state != workflow.PUBLISHED
        if ended:
            score *= ENDED_FACTOR
        scored.append(
            Citation(
                item_id=item.pk,
                title=item.title,
                doc_number=item.doc_number,
                published_on=item.published_on,
                url=reverse("portal:item", args=[item.pk]),
                passage=passage,
                validity=f"已{workflow.VALIDITY.get(item.state, '')}" if ended else "有效",
                score=round(score, 6),
            )
        )
    scored.sort(key=lambda c: (-c.score, -(c.published_on or date.min).toordinal(), c.item_id))
    return scored[:ANSWERS]


def _faq(weights: dict[Concept, float]) -> Faq | None:
    best: tuple[float, Faq | None] = (0.0, None)
    for faq in Faq.objects.filter(active=True).select_related("source"):
        coverage = _coverage(_held(set(index_tokens(faq.question)), weights), weights)
        if coverage >= FAQ_COVERAGE and coverage > best[0]:
            best = (coverage, faq)
    return best[1]
