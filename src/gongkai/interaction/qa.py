"""政策问答: a question in plain Chinese answered with passages of the organ's own
published documents, each cited (title, 文号, date, link), or a plain “nothing found”.

1. **The question's words.** The question is folded and segmented like the search index
   (simplified characters, jieba), the words that only make it a question (请问、怎么、
   哪里 …) dropped, and each word's synonyms (``Synonym``, edited by staff) added.
2. **Candidates.** The catalogue's search (``disclosure.search.candidates``) returns the
   items holding any of the words, best first; the first ``CANDIDATES`` are read.
3. **Passages.** Each candidate's text is cut into windows of one or two sentences; every
   window is scored with BM25 (k1 = 1.2, b = 0.75; idf from the index's document
   frequencies, so a rare word weighs more), plus the document title's own match, plus
   ``RUN_WEIGHT`` × the words' weight for each run of the question's words the window
   holds verbatim (「政府信息公开工作机构」). A document's score is its best window's. Repealed or expired documents are demoted and
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

import rjieba
from django.urls import reverse

from gongkai.disclosure import search as catalogue
from gongkai.disclosure import search_terms, workflow
from gongkai.disclosure.models import Guide, Item
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
RUN_WEIGHT: Final = 0.5
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
    key: str
    """``item:<id>`` or ``guide:<organ id>``."""
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
    def cited_items(self) -> list[int]:
        return [int(c.key.split(":")[1]) for c in self.citations if c.key.startswith("item:")]

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


def question_runs(question: str) -> list[str]:
    """Runs of two or more consecutive content words of the question, of four characters
    or more (「政府信息公开工作机构」): a passage that holds one verbatim names what was asked."""
    runs: list[str] = []
    current: list[str] = []
    for token in [*rjieba.cut(normalize(question)), "。"]:
        words = index_tokens(token)
        if words and token not in QUESTION_WORDS:
            current.append(token)
            continue
        if len(current) >= 2 and len("".join(current)) >= 4:
            runs.append("".join(current))
        current = []
    return runs


def _run_bonus(text: str, runs: list[str], weights: dict[Concept, float]) -> float:
    """``RUN_WEIGHT`` × the weight of the words of each run ``text`` holds verbatim."""
    bonus = 0.0
    for run in runs:
        if run in text:
            words = set(index_tokens(run))
            bonus += RUN_WEIGHT * sum(w for c, w in weights.items() if words & set(c))
    return bonus


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


def answer(
    question: str,
    *,
    organ_ids: tuple[int, ...] = (),
    log: bool = True,
    rephrasing: bool = True,
) -> Answer:
    """The answer to ``question`` from the published documents (of ``organ_ids`` only,
    when given); see the module docstring."""
    started = time.perf_counter()
    concepts = question_concepts(question)
    result = Answer(question=question, words=tuple(c[0] for c in concepts))
    if concepts:
        weights = _weights(concepts)
        result.faq = _faq(weights)
        words = list(dict.fromkeys(w for c in concepts for w in c))
        result.citations = _citations(words, weights, organ_ids, question_runs(question))
    if rephrasing and result.citations:
        result.rephrased = rephrase.rephrase(
            question, [(c.title, c.passage) for c in result.citations]
        )
    if log:
        QuestionLog.objects.create(
            question=privacy.masked_text(question)[:300],
            answered=result.found,
            faq=result.faq,
            cited=[c.key for c in result.citations],
            milliseconds=int((time.perf_counter() - started) * 1000),
        )
    return result


@dataclass(frozen=True)
class _Source:
    """A document an answer may cite: a published item or an organ's 公开指南."""

    key: str
    title: str
    doc_number: str
    published_on: date | None
    url: str
    text: str
    validity: str


