"""File names as the batch prints and writes them: losslessly, and safe on a terminal.

A name that is not valid UTF-8 (a GBK ``年报.txt`` unpacked from a Windows zip) arrives
from the file system with surrogate escapes, which no UTF-8 writer accepts; a name may
also hold terminal escape sequences. Each such byte or control character is written as
``\\xNN`` (and a backslash as ``\\\\``), so the output names every file exactly and
``shown_name`` never raises.
"""

from __future__ import annotations

import os


def shown_name(path: str | os.PathLike[str]) -> str:
    raw = os.fsencode(path)
    text = raw.decode("utf-8", "backslashreplace") if b"\\" not in raw else _escape_backslashes(raw)
    return "".join(
        f"\\x{ord(ch):02x}" if (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0) else ch for ch in text
    )


def _escape_backslashes(raw: bytes) -> str:
    return "\\\\".join(part.decode("utf-8", "backslashreplace") for part in raw.split(b"\\"))
