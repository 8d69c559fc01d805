"""Document frequencies of the searchable words, for the relevance score's idf.

One row per word: how many ``SearchEntry`` rows hold it (in the title or the body), and
one row with an empty word holding the number of entries. ``services`` calls ``add`` /
``remove`` in the same transaction as it writes or deletes an entry, so the table is
exactly what a count over the index would give (counting at query time was measured at
up to half a second per common word on PostgreSQL at 100,000 items); a search reads the
few rows it needs by primary key. ``rebuild`` recomputes it from the entries (migration,
benchmark, repair).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Final

from django.db import transaction
from django.db.models import F

from .models import SearchEntry, SearchTerm

MAX_WORD: Final = 64
TOTAL: Final = ""  # the row counting the entries themselves


def words_of(title_tokens: str, body_tokens: str) -> set[str]:
    """The distinct words an entry holds (as stored, see ``search_text.token_string``)."""
    return {w for w in (title_tokens + " " + body_tokens).split() if len(w) <= MAX_WORD}


def _change(words: set[str], step: int) -> None:
    keys = sorted(words | {TOTAL})
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=w, documents=0) for w in keys], ignore_conflicts=True
    )
    SearchTerm.objects.filter(word__in=keys).update(documents=F("documents") + step)


def add(entry: SearchEntry) -> None:
    """Count a newly saved entry's words."""
    _change(words_of(entry.title_tokens, entry.body_tokens), +1)


def remove(entries: Iterable[SearchEntry]) -> None:
    """Uncount entries about to be deleted."""
    for entry in entries:
        _change(words_of(entry.title_tokens, entry.body_tokens), -1)


def frequencies(words: Iterable[str]) -> tuple[int, dict[str, int]]:
    """(number of entries, {word: entries holding it}) — absent words count 0."""
    keys = set(words) | {TOTAL}
    found = dict(SearchTerm.objects.filter(word__in=keys).values_list("word", "documents"))
    return found.pop(TOTAL, 0), {w: found.get(w, 0) for w in keys - {TOTAL}}


@transaction.atomic
def rebuild(batch: int = 2000) -> int:
    """Recount every word from the entries; returns the number of distinct words."""
    counts: Counter[str] = Counter()
    total = 0
    rows = SearchEntry.objects.values_list("title_tokens", "body_tokens")
    for title_tokens, body_tokens in rows.iterator(chunk_size=batch):
        counts.update(words_of(title_tokens, body_tokens))
        total += 1
    counts[TOTAL] = total
    SearchTerm.objects.all().delete()
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=w, documents=n) for w, n in counts.items()], batch_size=batch
    )
    return len(counts) - 1
