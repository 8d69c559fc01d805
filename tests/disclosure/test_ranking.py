"""Relevance order (search.py docstring): title words, body mentions, idf, typed runs,
pages past the re-ranked candidates, and the document-frequency table behind idf."""

from __future__ import annotations

import datetime

import pytest

from gongkai.disclosure import search as search_module
from gongkai.disclosure import search_terms, services
from gongkai.disclosure.models import SearchTerm
from gongkai.disclosure.search import search
from gongkai_demo.factories.disclosure import make_item

pytestmark = pytest.mark.django_db

D = datetime.date


def publish(team, title: str, body: str, day: D):  # type: ignore[no-untyped-def]
    return make_item(
        team, state="published", on=day, title=title, body=f"<p>{body}</p>", written_on=day
    )


def order(text: str, **kwargs: object) -> list[str]:
    return [h.item.title for h in search(text, **kwargs).hits]  # type: ignore[arg-type]


def test_body_mentions_come_before_the_date(team) -> None:
    publish(team, "河道保洁工作安排", "河道保洁。" * 6, D(2024, 3, 1))
    publish(team, "河道保洁作业公告", "本月起开展河道保洁。", D(2024, 5, 6))
    assert order("河道保洁") == ["河道保洁工作安排", "河道保洁作业公告"]
    assert order("河道保洁", order="date") == ["河道保洁作业公告", "河道保洁工作安排"]


def test_a_title_naming_the_words_beats_many_mentions_in_a_body(team) -> None:
    publish(team, "河道保洁工作安排", "见附件。", D(2024, 3, 1))
    publish(team, "城区环境卫生月报", "河道保洁情况良好。" * 20, D(2024, 5, 6))
    assert order("河道保洁") == ["河道保洁工作安排", "城区环境卫生月报"]


def test_the_rarer_word_weighs_more(team) -> None:
    for n in range(4):
        publish(team, f"关于第{n + 1}季度值班安排的通知", "值班安排如下。", D(2024, 1, 8 + n))
    publish(team, "桥梁检测结果", "现予通知。", D(2024, 3, 1))
    publish(team, "检测结果的通知", "涉及桥梁三座。", D(2024, 4, 1))
    total, df = search_terms.frequencies(["桥梁", "通知"])
    assert (total, df) == (6, {"桥梁": 2, "通知": 6})
    assert order("通知 桥梁") == ["桥梁检测结果", "检测结果的通知"]


def test_a_title_holding_the_typed_run_verbatim_comes_first(team) -> None:
    publish(team, "老旧小区改造实施方案", "详见正文。", D(2024, 3, 1))
    publish(team, "小区道路改造及老旧管网更新方案", "详见正文。", D(2024, 5, 6))
    assert order("老旧小区改造") == ["老旧小区改造实施方案", "小区道路改造及老旧管网更新方案"]


def test_pages_past_the_candidates_follow_the_sql_order_without_overlap(team, monkeypatch) -> None:
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    for n in range(7):
        mentions = "防汛物资。" * (1 + n % 3)
        publish(team, f"防汛物资储备第{n + 1}号", mentions, D(2024, 6, 1 + n))
    pages = [order("防汛物资", page=p, per_page=2) for p in (1, 2, 3, 4)]
    seen = [title for page in pages for title in page]
    assert len(seen) == len(set(seen)) == 7
    # The first three (the newest, all with the words in the title) are re-ranked by body
    # mentions; from the fourth on the newest-first pre-order goes on.
    assert seen[:3] == ["防汛物资储备第6号", "防汛物资储备第5号", "防汛物资储备第7号"]
    assert seen[3:] == [
        "防汛物资储备第4号",
        "防汛物资储备第3号",
        "防汛物资储备第2号",
        "防汛物资储备第1号",
    ]


def test_the_frequency_table_equals_a_recount_after_publish_repeal_withdraw_revise(team) -> None:
    a = publish(team, "河道保洁工作安排", "河道保洁。", D(2024, 3, 1))
    b = publish(team, "桥梁检测结果", "桥梁三座。", D(2024, 3, 2))
    c = publish(team, "城区环境卫生月报", "河道、桥梁。", D(2024, 3, 3))
    services.apply(a, "repeal", team.head, "已被替代", on=D(2024, 4, 1))
    services.apply(b, "withdraw", team.head, "误发", on=D(2024, 4, 2))
    new = services.apply(c, "revise", team.officer, on=D(2024, 4, 3))
    services.update_item(new, team.officer, body="<p>河道、涵闸。</p>")
    for event, who in (("submit", "officer"), ("approve_first", "first")):
        new = services.apply(new, event, getattr(team, who), on=D(2024, 4, 3))
    for event, who in (("approve_second", "second"), ("approve_final", "head")):
        new = services.apply(new, event, getattr(team, who), on=D(2024, 4, 3))
    kept = dict(SearchTerm.objects.exclude(documents=0).values_list("word", "documents"))
    search_terms.rebuild()
    recount = dict(SearchTerm.objects.values_list("word", "documents"))
    assert kept == recount
    assert (recount[""], recount["河道"], recount["涵闸"]) == (2, 2, 1)
    assert "桥梁" not in recount
