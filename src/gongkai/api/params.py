"""Parameter types shared by the API's operations."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Final

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: Any) -> Any:
    """Refuse what pydantic would otherwise read as a date: a number of seconds since 1970
    (``/days/0``) or a date-time; the date itself is then checked as usual."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return value
    raise PydanticCustomError("date_parsing", "not an ISO date (YYYY-MM-DD)")


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date_only)]
"""A date written as YYYY-MM-DD, nothing else."""
