# The calendar's change log in the audit tables' vocabulary (gongkai.core.models.AuditEvent):
# ``by`` becomes ``actor``, and each row says its ``action``.

import django.utils.timezone
from django.db import migrations, models


def name_the_actions(apps, schema_editor):
    CalendarChange = apps.get_model("workcalendar", "CalendarChange")
    for prefix, action in (("录入", "notice_entered"), ("更新", "notice_updated"), ("删除", "day_removed")):
        CalendarChange._base_manager.filter(summary__startswith=prefix).update(action=action)


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0002_coveragereminder")]

    operations = [
        migrations.RenameField("calendarchange", "by", "actor"),
        migrations.AlterField(
            model_name="calendarchange",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="时间"),
        ),
        migrations.AddField(
            model_name="calendarchange",
            name="action",
            field=models.CharField(
                choices=[
                    ("notice_entered", "录入放假安排"),
                    ("notice_updated", "更新放假安排"),
                    ("day_set", "调整单日"),
                    ("day_removed", "删除单日调整"),
                ],
                default="day_set",
                max_length=40,
                verbose_name="操作",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(name_the_actions, migrations.RunPython.noop),
    ]
