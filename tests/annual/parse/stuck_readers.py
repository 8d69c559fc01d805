"""Readers that misbehave on purpose, patched over ``batch.parse_bytes`` (in this process,
so in the worker processes forked from it, or in a Dask worker through ``client.run``).

A file whose name holds 慢 blocks for ``STUCK`` seconds, far past the limits the tests set
(a broken limit makes the test fail, not hang); one whose name holds 胖 takes ``GREEDY``
bytes of memory, far past the caps the tests set (the memory is never written, so without
a cap it costs address space only, not the machine's memory).
"""

from __future__ import annotations

import time
from typing import Any

from gongkai.annual.parse import batch

STUCK = 60.0
GREEDY = 4 * 1024 * 1024 * 1024
CHUNK = 64 * 1024 * 1024

PARSE_BYTES = batch.parse_bytes


def misbehave(source: str) -> None:
    """Block or take memory as the name of ``source`` says (see the module's docstring)."""
    if "慢" in source:
        time.sleep(STUCK)
    if "胖" in source:
        held = [bytes(CHUNK) for _ in range(GREEDY // CHUNK)]  # calloc'd: never touched
        del held


def misbehaving(data: bytes, source: str) -> Any:
    misbehave(source)
    return PARSE_BYTES(data, source)


def install() -> None:
    batch.parse_bytes = misbehaving


def remove() -> None:
    batch.parse_bytes = PARSE_BYTES
