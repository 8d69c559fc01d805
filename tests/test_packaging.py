"""What a production install of ``gongkai`` gets: no demo or test data, and no import of a
package it does not install.

The demo region, the sample catalogue, the simulated caseload and the test factories are the
``gongkai-demo`` distribution in ``demo/`` (``gongkai_demo``), which ``make venv`` installs
next to ``gongkai`` and production installs do not. Without it the settings still load,
Django starts, the demo password is still refused and ``manage.py load_demo`` says what is
missing.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "gongkai"
DEMO_MODULES = ("demo.py", "factories.py", "sample_*.py", "simulate.py", "load_demo.py")


def test_the_installed_package_holds_no_demo_or_test_data() -> None:
    found = sorted(
        str(path.relative_to(ROOT)) for pattern in DEMO_MODULES for path in PACKAGE.rglob(pattern)
    )
    assert found == [], f"演示或测试数据应放在 demo/src/gongkai_demo/，而不是安装包内：{found}"


def _imports(path: Path) -> Iterator[tuple[str, bool]]:
    """(top-level name, imported when the module loads) of every absolute import in ``path``;
    imports under ``if TYPE_CHECKING:`` are left out, those inside functions are late."""

    def visit(node: ast.AST, late: bool) -> Iterator[tuple[str, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import):
                yield from ((alias.name.split(".")[0], not late) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                yield child.module.split(".")[0], not late
            inner = late or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            yield from visit(child, inner)

    yield from visit(ast.parse(path.read_text(encoding="utf-8")), False)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _distribution_names(requirements: list[str], *, with_their_own: bool = False) -> set[str]:
    """The distributions named in ``requirements`` (``gongkai`` itself left out) and, with
    ``with_their_own``, every distribution they require in turn (as installed here)."""
    names: set[str] = set()
    todo = [Requirement(r) for r in requirements]
    while todo:
        requirement = todo.pop()
        name = _normal(requirement.name)
        if name == "gongkai" or name in names:
            continue
        names.add(name)
        if not with_their_own:
            continue
        try:
            theirs = requires(requirement.name) or []
        except PackageNotFoundError:
            continue
        for text in theirs:
            needed = Requirement(text)
            extras = {"", *requirement.extras}
            if needed.marker is None or any(needed.marker.evaluate({"extra": e}) for e in extras):
                todo.append(needed)
    return names


def test_gongkai_imports_only_what_it_installs() -> None:
    """At load time only the standard library and the runtime dependencies themselves; an
    extra's package (pyarrow, holidays, what ``dask[distributed]`` brings …) only inside the
    function that needs it; never a package of the dev extra alone (pdfplumber, factory_boy …)
    or the demo package."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = _distribution_names(project["dependencies"])
    optional = project["optional-dependencies"]
    extras = _distribution_names(
        [r for name, reqs in optional.items() if name != "dev" for r in reqs], with_their_own=True
    )
    distributions = {
        module: {_normal(d) for d in dists} for module, dists in packages_distributions().items()
    }
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for name, at_load in _imports(path):
            if name in sys.stdlib_module_names or name == "gongkai":
                continue
            where = path.relative_to(ROOT)
            owners = distributions.get(name, set())
            if owners & runtime:
                continue
            if owners & extras and not at_load:
                continue
            problems.append(f"{where}: {name} ({', '.join(sorted(owners)) or '未安装的包'})")
    assert problems == [], "导入了安装包不保证存在的软件包：\n" + "\n".join(problems)


def _without_demo(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new interpreter where ``gongkai_demo`` cannot be found, as in a
    production install (a ``None`` in ``sys.modules`` makes ``find_spec`` answer None and
    ``import`` fail)."""
    prelude = "import sys\nsys.modules['gongkai_demo'] = None\n"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gongkai.config.settings",
        "GONGKAI_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    return subprocess.run(
        [sys.executable, "-c", prelude + code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def test_the_site_starts_without_the_demo_package(tmp_path: Path) -> None:
    result = _without_demo(
        "\n".join(
            [
                "import django",
                "django.setup()",
                "from django.conf import settings",
                "from django.core.management import call_command, get_commands",
                "from django.contrib.auth.password_validation import validate_password",
                "from django.core.exceptions import ValidationError",
                "from gongkai.accounts.validators import DEMO_PASSWORD",
                "assert 'gongkai_demo' not in settings.INSTALLED_APPS",
                "assert 'load_demo' not in get_commands()",
                "call_command('check')",
                "try:",
                "    validate_password(DEMO_PASSWORD)",
                "except ValidationError as exc:",
                "    print('refused:', [e.code for e in exc.error_list])",
            ]
        ),
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "refused:" in result.stdout and "'password_demo'" in result.stdout


def test_load_demo_without_the_demo_package_says_what_to_install(tmp_path: Path) -> None:
    result = _without_demo(
        "sys.argv = ['manage.py', 'load_demo']\nfrom gongkai.manage import main\nmain()",
        tmp_path,
    )
    assert result.returncode == 1
    assert "未安装演示数据包 gongkai-demo" in result.stderr
    assert "pip install -e ./demo" in result.stderr


def test_the_demo_package_is_installed_here() -> None:
    """The development install has it (make venv), so the settings add its app."""
    from django.conf import settings

    assert "gongkai_demo" in settings.INSTALLED_APPS
