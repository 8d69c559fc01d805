"""mkdocs hook (mkdocs.yml ``hooks:``): join the source's wrapped lines between Chinese characters.

Markdown turns a line break inside a paragraph into a space, which in Chinese shows as a gap
in the middle of a sentence ("并 对年度报告"). Lines ending and starting with a CJK character
or full-width punctuation are joined outside code blocks, headings and tables."""

from __future__ import annotations

import re
from typing import Any

CJK = "\u2018-\u201d\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
ENDS = re.compile(f"[{CJK}]$")
STARTS = re.compile(f"^[{CJK}]")


def join_cjk_lines(markdown: str) -> str:
    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            out.append(line)
            continue
        previous = out[-1] if out else ""
        if (
            not fenced
            and ENDS.search(previous)
            and STARTS.match(line)
            and not previous.lstrip().startswith(("#", "|", "```"))
        ):
            out[-1] = previous + line
        else:
            out.append(line)
    return "\n".join(out)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    return join_cjk_lines(markdown)
