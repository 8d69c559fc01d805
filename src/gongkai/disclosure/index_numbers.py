"""索引号: the number an item gets once, per organ, and never again.

An organ's pattern is a template with the placeholders ``{统一社会信用代码}`` (or its
English alias ``{code}``), ``{year}`` and ``{serial}`` (optionally with a width, e.g.
``{serial:05d}``). The default gives numbers like ``11330524MB15359635/2024-00007``, as
printed at the top of the seed reports. A pattern without ``{year}`` counts on across
years; one with ``{year}`` starts again at 1 each year, so the year keeps numbers apart.
The serial counter itself lives in the database (``models.IndexSerial``); this module
only checks patterns and turns (code, year, serial) into text and back.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Final

DEFAULT_PATTERN: Final = "{统一社会信用代码}/{year}-{serial:05d}"

_ALIASES: Final = {"统一社会信用代码": "code", "code": "code", "year": "year", "serial": "serial"}
_CREDIT_CHARS: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS: Final = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


class PatternError(ValueError):
    """An unusable 索引号 pattern; the message names the pattern and the fix."""


def credit_code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid 统一社会信用代码 (GB 32100-2015), or None."""
    if len(code) != 18:
        return f"统一社会信用代码“{code}”应为18位，实际为{len(code)}位"
    bad = [c for c in code if c not in _CREDIT_CHARS]
    if bad:
        return f"统一社会信用代码“{code}”含有不允许的字符“{bad[0]}”（不使用 I、O、Z、S、V）"
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    check = _CREDIT_CHARS[(31 - total % 31) % 31]
    if code[17] != check:
        return f"统一社会信用代码“{code}”的校验位应为“{check}”，实际为“{code[17]}”"
    return None


@dataclass(frozen=True)
class IndexPattern:
    """A checked 索引号 template."""

    template: str
    fields: tuple[str, ...]
    regex: re.Pattern[str]

    @classmethod
    def parse(cls, template: str = DEFAULT_PATTERN) -> IndexPattern:
        fields: list[str] = []
        regex = ""
        normal = ""
        try:
            parsed = list(string.Formatter().parse(template))
        except ValueError as exc:
            raise PatternError(f"索引号规则“{template}”的花括号不配对：{exc}") from None
        for literal, name, spec, conversion in parsed:
            regex += re.escape(literal)
            normal += literal.replace("{", "{{").replace("}", "}}")
            if name is None:
                continue
            key = _ALIASES.get(name)
            if key is None or conversion:
                allowed = "、".join("{" + n + "}" for n in ("统一社会信用代码", "year", "serial"))
                raise PatternError(
                    f"索引号规则“{template}”中的“{{{name}}}”无法识别：可用 {allowed}"
                )
            if key in fields:
                raise PatternError(f"索引号规则“{template}”中“{{{name}}}”出现了两次")
            fields.append(key)
            if key == "serial":
                if spec and not re.fullmatch(r"0?\d*d", spec):
                    raise PatternError(f"索引号规则“{template}”中流水号格式“{spec}”无效：应如“05d”")
                regex += r"(?P<serial>\d+)"
                normal += "{serial" + (":" + spec if spec else "") + "}"
            elif key == "year":
                regex += r"(?P<year>\d{4})"
                normal += "{year}"
            else:
                regex += r"(?P<code>[0-9A-Z]+)"
                normal += "{code}"
        if "serial" not in fields:
            raise PatternError(
                f"索引号规则“{template}”缺少流水号 {{serial}}：没有流水号，索引号会重复"
            )
        return cls(normal, tuple(fields), re.compile(regex + r"\Z"))

    @property
    def yearly(self) -> bool:
        """Whether serials start again each year (the pattern holds the year)."""
        return "year" in self.fields

    def scope_year(self, year: int) -> int:
        """The counter a number for ``year`` draws from (0: one counter for all years)."""
        return year if self.yearly else 0

    def format(self, *, code: str, year: int, serial: int) -> str:
        if serial < 1:
            raise ValueError(f"流水号应为正整数，实际为 {serial}")
        return self.template.format(code=code, year=year, serial=serial)

    def read(self, number: str) -> dict[str, str] | None:
        """The parts of ``number`` if this pattern made it, else None."""
        match = self.regex.match(number)
        return match.groupdict() if match else None
