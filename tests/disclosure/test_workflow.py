"""The review workflow table: what each role may do in each state."""

from __future__ import annotations

import pytest

from gongkai.disclosure import workflow as w

ALL_ROLES = [w.OFFICER, w.FIRST_REVIEWER, w.SECOND_REVIEWER, w.FINAL_REVIEWER]


def test_shipped_table_is_sound() -> None:
    assert w.validate() == []


# (state, role) → events that role may apply, the whole table.
PERMITTED = {
    (w.DRAFT, w.OFFICER): {"submit", "withdraw"},
    (w.DRAFT, w.FIRST_REVIEWER): set(),
    (w.DRAFT, w.FINAL_REVIEWER): {"withdraw"},
    (w.FIRST_REVIEW, w.OFFICER): {"withdraw"},
    (w.FIRST_REVIEW, w.FIRST_REVIEWER): {"approve_first", "send_back"},
    (w.FIRST_REVIEW, w.SECOND_REVIEWER): {"send_back"},
    (w.SECOND_REVIEW, w.SECOND_REVIEWER): {"approve_second", "send_back"},
    (w.SECOND_REVIEW, w.FIRST_REVIEWER): {"send_back"},
    (w.FINAL_REVIEW, w.FINAL_REVIEWER): {"approve_final", "send_back", "withdraw"},
    (w.PUBLISHED, w.OFFICER): {"revise", "withdraw", "expire"},
    (w.PUBLISHED, w.FIRST_REVIEWER): set(),
    (w.PUBLISHED, w.FINAL_REVIEWER): {"withdraw", "repeal", "expire"},
    (w.REPEALED, w.FINAL_REVIEWER): set(),
    (w.WITHDRAWN, w.OFFICER): set(),
    (w.SUPERSEDED, w.OFFICER): set(),
}


@pytest.mark.parametrize(("state", "role"), sorted(PERMITTED))
def test_permitted_events(state: str, role: str) -> None:
    assert {t.event for t in w.allowed_events(state, [role])} == PERMITTED[(state, role)]


def test_three_levels_lead_to_publication() -> None:
    state = w.DRAFT
    for event, role in [
        ("submit", w.OFFICER),
        ("approve_first", w.FIRST_REVIEWER),
        ("approve_second", w.SECOND_REVIEWER),
        ("approve_final", w.FINAL_REVIEWER),
    ]:
        state = w.target_of(w.find(state, event, [role]), state)
    assert state == w.PUBLISHED


def test_wrong_state_names_state_and_event() -> None:
    with pytest.raises(w.TransitionError) as err:
        w.find(w.DRAFT, "approve_first", [w.FIRST_REVIEWER])
    assert err.value.message == "状态为“草稿”的信息不能执行“初审通过”"
    assert err.value.code == "wrong_state"


def test_wrong_role_names_the_roles_needed() -> None:
    with pytest.raises(w.TransitionError) as err:
        w.find(w.FINAL_REVIEW, "approve_final", [w.OFFICER, w.FIRST_REVIEWER])
    assert err.value.message == "“终审通过并发布”需要以下角色之一：终审人；当前用户没有这些角色"
    assert err.value.code == "wrong_role"


def test_send_back_needs_a_comment() -> None:
    assert w.EVENTS["send_back"].needs_comment


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        (
            (w.Transition("x", "x", (w.REPEALED,), w.PUBLISHED, (w.OFFICER,)),),
            "终止状态“已废止”不应有后续操作“x”",
        ),
        (
            (w.Transition("x", "x", (w.DRAFT,), "limbo", (w.OFFICER,)),),
            "操作“x”引用了未知状态“limbo”",
        ),
        (
            (w.Transition("x", "x", (w.DRAFT,), w.FIRST_REVIEW, ("janitor",)),),
            "操作“x”引用了未知角色“janitor”",
        ),
        (
            (w.Transition("x", "x", (w.PUBLISHED,), w.REPEALED, (w.OFFICER,)),),
            "操作“x”终止信息的效力，必须填写理由",
        ),
        (
            tuple(t for t in w.TRANSITIONS if t.event != "approve_second"),
            "状态“待终审”无法从“草稿”到达",
        ),
    ],
)
def test_validation_finds_broken_tables(broken: tuple[w.Transition, ...], problem: str) -> None:
    table = broken if len(broken) > 1 else (*w.TRANSITIONS, *broken)
    assert problem in w.validate(table)