def _item_sources(words: list[str], organ_ids: tuple[int, ...]) -> list[_Source]:
    found = catalogue.candidates(words, CANDIDATES, organ_ids=organ_ids)
    items = Item.objects.select_related("organ").in_bulk([pk for pk, _ in found])
    out = []
    for pk, _ in found:
        item = items.get(pk)
        if item is None or item.state not in workflow.HEAD_STATES:
            continue
        ended = item.state != workflow.PUBLISHED
        out.append(
            _Source(
                key=f"item:{item.pk}",
                title=item.title,
                doc_number=item.doc_number,
                published_on=item.published_on,
                url=reverse("portal:item", args=[item.pk]),
                text=item.body_text or "",
                validity=f"已{workflow.VALIDITY.get(item.state, '')}" if ended else "有效",
            )
        )
    return out


def _guide_sources(organ_ids: tuple[int, ...]) -> list[_Source]:
    guides = Guide.objects.select_related("organ").filter(organ__is_active=True)
    if organ_ids:
        guides = guides.filter(organ_id__in=organ_ids)
    out = []
    for guide in guides.order_by("organ_id"):
        office = "，".join(
            f"{label}：{value}"
            for label, value in (
                ("政府信息公开工作机构", guide.office_name),
                ("办公地址", guide.office_address),
                ("办公时间", guide.office_hours),
                ("联系电话", guide.office_phone),
                ("传真", guide.office_fax),
                ("电子邮箱", guide.office_email),
            )
            if value
        )
        out.append(
            _Source(
                key=f"guide:{guide.organ_id}",
                title=f"{guide.organ.name}政府信息公开指南",
                doc_number="",
                published_on=guide.updated_at.date(),
                url=reverse("portal:guide", args=[guide.organ.slug]),
                text="\n".join(
                    t
                    for t in (guide.obtaining, guide.classification, office + "。", guide.other)
                    if t
                ),
                validity="有效",
            )
        )
    return out


def _citations(
    words: list[str],
    weights: dict[Concept, float],
    organ_ids: tuple[int, ...] = (),
    runs: Sequence[str] = (),
) -> list[Citation]:
    sources = _item_sources(words, organ_ids) + _guide_sources(organ_ids)
    windows = [
        (src, passage, index_tokens(passage)) for src in sources for passage in passages(src.text)
    ]
    if not windows:
        return []
    average = sum(len(t) for _, _, t in windows) / len(windows)
    best: dict[str, tuple[float, str, list[str]]] = {}
    for src, passage, tokens in windows:
        score = _bm25(tokens, weights, average)
        if score > best.get(src.key, (-1.0, "", []))[0]:
            best[src.key] = (score, passage, tokens)
    scored: list[Citation] = []
    for src in sources:
        if src.key not in best:
            continue
        score, passage, tokens = best[src.key]
        in_title = _held(set(index_tokens(src.title)), weights)
        held = _held(set(tokens), weights) | in_title
        if _coverage(held, weights) < MIN_COVERAGE:
            continue
        score += TITLE_WEIGHT * sum(weights[c] for c in in_title)
        score += _run_bonus(normalize(passage), list(runs), weights)
        if src.validity != "有效":
            score *= ENDED_FACTOR
        scored.append(
            Citation(
                key=src.key,
                title=src.title,
                doc_number=src.doc_number,
                published_on=src.published_on,
                url=src.url,
                passage=passage,
                validity=src.validity,
                score=round(score, 6),
            )
        )
    scored.sort(key=lambda c: (-c.score, -(c.published_on or date.min).toordinal(), c.key))
    # one 公开指南 is enough: the organs' guides say much the same
    out: list[Citation] = []
    for c in scored:
        if c.key.startswith("guide:") and any(o.key.startswith("guide:") for o in out):
            continue
        out.append(c)
    return out[:ANSWERS]


def _faq(weights: dict[Concept, float]) -> Faq | None:
    best: tuple[float, Faq | None] = (0.0, None)
    for faq in Faq.objects.filter(active=True).select_related("source"):
        coverage = _coverage(_held(set(index_tokens(faq.question)), weights), weights)
        if coverage >= FAQ_COVERAGE and coverage > best[0]:
            best = (coverage, faq)
    return best[1]
