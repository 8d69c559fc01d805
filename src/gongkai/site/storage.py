"""Where uploaded and generated files are kept: one storage per area, the same API for all.

Without ``GONGKAI_S3_BUCKET`` every area is a folder on this machine (the defaults below,
read on each use so tests can point them elsewhere); with it, every area is a prefix in one
S3-compatible bucket (django-storages), so any number of app servers share the files.
Either way nothing is served directly: the views that check permissions stream the file.

Areas and their folders on disk:

- ``applications``: files provided with replies and messages, under ``MEDIA_ROOT`` when it
  is set, else ``VAR_DIR/media``, in the sub-folder ``applications/``;
- ``attachments``: 主动公开 attachments, under ``VAR_DIR/attachments``;
- ``imports``: external annual reports waiting for the background worker to read them,
  under ``VAR_DIR/imports`` (removed once read).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage

AREAS = ("applications", "attachments", "imports")


def object_store_configured() -> bool:
    return bool(getattr(settings, "GONGKAI_S3", None))


def area_storage(area: str) -> Storage:
    """The storage for one area: a folder here, or a prefix in the shared bucket."""
    if area not in AREAS:
        raise ValueError(f"unknown storage area {area!r}")
    if object_store_configured():
        return _bucket(area)
    return FileSystemStorage(location=str(_local_folder(area)))


def _local_folder(area: str) -> Path:
    if area == "applications":
        media = str(getattr(settings, "MEDIA_ROOT", "") or "")
        base = Path(media) if media else Path(settings.VAR_DIR) / "media"
        return base.resolve() / "applications"
    return (Path(settings.VAR_DIR) / area).resolve()


@lru_cache(maxsize=len(AREAS))
def _bucket(area: str) -> Storage:
    try:
        from storages.backends.s3 import S3Storage
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise ImproperlyConfigured(
            "已设置 GONGKAI_S3_BUCKET，但未安装对象存储支持：请安装 gongkai[s3]"
            "（pip install 'gongkai[s3]'）"
        ) from error
    # Only called when GONGKAI_S3_BUCKET is set, so the options are not None.
    options = dict(cast("dict[str, object]", settings.GONGKAI_S3))
    bucket: Storage = S3Storage(location=area, **options)
    return bucket


class AreaStorage(Storage):
    """A storage that asks ``area_storage`` on every call: a model field can hold it
    while the folder (tests) or the bucket (deployment) is decided at run time."""

    def __init__(self, area: str) -> None:
        if area not in AREAS:
            raise ValueError(f"unknown storage area {area!r}")
        self.area = area

    def deconstruct(self) -> tuple[str, tuple[str], dict[str, object]]:
        return ("gongkai.site.storage.AreaStorage", (self.area,), {})

    def _target(self) -> Storage:
        return area_storage(self.area)

    def _open(self, name: str, mode: str = "rb") -> File[Any]:
        return self._target().open(name, mode)

    def _save(self, name: str, content: File[Any]) -> str:
        return self._target().save(name, content)

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        return self._target().get_available_name(name, max_length=max_length)

    def delete(self, name: str) -> None:
        self._target().delete(name)

    def exists(self, name: str) -> bool:
        return self._target().exists(name)

    def size(self, name: str) -> int:
        return self._target().size(name)

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        return self._target().listdir(path)

    def url(self, name: str | None) -> str:
        return self._target().url(name)

    def path(self, name: str) -> str:
        return self._target().path(name)
