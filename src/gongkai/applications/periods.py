"""The Regulation's working-day periods that casework counts with."""

from __future__ import annotations

from typing import Final

ANSWER_DAYS: Final = 20
"""Working days to answer (Art 33)."""
CORRECTION_REPLY_DAYS: Final = 15
"""Working days the applicant is given to correct, by default."""
INTERNAL_TARGET_MARGIN: Final = 3
"""Working days ahead of the statutory date that the organ's own target falls."""
