# The people log in the audit tables' vocabulary (gongkai.core.models.AuditEvent):
# ``by`` becomes ``actor``, ``roles_before``/``roles_after`` become ``before``/``after``.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("organs", "0007_report_publisher")]

    operations = [
        migrations.RenameField("peoplechange", "by", "actor"),
        migrations.RenameField("peoplechange", "roles_before", "before"),
        migrations.RenameField("peoplechange", "roles_after", "after"),
        migrations.AlterField(
            model_name="peoplechange",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="时间"),
        ),
        migrations.AddField(
            model_name="peoplechange",
            name="reason",
            field=models.TextField(blank=True, default="", verbose_name="理由或说明"),
        ),
    ]
