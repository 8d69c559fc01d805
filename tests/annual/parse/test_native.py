"""The compiled reader (``native``): used only when built from the sources as they are now,
and reading every document exactly as the plain-Python reader does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import gongkai.annual.parse
from gongkai.annual.parse import native, parse_bytes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"
SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx"}


def _documents() -> list[Path]:
    found = [p for p in sorted(FIXTURES.rglob("*")) if p.suffix in SUFFIXES]
    if SEEDS.is_dir():
        found += sorted(SEEDS.glob("*.txt"))
    return found


_READ_ALL = """
import json, sys
from pathlib import Path
from gongkai.annual.parse import native, parse_bytes

assert not native.in_use()
out = {}
for name in sys.argv[1:]:
    out[name] = parse_bytes(Path(name).read_bytes(), Path(name).name).to_dict()
print(json.dumps(out, ensure_ascii=False, default=str))
"""


@pytest.mark.skipif(not native.in_use(), reason="编译版读取器未构建或已过期（make native）")
def test_the_compiled_reader_reads_every_document_as_the_source_does() -> None:
    documents = _documents()
    assert len(documents) > 100
    plain = subprocess.run(
        [sys.executable, "-c", _READ_ALL, *map(str, documents)],
        env={**os.environ, "GONGKAI_NATIVE": "0"},
        capture_output=True,
        check=True,
    )
    expected = json.loads(plain.stdout)
    for path in documents:
        got = parse_bytes(path.read_bytes(), path.name).to_dict()
        assert json.loads(json.dumps(got, ensure_ascii=False, default=str)) == expected[str(path)]


def test_make_test_runs_on_the_compiled_reader() -> None:
    if os.environ.get("GONGKAI_NATIVE_REQUIRED") != "1":
        pytest.skip("只在 make test 中要求编译版（它先运行 make native）")
    assert native.in_use(), "make native 构建的编译版读取器未被使用：源文件在构建后被修改？"


def _build(folder: Path, digest: str) -> Path:
    (folder / "lib").mkdir(parents=True)
    (folder / "parse").mkdir()
    (folder / "DIGEST").write_text(digest + "\n", encoding="ascii")
    return folder


def test_a_build_of_other_sources_is_never_used(tmp_path: Path) -> None:
    stale = _build(tmp_path / "stale", "0" * 64)
    path = ["src"]
    assert not native.activate(path, stale)
    assert path == ["src"]


def test_a_build_of_these_sources_goes_ahead_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    current = _build(tmp_path / "current", native.sources_digest())
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delenv("GONGKAI_NATIVE", raising=False)
    path = ["src"]
    assert native.activate(path, current)
    assert path == [str(current / "parse"), "src"]
    assert str(current / "lib") in sys.path
    monkeypatch.setenv("GONGKAI_NATIVE", "0")
    assert not native.available(current)


def test_the_package_itself_is_always_read_from_its_source() -> None:
    assert gongkai.annual.parse.__file__ is not None
    assert gongkai.annual.parse.__file__.endswith("__init__.py")
    assert (Path(gongkai.annual.parse.__file__).parent / "native.py").is_file()
