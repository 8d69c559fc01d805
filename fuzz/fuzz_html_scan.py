"""Fuzz the C markup scanner (``_html_scan``) under AddressSanitizer.

No libFuzzer here (it needs clang): this driver builds the scanner with
``-fsanitize=address,undefined``, then feeds it pages mutated from the fixtures and the
generated pages of the parity tests (byte flips, spliced markup, truncations, entity and
tag fragments), and checks every page it reads against lxml's tree (``read_html._walk``).
A memory error aborts the run with ASan's report; a difference in reading fails it.

    python fuzz/fuzz_html_scan.py [SECONDS] [SEED]

It re-runs itself with ``LD_PRELOAD`` set to gcc's ``libasan.so`` (the interpreter is
not built with ASan).
"""

from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "gongkai" / "annual" / "parse" / "_html_scan.c"
SANITIZE = ["-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-fno-sanitize-recover"]

FRAGMENTS = (
    "<", ">", "</", "<!--", "-->", "--!>", "<!DOCTYPE html>", "&", "&#", "&#x", ";", "&nbsp;",
    "&amp", "&#20013;", "&#xFFFF;", "&#0;", "<td>", "</td>", "<tr>", "</tr>", "<table>",
    "</table>", "<p>", "</p>", "<div>", "</div>", "<span>", "<br/>", "<script>", "</script>",
    "<style>", "</style>", "<caption>", "</caption>", "<sup>", "<tbody>", "<col>", "\r\n",
    "\r", "\n", "\x00", "\x0b", "\ufeff", "\ud800", "\U0001fffe", "\x85", " rowspan=2",
    ' colspan="3"', " class=nav", ' id="footer"', " hidden", " role=banner", "'", '"', "=",
    "本年新收", "申请人情况", "第二十条第", "<html>", "</html>", "<body>", "</body>", "<head>",
    "</head>", "<title>", "<iframe srcdoc='<p>'>", "<noscript>", "<o:p>", "</o:p>",
    "<![if !supportLists]>", "<![endif]>", "<![", "<span style='mso-list:Ignore'>",
    " style='mso-list: ignore'", "</span>", " x:num", ' x:num="0"', " X:NUM='1.5'", "-",
    "－", "mso-list",
)  # fmt: skip


def _build(folder: Path) -> ModuleType:
    include = sysconfig.get_paths()["include"]
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    target = folder / f"_html_scan{suffix}"
    subprocess.run(
        ["gcc", "-O1", "-g", "-shared", "-fPIC", *SANITIZE, f"-I{include}", str(SOURCE),
         "-o", str(target)],
        check=True,
    )  # fmt: skip
    spec = importlib.util.spec_from_file_location("_html_scan", target)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seeds() -> list[str]:
    from gongkai.annual.parse.detect import decode_text, sniff
    from tests.annual.parse.as_documents import as_html

    pages = []
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".html", ".htm", ".txt"):
            continue
        kind, decoded = sniff(path.read_bytes())
        if decoded is None:
            continue
        if kind == "html":
            pages.append(decoded.text)
        elif kind == "text" and len(pages) < 400:
            built = decode_text(as_html(decoded.text, furniture=True))
            if built is not None:
                pages.append(built.text)
    return pages


def _mutate(r: random.Random, page: str) -> str:
    for _ in range(r.randint(1, 8)):
        roll = r.random()
        at = r.randint(0, len(page))
        if roll < 0.4:
            page = page[:at] + r.choice(FRAGMENTS) + page[at:]
        elif roll < 0.6:
            page = page[:at] + page[at + r.randint(1, 40) :]
        elif roll < 0.75 and page:
            start = r.randint(0, len(page) - 1)
            page = page[:at] + page[start : start + r.randint(1, 200)] + page[at:]
        elif roll < 0.85:
            page = page[:at]
        else:
            page = page[:at] + chr(r.randint(0, 0x10FFFF)) + page[at:]
    return page


def main(argv: list[str]) -> int:
    seconds = float(argv[0]) if argv else 60.0
    seed = int(argv[1]) if len(argv) > 1 else 1
    if "LD_PRELOAD" not in os.environ:
        asan = subprocess.run(
            ["gcc", "-print-file-name=libasan.so"], capture_output=True, text=True, check=True
        ).stdout.strip()
        env = {**os.environ, "LD_PRELOAD": asan, "ASAN_OPTIONS": "detect_leaks=0"}
        return subprocess.run([sys.executable, __file__, *argv], env=env).returncode
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    with tempfile.TemporaryDirectory() as folder:
        scanner = _build(Path(folder))
        from tests.annual.parse.test_html_scan import check_parity, generated_page

        pages = _seeds()
        r = random.Random(seed)
        runs = read = 0
        ends = time.monotonic() + seconds
        while time.monotonic() < ends:
            base = r.choice(pages) if r.random() < 0.7 else generated_page(r)
            page = _mutate(r, base)
            runs += 1
            read += check_parity(page, scanner.scan)
        print(f"{runs} pages, {read} read by the scanner, all as the tree reads them")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
