"""The reader's hot modules compiled to C (mypyc), used when they match the source.

``scripts/build_native.py`` (run by ``make``) compiles ``COMPILED`` (and builds the C
``EXTENSIONS``) into the virtual environment, in ``NATIVE_DIR``, with the digest of the
sources it compiled. When this
package is imported, ``activate`` puts the compiled modules ahead of the source files, but
only when that digest is the digest of the sources here now: an edited module is never
shadowed by an older build (the reader then runs as plain Python, slower and otherwise the
same). ``GONGKAI_NATIVE=0`` turns the compiled modules off; ``GONGKAI_NATIVE_DIR`` puts
them elsewhere (a checkout beside the one the environment was installed from).

Compiled, a call from one compiled module to another is direct, and a ``Final`` constant is
built into the code: a test that replaces a function or a constant reaches the compiled
reader only through a module it leaves out, or through a constant that is not ``Final``.

Modules left out: the orchestration (``reader``, ``recognize``, the batch), whose calls
tests replace; the DOCX and PDF readers, whose time is spent in lxml and pdfium.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

COMPILED = (
    "cells",
    "detect",
    "digit_runs",
    "document",
    "flat_tables",
    "grid",
    "labels",
    "meta",
    "normalize",
    "notes",
    "placeholders",
    "read_html",
    "read_mixed",
    "read_text",
    "rows",
    "sections",
    "split_columns",
    "tables",
    "tables_grid",
    "tables_text",
)
"""Modules of this package compiled, by name."""

EXTENSIONS = ("_html_scan",)
"""C extension modules of this package (``NAME.c``), built beside the compiled modules:
``_html_scan`` reads the common web page without building its tree (``read_html``). A
machine whose compiler fails on one keeps the compiled modules without it."""

GROUP = "gongkai_parse"
"""The name of the shared library the compiled modules live in (``GROUP__mypyc``)."""

NATIVE_DIR = Path(os.environ.get("GONGKAI_NATIVE_DIR") or Path(sys.prefix) / "gongkai-native")
"""Where the build puts them (by default in the virtual environment): ``lib`` (the shared
library), ``parse`` (one small module per compiled module) and ``DIGEST``."""

HERE = Path(__file__).resolve().parent


def sources_digest(folder: Path = HERE) -> str:
    """What a build is valid for: the compiled modules' and extensions' sources and this
    Python."""
    digest = hashlib.sha256(sys.version.encode())
    for name in COMPILED:
        digest.update(name.encode() + b"\0")
        digest.update((folder / f"{name}.py").read_bytes())
    for name in EXTENSIONS:
        digest.update(name.encode() + b".c\0")
        digest.update((folder / f"{name}.c").read_bytes())
    return digest.hexdigest()


def available(native_dir: Path = NATIVE_DIR) -> bool:
    """Whether a build for the sources here now is in ``native_dir``."""
    if os.environ.get("GONGKAI_NATIVE", "1") == "0":
        return False
    try:
        built = (native_dir / "DIGEST").read_text(encoding="ascii").strip()
        return built == sources_digest()
    except OSError:
        return False


def activate(package_path: list[str], native_dir: Path = NATIVE_DIR) -> bool:
    """Put the compiled modules ahead of the sources on the package's ``__path__`` when
    they are current; whether they are."""
    if not available(native_dir):
        return False
    lib = str(native_dir / "lib")
    if lib not in sys.path:
        sys.path.append(lib)
    modules = str(native_dir / "parse")
    if modules not in package_path:
        package_path.insert(0, modules)
    return True


def in_use() -> bool:
    """Whether this process reads with the compiled modules."""
    module = sys.modules.get(f"{__package__}.tables")
    return module is not None and not str(getattr(module, "__file__", "")).endswith(".py")
