"""The append-only audit record: the base of every table that says who did what, when.

A row of such a table is written once and never changed or removed through the ORM:

- ``save()`` of a row already in the database, ``delete()`` of a row, and the queryset's
  ``update()``, ``delete()`` and ``bulk_update()`` raise ``AppendOnlyError``;
- a new row is always inserted (``force_insert``), so a new object given the id of an
  existing row fails instead of overwriting it.

Deleting the record a history belongs to (a case, a message, a draft, an organ's
member) still removes its history with it. Django's cascade does not go through the
model or the default manager (``Collector`` deletes with ``_raw_delete`` or a
``DeleteQuery`` on ``_base_manager``), and this is deliberate: what is refused is
rewriting the history of a record that still exists, not removing a record as a whole
(which the product never does for casework; an administrator or a test may). Items of
主动公开 keep ``PROTECT`` on their history, so an item with a history cannot be removed.

``_base_manager`` stays Django's plain manager (Django uses it for its own work). A test
that must build a past state or tear down data may use it; application code must not.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone

MESSAGE = "办理记录只增不改：不能修改或删除已写入的记录"


class AppendOnlyError(Exception):
    """An attempt to change or remove a written audit row (a programming error)."""

    def __init__(self, model: type[models.Model] | None = None) -> None:
        super().__init__(MESSAGE)
        self.model = model


class AppendOnlyQuerySet(models.QuerySet):  # type: ignore[type-arg]
    """Reads, ``create`` and ``bulk_create`` as usual; no ``update``, ``delete`` or
    ``bulk_update``."""

    def _refuse(self) -> NoReturn:
        raise AppendOnlyError(self.model)

    def update(self, **kwargs: Any) -> NoReturn:
        self._refuse()

    def delete(self) -> NoReturn:
        self._refuse()

    def bulk_update(
        self, objs: Iterable[models.Model], fields: Iterable[str], batch_size: int | None = None
    ) -> NoReturn:
        self._refuse()

    # update_or_create would reach save() of an existing row and fail there; refuse it
    # before anything is looked up so the caller sees why at once.
    def update_or_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        self._refuse()

    async def aupdate(self, **kwargs: Any) -> NoReturn:
        self._refuse()

    async def adelete(self) -> NoReturn:
        self._refuse()

    async def abulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        self._refuse()

    async def aupdate_or_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        self._refuse()


class AppendOnly(models.Model):
    """Abstract base of a table whose rows are only ever added (see the module)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(type(self))
        kwargs["force_insert"] = kwargs.get("force_insert") or True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(type(self))


class AuditEvent(AppendOnly):
    """Abstract base of the tables that say who did what, when and why, in one vocabulary:

    - ``actor``: the user who did it (kept empty when the account is later removed);
    - ``at``: when it was recorded;
    - ``action``: what was done, a stable code of the table's own workflow or list;
    - ``reason``: why, or what the person wrote with it (an opinion, a note);
    - ``before`` / ``after``: what changed, where the table records it (a state, a list of
      roles), declared by the child in the type it needs.

    A child may redeclare a field to narrow it (choices, ``PROTECT``), keeping the name.
    """

    VOCABULARY = ("actor", "at", "action", "reason", "before", "after")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="操作人",
    )
    at = models.DateTimeField("时间", default=timezone.now)
    action = models.CharField("操作", max_length=40)
    reason = models.TextField("理由或说明", blank=True, default="")

    class Meta:
        abstract = True
