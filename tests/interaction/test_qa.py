"""政策问答 over the sample catalogue: the written measure, and what a person notices."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import pytest
from django.test import Client

from gongkai.interaction import qa
from gongkai.interaction.models import Faq, QuestionLog, Synonym
from gongkai.organs.roles import Role
from tests.interaction.qa_questions import ANSWERABLE, SYNONYMS, UNANSWERABLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def synonyms(catalogue: Any) -> None:
    for words in SYNONYMS:
        Synonym.objects.create(words=words)


def test_the_right_document_is_cited_and_nothing_is_made_up(synonyms: None) -> None:
    right = [
        want
        for question, want in ANSWERABLE
        if any(want in c.title for c in qa.answer(question).citations)
    ]
    assert len(right) / len(ANSWERABLE) >= 0.9, len(right)
    found = [q for q in UNANSWERABLE if qa.answer(q).found]
    assert found == []
    assert QuestionLog.objects.count() == len(ANSWERABLE) + len(UNANSWERABLE)
    assert QuestionLog.objects.filter(answered=False).count() >= len(UNANSWERABLE)


def test_a_traditional_question_and_a_synonym_find_the_same_document(synonyms: None) -> None:
    simplified = qa.answer("低保标准提高到多少了").citations[0]
    traditional = qa.answer("低保標準提高到多少了").citations[0]
    assert simplified.key == traditional.key
    assert "最低生活保障" in simplified.title
    assert "1206元" in simplified.passage  # a sentence window, not the whole document
    assert len(simplified.passage) < 200


def test_a_repealed_document_is_said_to_be_repealed(catalogue: Any) -> None:
    found = qa.answer("区级储备粮每年轮换多少").citations
    assert found and found[0].validity == "已废止"
    page = Client().get("/messages/ask/", {"q": "区级储备粮每年轮换多少"}).content.decode()
    assert "该文件已废止，内容仅供查考" in page


def test_a_faq_entry_comes_first(catalogue: Any) -> None:
    Faq.objects.create(
        question="政府信息公开申请多久答复", answer="自收到申请之日起20个工作日内答复。"
    )
    result = qa.answer("政府信息公开申请多久能答复？")
    assert result.faq is not None and result.found
    page = Client().get("/messages/ask/", {"q": "政府信息公开申请多久能答复？"}).content.decode()
    assert page.index("faq-answer") < page.index("</main>")


def test_nothing_found_points_to_messages_and_applications(catalogue: Any) -> None:
    page = Client().get("/messages/ask/", {"q": "火星移民签证怎么办理"}).content.decode()
    assert "没有在已公开的政策文件中找到" in page
    assert 'href="/messages/write/"' in page and 'href="/apply/"' in page


def test_the_log_keeps_no_personal_numbers(catalogue: Any) -> None:
    qa.answer("我电话13912345678，身份证110101199003070011，低保标准是多少")
    logged = QuestionLog.objects.get().question
    assert "13912345678" not in logged and "110101199003070011" not in logged


class _Model(BaseHTTPRequestHandler):
    reply: ClassVar[dict[str, Any]] = {}
    seen: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        type(self).seen.append(json.loads(self.rfile.read(length)))
        body = json.dumps(type(self).reply, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def model(settings: Any) -> Iterator[type[_Model]]:
    server = HTTPServer(("127.0.0.1", 0), _Model)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.GONGKAI_QA_LLM_URL = f"http://127.0.0.1:{server.server_port}/v1"
    settings.GONGKAI_QA_LLM_MODEL = "test-model"
    _Model.seen = []
    yield _Model
    server.shutdown()


def test_a_configured_model_rephrases_only_the_cited_passages(
    catalogue: Any,
    model: type[_Model],
) -> None:
    model.reply = {"choices": [{"message": {"content": "低保标准为每人每月1206元[1]。"}}]}
    result = qa.answer("低保标准是多少")
    assert result.rephrased == "低保标准为每人每月1206元[1]。"
    sent = model.seen[0]["messages"][1]["content"]
    assert result.citations[0].passage in sent
    model.reply = {"choices": [{"message": {"content": "标准是一千二百元。"}}]}  # no source
    assert qa.answer("低保标准是多少").rephrased == ""


def test_staff_see_the_questions_and_edit_synonyms(
    catalogue: Any,
    organ_tree: dict[str, Any],
    make_member: Any,
) -> None:
    qa.answer("火星移民签证怎么办理")
    client = Client()
    assert client.get("/office/messages/qa/").status_code == 302
    client.force_login(make_member(organ_tree["a"], Role.OFFICER))
    page = client.get("/office/messages/qa/?unanswered=1").content.decode()
    assert "火星移民签证怎么办理" in page and "未找到" in page
    client.post("/office/messages/qa/synonyms/", {"words": "签证  出入境证件"})
    assert Synonym.objects.filter(words="签证 出入境证件").exists()
    client.post("/office/messages/qa/synonyms/", {"words": "单独"})
    assert not Synonym.objects.filter(words="单独").exists()


def test_the_guide_answers_where_to_apply_and_an_organ_narrows_the_sources(
    catalogue: Any,
) -> None:
    from gongkai.disclosure.guides import guide_for
    from gongkai.disclosure.models import Item

    notice = Item.objects.filter(
        pk__in=catalogue.values(), title__contains="最低生活保障标准的通知", interprets=None
    ).first()
    assert notice is not None
    guide = guide_for(notice.organ)
    guide.office_address = "示范路88号"
    guide.save()
    found = qa.answer("政府信息公开工作机构的办公地址在哪里").citations
    assert found and found[0].key == f"guide:{notice.organ_id}"
    assert "示范路88号" in found[0].passage
    own = qa.answer("低保标准提高到多少了", organ_ids=(notice.organ_id,)).citations
    assert own[0].key == f"item:{notice.pk}"
    other = Item.objects.exclude(organ=notice.organ).filter(pk__in=catalogue.values()).first()
    assert other is not None
    elsewhere = qa.answer("低保标准提高到多少了", organ_ids=(other.organ_id,)).citations
    assert f"item:{notice.pk}" not in {c.key for c in elsewhere}
