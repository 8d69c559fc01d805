"""Finding a case again by its number and a secret the applicant holds.

The private token (``new_token``; only its ``digest`` is stored), the short 查询码 derived
from it (``lookup_code``, stored as ``lookup_digest``) and the last four characters of the
ID document (for an applicant who gave a mobile number). Each ``case_for_*`` answers None for
every wrong pair, comparing in constant time.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata

from .models import Application


def new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(24)
    return token, digest(token)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


LOOKUP_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def lookup_code(token: str) -> str:
    """The short 查询码 that goes with a private token (``ABCD-EFGH``): with the number it
    finds the case again when the link is lost. Derived from the token, stored as a digest."""
    raw = hashlib.sha256(b"gongkai-lookup:" + token.encode("utf-8")).digest()
    letters = "".join(LOOKUP_ALPHABET[b % 32] for b in raw[:8])
    return f"{letters[:4]}-{letters[4:]}"


def lookup_digest(number: str, code: str) -> str:
    normal = code.upper().replace("-", "").replace(" ", "").translate(str.maketrans("01", "OI"))
    return hashlib.sha256(f"{number}:{normal}".encode()).hexdigest()


def case_for_lookup(number: str, code: str) -> Application | None:
    """The case with this number whose 查询码 is ``code`` (None for every wrong pair)."""
    number = number.strip().upper()
    case = Application.objects.select_related("organ").filter(number=number).first()
    if case is None or not case.lookup_digest or not code.strip():
        return None
    if not secrets.compare_digest(case.lookup_digest, lookup_digest(number, code)):
        return None
    return case


MOBILE = re.compile(r"1[3-9]\d{9}")
"""A mainland mobile number (after dropping spaces, hyphens and a +86 prefix)."""
ID_TAIL = 4
_NO_TAIL = "\x00" * ID_TAIL


def has_mobile(phone: str) -> bool:
    """Whether ``phone`` looks like a mainland mobile number (13800000000, +86 138-0000-0000)."""
    digits = unicodedata.normalize("NFKC", phone).replace(" ", "").replace("-", "")
    digits = digits.removeprefix("+86").removeprefix("0086")
    return MOBILE.fullmatch(digits) is not None


def case_for_id_tail(number: str, tail: str) -> Application | None:
    """The case with this number whose applicant gave a mobile number and whose ID
    document ends with ``tail`` (its last 4 characters, any case, full-width accepted);
    None for every wrong pair, by the same path whether or not the number exists."""
    number = number.strip().upper()
    given = unicodedata.normalize("NFKC", tail).strip().upper()
    case = Application.objects.select_related("organ").filter(number=number).first()
    expected = _NO_TAIL
    if case is not None and has_mobile(case.phone):
        on_file = unicodedata.normalize("NFKC", case.id_number).strip().upper()
        if len(on_file) >= ID_TAIL:
            expected = on_file[-ID_TAIL:]
    matches = secrets.compare_digest(
        expected.encode("utf-8"), given.encode("utf-8") if len(given) == ID_TAIL else b"-"
    )
    return case if matches and expected != _NO_TAIL else None


def case_for_token(number: str, token: str) -> Application | None:
    case = Application.objects.select_related("organ").filter(number=number).first()
    if case is None or not token or not secrets.compare_digest(case.token_digest, digest(token)):
        return None
    return case
