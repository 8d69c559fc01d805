"""The sample catalogue the search-quality test and the demo data use."""

from __future__ import annotations

from gongkai.disclosure.categories import CATEGORY_BY_KEY, TOPIC_BY_KEY
from gongkai.disclosure.index_numbers import credit_code_problem
from gongkai_demo.sample_corpus import (
    ORGANS,
    PHRASE_QUERIES,
    SAMPLE_QUERIES,
    TRADITIONAL_QUERIES,
    sample_items,
    synthetic_items,
)


def test_at_least_200_distinct_items_of_known_categories() -> None:
    items = sample_items()
    assert len(items) >= 200
    assert len({i.key for i in items}) == len(items)
    assert len({i.title for i in items}) == len(items)
    organs = {o.key for o in ORGANS}
    for item in items:
        assert item.category in CATEGORY_BY_KEY, item.key
        assert item.topic in TOPIC_BY_KEY, item.key
        assert item.organ in organs, item.key
        assert len(item.body) >= 60, item.key


def test_thirty_queries_each_name_an_existing_item() -> None:
    keys = {i.key for i in sample_items()}
    assert len(SAMPLE_QUERIES) == 30
    for _, key in (*SAMPLE_QUERIES, *TRADITIONAL_QUERIES, *PHRASE_QUERIES):
        assert key in keys


def test_phrase_queries_occur_word_for_word() -> None:
    by_key = {i.key: i for i in sample_items()}
    for query, key in PHRASE_QUERIES:
        assert query.strip('"“”') in by_key[key].body


def test_organ_credit_codes_are_valid() -> None:
    for organ in ORGANS:
        assert credit_code_problem(organ.credit_code) is None, organ.name


def test_synthetic_items_are_reproducible() -> None:
    first = [i.title for i in synthetic_items(50, seed=3)]
    assert first == [i.title for i in synthetic_items(50, seed=3)]
    assert len(first) == 50
