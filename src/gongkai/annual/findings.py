"""What a check says about a report: findings with stable codes, never exceptions."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "notice": "提示"}[self.value]


@dataclass(frozen=True)
class Finding:
    """One thing a rule found.

    ``code`` is stable (e.g. ``T3.E001``) so users, tests and the API can cite it;
    ``message`` is Chinese and names the cells and the numbers; ``cells`` are the dotted
    cell keys involved (see ``schema.cell_key``); ``hint`` says how to fix it when known.
    """

    code: str
    severity: Severity
    message: str
    cells: tuple[str, ...] = ()
    hint: str = ""
    data: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "cells": list(self.cells),
        }
        if self.hint:
            out["hint"] = self.hint
        return out


@dataclass(frozen=True)
class Rule:
    """What one check looks at, described so a user interface can list what gets checked.

    ``title`` is a short Chinese name, ``description`` says in Chinese what the rule
    compares and when it cannot run (then it reports a notice, never a false error).
    """

    code: str
    severity: Severity
    title: str
    description: str

    def to_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "title": self.title,
            "description": self.description,
        }
