"""Every answer fixes its letter paragraph, legal basis and table-三 row."""

from __future__ import annotations

import pytest

from gongkai.annual import schema
from gongkai.applications.answers import ANSWER_BY_KEY, ANSWERS, OFFICER_ANSWERS, answer


@pytest.mark.parametrize(
    ("key", "row", "article"),
    [
        ("already_public", "granted", "第三十六条第（一）项"),
        ("granted", "granted", "第三十六条第（二）项"),
        ("partially_granted", "partially_granted", "第三十七条"),
        ("withheld_state_secret", "withheld.state_secret", "第三十六条第（三）项、第十四条"),
        (
            "withheld_third_party_rights",
            "withheld.third_party_rights",
            "第三十六条第（三）项、第十五条",
        ),
        (
            "withheld_process_information",
            "withheld.process_information",
            "第三十六条第（三）项、第十六条第二款",
        ),
        ("special_access", "withheld.query_matters", "第三十六条第（七）项"),
        ("not_held", "unavailable.not_held", "第三十六条第（四）项"),
        ("not_responsible", "unavailable.not_held", "第三十六条第（五）项"),
        ("needs_creation", "unavailable.needs_creation", "第三十八条"),
        ("petition", "not_processed.petition", "第三十九条第一款"),
        ("repeated", "not_processed.repeated", "第三十六条第（六）项"),
        ("publication", "not_processed.publication", "第三十九条第二款"),
        ("excessive", "not_processed.excessive", "第三十五条"),
        ("no_correction", "other.no_correction", "第三十条"),
        ("fee_unpaid", "other.fee_unpaid", "第四十二条"),
    ],
)
def test_answer_maps_to_row_and_basis(key: str, row: str, article: str) -> None:
    a = answer(key)
    assert a.table3_row == row
    assert a.basis == f"《中华人民共和国政府信息公开条例》{article}"
    assert a.row_label == schema.TABLE3_ROW_BY_KEY[row].full_label


def test_every_outcome_row_of_table_three_has_an_answer() -> None:
    rows = {a.table3_row for a in ANSWERS}
    assert rows == {r.key for r in schema.TABLE3_OUTCOME_ROWS}


def test_workflow_outcomes_are_not_offered_to_the_officer() -> None:
    offered = {a.key for a in OFFICER_ANSWERS}
    assert "no_correction" not in offered
    assert "fee_unpaid" not in offered
    assert "granted" in offered


def test_decision_text_carries_the_officers_reason() -> None:
    text = ANSWER_BY_KEY["withheld_state_secret"].decision_text("该文件已定密为机密级")
    assert text.startswith("经审查，您申请获取的信息属于国家秘密，根据")
    assert text.endswith("决定不予公开。理由：该文件已定密为机密级")


def test_unknown_answer_names_the_known_ones() -> None:
    with pytest.raises(
        KeyError, match="未知的答复类型“maybe”，应为以下之一：already_public、granted"
    ):
        answer("maybe")
