from django.apps import AppConfig

from gongkai.core.mounts import Mount


class WorkCalendarConfig(AppConfig):
    name = "gongkai.workcalendar"
    label = "workcalendar"
    verbose_name = "工作日历"
    mounts = (Mount("office/calendar/", "gongkai.workcalendar.urls"),)
