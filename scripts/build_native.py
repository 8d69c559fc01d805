"""Compile the reader's hot modules to C with mypyc (``gongkai.annual.parse.native``).

Run by ``make`` after the virtual environment is installed: the compiled modules go into
the environment (``native.NATIVE_DIR``), never beside the sources, with the digest of the
sources they were built from, so a module edited since is read from its source. A machine
without a C compiler keeps the plain-Python reader (slower, otherwise the same): the script
says so and succeeds. A build that fails on a machine with a compiler is an error.

    python scripts/build_native.py          # build when the sources changed
    python scripts/build_native.py --force  # build again
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import shutil
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PARSE = SRC / "gongkai" / "annual" / "parse"
MYPY_CONFIG = """[mypy]
python_version = {version}
strict = True
ignore_missing_imports = True
"""


def _native() -> ModuleType:
    """``native.py`` by its path: importing the package would load an older build."""
    spec = importlib.util.spec_from_file_location("gongkai_native_build", PARSE / "native.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _compiler() -> str | None:
    name = (sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(name)


def _compile(native: ModuleType, work: Path) -> Path:
    """Build into ``work``; the finished folder (``lib``, ``parse``, ``DIGEST``)."""
    from mypyc.build import mypycify
    from setuptools import setup

    config = work / "mypy.ini"
    config.write_text(MYPY_CONFIG.format(version=f"{sys.version_info[0]}.{sys.version_info[1]}"))
    paths = [f"gongkai/annual/parse/{name}.py" for name in native.COMPILED]
    here = Path.cwd()
    os.chdir(SRC)  # module names come from the paths under src/
    said = io.StringIO()
    try:
        # mypyc's notes on the sources ("Treating generator comprehension as list") are
        # shown only when the build fails, with its error
        with contextlib.redirect_stdout(said):
            try:
                modules = mypycify(
                    ["--config-file", str(config), *paths],
                    target_dir=str(work / "c"),
                    group_name=native.GROUP,
                )
            except BaseException:
                sys.stderr.write(said.getvalue())
                raise
        setup(
            name="gongkai-native",
            ext_modules=modules,
            script_args=[
                "--quiet",
                "build_ext",
                "--build-lib",
                str(work / "out"),
                "--build-temp",
                str(work / "tmp"),
            ],
        )
    finally:
        os.chdir(here)
    done = work / "done"
    (done / "lib").mkdir(parents=True)
    for library in (work / "out").glob(f"{native.GROUP}__mypyc*"):
        library.rename(done / "lib" / library.name)
    (work / "out" / "gongkai" / "annual" / "parse").rename(done / "parse")
    for name in native.EXTENSIONS:
        _extension(name, work, done / "parse")
    (done / "DIGEST").write_text(native.sources_digest(PARSE) + "\n", encoding="ascii")
    return done


def _extension(name: str, work: Path, parse: Path) -> None:
    """Build the C extension ``parse/NAME.c`` into ``parse``. A failure is said and
    leaves the reader without it (the tree reads every page), not without the compiled
    modules: ``make test`` (``GONGKAI_NATIVE_REQUIRED``) then fails on its absence."""
    from setuptools import Extension, setup

    here = Path.cwd()
    os.chdir(SRC)
    try:
        setup(
            name=f"gongkai-native-{name}",
            ext_modules=[
                Extension(
                    f"gongkai.annual.parse.{name}",
                    sources=[f"gongkai/annual/parse/{name}.c"],
                    extra_compile_args=["-O2", "-Wall"],
                )
            ],
            script_args=[
                "--quiet",
                "build_ext",
                "--build-lib",
                str(work / f"out-{name}"),
                "--build-temp",
                str(work / f"tmp-{name}"),
            ],
        )
    except (Exception, SystemExit) as error:
        print(f"C 扩展 {name} 编译失败（{error}）：网页读取改用 lxml 的树，结果相同，速度较慢")
        return
    finally:
        os.chdir(here)
    for built in (work / f"out-{name}" / "gongkai" / "annual" / "parse").glob(f"{name}.*"):
        built.rename(parse / built.name)


def _install(done: Path, target: Path) -> None:
    """``done`` in place of ``target``; a running reader keeps the files it opened."""
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    done.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str]) -> int:
    native = _native()
    target: Path = native.NATIVE_DIR
    if "--force" not in argv and native.available(target):
        return 0
    if _compiler() is None:
        print("没有找到 C 编译器：年报读取器以纯 Python 运行（结果相同，速度较慢）")
        return 0
    print("编译年报读取器的核心模块（mypyc，约一至三分钟）……", flush=True)
    started = time.monotonic()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="gongkai-native-", dir=target.parent))
    try:
        _install(_compile(native, work), target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"编译完成，用时 {time.monotonic() - started:.0f} 秒：{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
