"""An optional model that rephrases the policy Q&A's retrieved passages.

Configured by ``GONGKAI_QA_LLM_URL`` (an OpenAI-compatible base URL), ``…_MODEL`` and
``…_KEY``. It only sees the question and the cited passages, is told to answer from them
alone and to keep the numbers [1] [2] … of its sources; the passages with their citations
are always shown under it. Any failure (no answer in time, an error, a reply without a
source number) gives ``""``: the retrieval answer stands alone.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Sequence

from django.conf import settings

TIMEOUT = 15.0
SYSTEM = (
    "你是政府网站的政策问答助手。只能根据用户给出的编号资料作答，不得使用资料以外的知识，"
    "不得编造数字、日期和文件名称。用简体中文、不超过200字，句末用[1][2]等标注所依据的资料编号。"
    "资料不足以回答时，只回答“所引文件中没有找到明确答案”。"
)
_CITED_RE = re.compile(r"\[\d+\]")


def configured() -> bool:
    return bool(settings.GONGKAI_QA_LLM_URL and settings.GONGKAI_QA_LLM_MODEL)


def rephrase(question: str, passages: Sequence[tuple[str, str]]) -> str:
    """The model's short answer from ``passages`` ((title, passage) pairs), or ``""``."""
    if not configured() or not passages:
        return ""
    sources = "\n".join(
        f"[{i}]《{title}》：{text}" for i, (title, text) in enumerate(passages, start=1)
    )
    body = {
        "model": settings.GONGKAI_QA_LLM_MODEL,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"资料：\n{sources}\n\n问题：{question}"},
        ],
    }
    request = urllib.request.Request(
        settings.GONGKAI_QA_LLM_URL.rstrip("/") + "/chat/completions",
        data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {settings.GONGKAI_QA_LLM_KEY}",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = json.loads(response.read().decode("utf-8"))
        text = str(data["choices"][0]["message"]["content"]).strip()
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return ""
    return text if _CITED_RE.search(text) else ""
