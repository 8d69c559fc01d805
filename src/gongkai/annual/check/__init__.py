"""Rules over an annual report (and last year's): findings with stable codes, never exceptions.

``check(report, last_year=None)`` returns every finding, sorted by table then code;
``RULES`` describes every rule (code, severity, Chinese title and description) so a user
interface can list what gets checked.
"""

from ..findings import Finding, Rule, Severity
from .engine import RULES, check

__all__ = ["RULES", "Finding", "Rule", "Severity", "check"]
