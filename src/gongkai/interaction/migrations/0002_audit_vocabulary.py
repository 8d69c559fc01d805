# A message's history in the audit tables' vocabulary (gongkai.core.models.AuditEvent).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("interaction", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("messageevent", "kind", "action"),
        migrations.RenameField("messageevent", "note", "reason"),
        migrations.AlterField(
            model_name="messageevent",
            name="action",
            field=models.CharField(max_length=30, verbose_name="操作"),
        ),
        migrations.AlterField(
            model_name="messageevent",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="操作人",
            ),
        ),
        migrations.AlterField(
            model_name="messageevent",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="时间"),
        ),
        migrations.AlterField(
            model_name="messageevent",
            name="reason",
            field=models.TextField(blank=True, default="", verbose_name="理由或说明"),
        ),
    ]
