"""Other working-day periods of the Regulation, on the same calendar and convention.

Each is "N working days from a day", counted like the answer period: the day itself does
not count, day 1 is the next working day (``WorkCalendar.add_workdays``).
"""

from __future__ import annotations

from datetime import date

from .calendar import WorkCalendar

PROACTIVE_DISCLOSURE_WORKDAYS = 20  # 条例第二十六条
CONSULTATION_REPLY_WORKDAYS = 15  # 条例第三十二条、第三十四条
CORRECTION_NOTICE_WORKDAYS = 7  # 条例第三十条
FEE_PAYMENT_WORKDAYS = 20  # 四川省实施通知（LEGAL.md B，[P]）


def proactive_disclosure_due(
    formed: date, calendar: WorkCalendar, workdays: int = PROACTIVE_DISCLOSURE_WORKDAYS
) -> date:
    """Last day to publish information formed or changed on ``formed`` (条例第二十六条).

    ``workdays`` is there for a law or regulation that sets another limit, which prevails.
    """
    return calendar.add_workdays(formed, workdays)


def consultation_reply_due(request_received: date, calendar: WorkCalendar) -> date:
    """Last day for a third party or another organ to reply to a consultation (15 working
    days from receiving the request; 条例第三十二条、第三十四条)."""
    return calendar.add_workdays(request_received, CONSULTATION_REPLY_WORKDAYS)


def correction_notice_due(received: date, calendar: WorkCalendar) -> date:
    """Last day to ask, once, for a correction (7 working days from receipt; 条例第三十条)."""
    return calendar.add_workdays(received, CORRECTION_NOTICE_WORKDAYS)


def fee_payment_due(notice_received: date, calendar: WorkCalendar) -> date:
    """Last day to pay the 信息处理费: 20 working days from the day after the applicant
    received the fee notice (Sichuan's implementing notice; the national text is [U])."""
    return calendar.add_workdays(notice_received, FEE_PAYMENT_WORKDAYS)
