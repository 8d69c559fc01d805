"""Writing or checking a generated page of docs/ (shared by the gen_*_docs.py scripts)."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(doc: Path, text: str, regenerate: str, argv: list[str], root: Path) -> int:
    """``[]``: write ``text`` to ``doc``; ``["--check"]``: 0 when ``doc`` holds it, else 1
    with the command that regenerates it; anything else: usage, 2."""
    if argv == ["--check"]:
        if doc.is_file() and doc.read_text("utf-8") == text:
            return 0
        print(f"{doc.relative_to(root)} 不是最新的：请运行 {regenerate}", file=sys.stderr)
        return 1
    if argv:
        print(f"用法：{regenerate} [--check]", file=sys.stderr)
        return 2
    doc.parent.mkdir(exist_ok=True)
    doc.write_text(text, "utf-8")
    print(f"已生成 {doc.relative_to(root)}")
    return 0
