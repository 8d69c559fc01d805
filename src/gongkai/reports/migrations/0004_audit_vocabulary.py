# The report's history in the audit tables' vocabulary (gongkai.core.models.AuditEvent).

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_import_jobs")]

    operations = [
        migrations.RenameField("draftevent", "kind", "action"),
        migrations.RenameField("draftevent", "by", "actor"),
        migrations.RenameField("draftevent", "by_name", "actor_name"),
        migrations.RenameField("draftevent", "status_before", "before"),
        migrations.RenameField("draftevent", "status_after", "after"),
        migrations.AlterField(
            model_name="draftevent",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="时间"),
        ),
        migrations.AddField(
            model_name="draftevent",
            name="reason",
            field=models.TextField(blank=True, default="", verbose_name="理由或说明"),
        ),
    ]
