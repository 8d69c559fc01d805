"""The working-day calendar's database side: overrides, State Council notices, change log.

``gongkai.deadlines`` computes; this app stores what administrators enter, builds the
calendar the rest of the site uses (``calendar.current_calendar()``), and announces every
change (``signals.calendar_changed``) so open cases can recompute their due dates.
"""
