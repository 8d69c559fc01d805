"""Write docs/workflows.md, every workflow table of the platform, from the tables themselves.

    .venv/bin/python scripts/gen_workflow_docs.py           # regenerate docs/workflows.md
    .venv/bin/python scripts/gen_workflow_docs.py --check   # exit 1 when it is stale

``tests/test_workflow_engine.py`` runs the check, so ``make test`` fails when a table
changed and the page was not regenerated.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "workflows.md"
REGENERATE = ".venv/bin/python scripts/gen_workflow_docs.py"

HEADER = f"""# 办理流程

本页由 `scripts/gen_workflow_docs.py` 根据各流程表（`gongkai.workflow` 引擎）生成，请勿手工修改。
流程表有变化时，运行 `{REGENERATE}` 重新生成；`make test` 会检查本页是否为最新。

每张表列出：在某一状态下可以执行的操作、执行后的新状态、可以执行的角色和所需条件。
表中没有的操作，系统一律拒绝。
"""


def render() -> str:
    """The whole page as Markdown."""
    from gongkai.applications import workflow as applications
    from gongkai.disclosure import workflow as disclosure
    from gongkai.interaction import consultation_workflow as consultations
    from gongkai.interaction import workflow as interaction
    from gongkai.reports import workflow as reports
    from gongkai.supervision import workflow as supervision

    tables = (
        applications.WORKFLOW,
        disclosure.WORKFLOW,
        reports.WORKFLOW,
        interaction.WORKFLOW,
        consultations.WORKFLOW,
        supervision.WORKFLOW,
    )
    return "\n".join([HEADER, *(t.render_markdown() for t in tables)])


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generated_doc import write_or_check

    return write_or_check(DOC, render(), REGENERATE, argv, ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
