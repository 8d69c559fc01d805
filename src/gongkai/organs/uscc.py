"""统一社会信用代码 (GB 32100-2015): structure and check digit."""

from __future__ import annotations

from django.core.exceptions import ValidationError

# The 31 characters the code may use (no I, O, Z, S, V), in the order of their values.
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
VALUES = {ch: i for i, ch in enumerate(CHARSET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


def check_digit(first17: str) -> str:
    """The 18th character for the first 17 (GB 32100-2015, 4.3 and appendix)."""
    if len(first17) != LENGTH - 1:
        raise ValueError(f"计算校验码需要17位，读到{len(first17)}位")
    total = sum(VALUES[ch] * weight for ch, weight in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def problems(code: str) -> list[str]:
    """Every way ``code`` fails to be a valid 统一社会信用代码 (empty when valid)."""
    if len(code) != LENGTH:
        return [f"统一社会信用代码应为18位，读到{len(code)}位"]
    found = []
    for position, ch in enumerate(code, start=1):
        if ch not in VALUES:
            found.append(
                f"第{position}位“{ch}”不是统一社会信用代码允许的字符"
                "（数字或除 I、O、S、V、Z 以外的大写字母）"
            )
    if found:
        return found
    expected = check_digit(code[:-1])
    if code[-1] != expected:
        return [f"校验码（第18位）应为“{expected}”，读到“{code[-1]}”，请核对代码是否抄错"]
    return []


def validate_uscc(value: str) -> None:
    """Django validator for model and form fields."""
    found = problems(value)
    if found:
        raise ValidationError("；".join(found), code="invalid_uscc", params={"value": value})
