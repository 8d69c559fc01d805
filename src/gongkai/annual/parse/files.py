"""Reading one file of a batch: a regular file only, never through a link, within a size.

A FIFO would block the run forever and a link to ``/dev/zero`` would read until memory
runs out; both are refused with a code, as is a file larger than any annual report.
``collect_paths`` has already replaced the links that stay inside a folder given by their
targets, so a link met here leads outside it (or was named directly).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO, Final

from .unreadable import UnreadableDocument

MAX_FILE_BYTES: Final = 256 * 1024 * 1024


def read_regular(path: str | Path, source: str) -> bytes:
    """The bytes of ``path`` or ``UnreadableDocument`` saying why not."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise UnreadableDocument("FILE_NOT_FOUND", "文件不存在", source=source) from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableDocument(
                "LINK_OUTSIDE",
                "是符号链接，指向所给文件夹之外（或直接给出了链接），未读取；请给出它指向的文件",
                source=source,
            ) from exc
        if exc.errno == errno.EISDIR or Path(path).is_dir():
            raise UnreadableDocument(
                "FILE_UNREADABLE", "是无法读取的文件夹（权限不足），其中的文件未读取", source=source
            ) from exc
        raise UnreadableDocument(
            "FILE_UNREADABLE", f"无法读取文件（{exc.strerror}）", source=source
        ) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableDocument(
                "FILE_UNREADABLE", "是无法读取的文件夹（权限不足），其中的文件未读取", source=source
            )
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableDocument(
                "NOT_A_FILE", "不是普通文件（管道、设备或套接字），未读取", source=source
            )
        if info.st_size > MAX_FILE_BYTES:
            raise UnreadableDocument(
                "TOO_LARGE",
                f"文件大小超过 {MAX_FILE_BYTES // 1024 // 1024} MB，不像年度报告，未读取",
                source=source,
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return _read_at_most(stream, MAX_FILE_BYTES, expected=info.st_size)
    finally:
        os.close(fd)


def _read_at_most(stream: BinaryIO, limit: int, *, expected: int) -> bytes:
    """At most ``limit`` bytes of ``stream``, which ``stat`` says holds ``expected``.

    Not ``read(limit)``: that asks for the whole limit (256 MB) up front on every file, which
    a worker under a memory cap (``--max-memory``) cannot have. The file may grow while it is
    read; whatever lies past ``limit`` is left unread."""
    data = stream.read(min(expected, limit) + 1)
    if len(data) <= expected or len(data) > limit:
        return data[:limit]
    chunks = [data]
    size = len(data)
    while size < limit:
        chunk = stream.read(min(limit - size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def is_url(name: str | Path) -> bool:
    """``s3://bucket/key``, ``https://…``: read through fsspec, not from this disk."""
    text = str(name)
    scheme, sep, _ = text.partition("://")
    return bool(sep) and scheme.isascii() and scheme.isalnum()


def read_url(url: str, source: str) -> bytes:
    """The bytes behind ``url`` (an object store or web address, via fsspec), within the
    same size limit as a file; ``UnreadableDocument`` saying why not."""
    try:
        import fsspec
    except ImportError as exc:
        raise UnreadableDocument(
            "FILE_UNREADABLE",
            "读取网址或对象存储需要 fsspec（pip install 'gongkai[cluster]'）",
            source=source,
        ) from exc
    try:
        with fsspec.open(url, "rb") as stream:
            data = bytes(stream.read(MAX_FILE_BYTES + 1))
    except FileNotFoundError as exc:
        raise UnreadableDocument("FILE_NOT_FOUND", "文件不存在", source=source) from exc
    except Exception as exc:  # a protocol library's own errors: permissions, network, …
        raise UnreadableDocument(
            "FILE_UNREADABLE", f"无法读取（{type(exc).__name__}: {exc}）", source=source
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableDocument(
            "TOO_LARGE",
            f"文件大小超过 {MAX_FILE_BYTES // 1024 // 1024} MB，不像年度报告，未读取",
            source=source,
        )
    return data


def list_url(url: str) -> list[str]:
    """The objects under ``url`` (a folder or prefix, recursively, sorted, hidden names
    skipped), or ``[url]`` when it names one object."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    protocol = url.split("://", 1)[0]
    if not fs.isdir(root):
        return [url]
    found = sorted(str(p) for p in fs.find(root))
    return [
        f"{protocol}://{p}"
        for p in found
        if not any(part.startswith(".") for part in p[len(root) :].split("/"))
    ]
