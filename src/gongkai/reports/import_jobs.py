"""Importing external reports in the background: the request stores the files and queues
a job; the worker (``run``) reads them one by one, each in its own transaction through
``services.import_reports``, and records each file's outcome as it goes, so the job's page
shows the progress. A file is never parsed inside a web request.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from gongkai.organs.models import Organ
from gongkai.site.storage import area_storage

from . import imports, rules, services
from .models import ImportJob

STALLED_AFTER = timedelta(minutes=5)
"""A queued job older than this: the page says the background worker may not be running."""


def start(
    office: Organ,
    uploads: Sequence[Any],
    actor: Any,
    *,
    organ: Organ | None = None,
    year: int,
    chosen_year: int | None = None,
) -> ImportJob:
    """Store the uploaded files and queue their import (after the transaction commits).

    A file over the size limit is not stored: its outcome is decided here already."""
    if not rules.can_roll_up(actor, office):
        raise services.NotAllowed("只有主管部门监督人员可以导入外部年度报告")
    if len(uploads) > imports.MAX_FILES:
        raise services.InvalidInput(
            f"一次最多导入{imports.MAX_FILES}个文件，收到{len(uploads)}个，请分批导入"
        )
    storage = area_storage("imports")
    entries: list[dict[str, str | None]] = []
    try:
        for upload in uploads:
            name = upload.name or "（未命名文件）"
            if upload.size is not None and upload.size > imports.MAX_BYTES:
                refused = imports.too_large(upload.size)
                entries.append({"name": name, "stored": None, "refused": refused})
                continue
            content = ContentFile(upload.read(imports.MAX_BYTES + 1))
            stored = storage.save(f"{office.pk}/{secrets.token_hex(16)}", content)
            entries.append({"name": name, "stored": stored, "refused": None})
        job = _record(office, year, organ, chosen_year, actor, entries)
    except BaseException:
        for entry in entries:  # a refused or failed request leaves no file behind
            if entry["stored"]:
                storage.delete(entry["stored"])
        raise
    transaction.on_commit(lambda: enqueue(job))
    return job


def _record(
    office: Organ,
    year: int,
    organ: Organ | None,
    chosen_year: int | None,
    actor: Any,
    entries: list[dict[str, str | None]],
) -> ImportJob:
    return ImportJob.objects.create(
        office=office, year=year, organ=organ, chosen_year=chosen_year, actor=actor, files=entries
    )


def enqueue(job: ImportJob) -> None:
    from django_q.tasks import async_task

    async_task("gongkai.reports.import_jobs.run", job.pk, task_name=f"导入外部年报（任务{job.pk}）")


def run(job_id: int) -> str:
    """The worker's task: read every file of the job, recording each outcome as it goes.
    Safe to run twice or at once: only the run that moves the job out of 排队中 works."""
    claimed = ImportJob.objects.filter(pk=job_id, state=ImportJob.QUEUED).update(
        state=ImportJob.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return f"导入任务{job_id}已由其他进程处理或不存在"
    job = ImportJob.objects.select_related("office", "organ", "actor").get(pk=job_id)
    storage = area_storage("imports")
    try:
        for entry in job.files[job.done :]:
            job.outcomes.append(_read_one(job, storage, entry))
            ImportJob.objects.filter(pk=job.pk).update(outcomes=job.outcomes)
    except Exception as exc:
        ImportJob.objects.filter(pk=job.pk).update(
            state=ImportJob.FAILED,
            error=f"导入中断（{type(exc).__name__}: {exc}），已读取的文件保留",
            finished_at=timezone.now(),
        )
        raise
    finally:
        for entry in job.files:
            if entry.get("stored"):
                storage.delete(entry["stored"])
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.DONE, finished_at=timezone.now())
    stored = sum(1 for o in job.outcomes if o["ok"])
    return f"读取{len(job.outcomes)}个文件，导入{stored}个"


def _read_one(job: ImportJob, storage: Any, entry: dict[str, Any]) -> dict[str, Any]:
    name = str(entry["name"])
    if entry.get("refused"):
        return {"source": name, "ok": False, "message": entry["refused"], "pk": None}
    with storage.open(entry["stored"], "rb") as handle:
        content = bytes(handle.read())
    if job.actor is None:
        return {"source": name, "ok": False, "message": "导入人的账号已删除，未导入", "pk": None}
    (outcome,) = services.import_reports(
        job.office,
        [imports.Upload(name, content)],
        job.actor,
        organ=job.organ,
        year=job.chosen_year,
    )
    return {
        "source": outcome.source,
        "ok": outcome.ok,
        "message": outcome.message,
        "pk": outcome.row.pk if outcome.row else None,
    }


def stalled(job: ImportJob) -> bool:
    return job.state == ImportJob.QUEUED and timezone.now() - job.created_at > STALLED_AFTER
