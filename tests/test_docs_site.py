"""The documentation: the mkdocs site builds with --strict (no broken internal link, no page
of the nav missing), and every repository path the README and docs/ name exists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# A path in backticks that names something in the repository: the top folders, or a module
# path under src/gongkai/ or demo/src/ written short (`annual/render/report.css`,
# `gongkai/site/jobs.py`, `gongkai_demo/organs.py`).
TOP = ("src/", "demo/", "tests/", "scripts/", "deploy/", "docs/", "benchmarks/")
SHORT = re.compile(
    r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+\.(?:py|css|json|md|html|po|ya?ml|toml|sh|txt)$"
)
PLACEHOLDER = re.compile(r"[…<>{}*]")
# Files the docs tell the reader to create (deploy.md: copy the example and fill in the secrets).
CREATED = {"deploy/gongkai.env"}


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def named_paths(text: str) -> set[str]:
    """Tokens inside inline code and fenced blocks that look like repository paths."""
    found: set[str] = set()
    spans = re.findall(r"```[^\n]*\n(.*?)```", text, flags=re.S)
    spans += re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S))
    for span in spans:
        for token in re.split(r"[\s=:：，、（）()\"'|]+", span):
            token = token.rstrip(".,;。；")
            if not token or PLACEHOLDER.search(token) or "://" in token:
                continue
            if token in CREATED:
                continue
            if token.startswith(TOP) or SHORT.match(token):
                found.add(token)
    return found


def exists(token: str) -> bool:
    if token.startswith(TOP):
        return (ROOT / token).exists()
    bases = (ROOT, ROOT / "src", ROOT / "src/gongkai", ROOT / "demo/src")
    return any((base / token).exists() for base in bases)


def test_every_repository_path_in_the_docs_exists() -> None:
    missing = [
        f"{doc.relative_to(ROOT)}: {token}"
        for doc in documents()
        for token in sorted(named_paths(doc.read_text(encoding="utf-8")))
        if not exists(token)
    ]
    assert not missing, "文档中提到的文件不存在：\n" + "\n".join(missing)


def test_the_path_check_sees_paths() -> None:
    text = "见 `src/gongkai/cli.py`、`annual/render/report.css` 和\n```sh\nmake\npython benchmarks/run.py\n```"
    assert named_paths(text) == {
        "src/gongkai/cli.py",
        "annual/render/report.css",
        "benchmarks/run.py",
    }
    assert not exists("tests/no_such_file.py")


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"mkdocs build --strict 失败：\n{done.stdout}\n{done.stderr}"
    for page in ("index.html", "deploy/index.html", "manual/officer/index.html", "data/index.html"):
        assert (tmp_path / "site" / page).is_file(), page
    officer = (tmp_path / "site" / "manual/officer/index.html").read_text(encoding="utf-8")
    assert "officer-desk.png" in officer  # the manual shows the screenshots


def test_code_names_only_documents_that_exist() -> None:
    """Comments and messages in the code point at docs that are there (docs/…, notes/…)."""
    pattern = re.compile(r"\b(?:docs|notes)/[A-Za-z0-9_./-]+\.md\b")
    missing = []
    for folder in ("src", "demo", "tests", "scripts", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in {".py", ".html", ".sh", ".txt"} or "egg-info" in str(path):
                continue
            for token in pattern.findall(path.read_text(encoding="utf-8", errors="replace")):
                if not (ROOT / token).exists():
                    missing.append(f"{path.relative_to(ROOT)}: {token}")
    assert not missing, "代码中提到的文档不存在：\n" + "\n".join(missing)


def test_wrapped_chinese_lines_are_joined_without_a_gap() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from mkdocs_hooks import join_cjk_lines
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    text = "# 标题\n审核人负责初审，并\n对年度报告提出意见。\n\n```\n第一行\n第二行\n```\n| 表 |\n| 格 |"
    assert join_cjk_lines(text) == (
        "# 标题\n审核人负责初审，并对年度报告提出意见。\n\n```\n第一行\n第二行\n```\n| 表 |\n| 格 |"
    )
