# An item's history in the audit tables' vocabulary (gongkai.core.models.AuditEvent).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0009_body_source"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("itemevent", "event", "action"),
        migrations.RenameField("itemevent", "from_state", "before"),
        migrations.RenameField("itemevent", "to_state", "after"),
        migrations.RenameField("itemevent", "comment", "reason"),
        migrations.AlterField(
            model_name="itemevent",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="操作人",
            ),
        ),
        migrations.AlterField(
            model_name="itemevent",
            name="actor_name",
            field=models.CharField(blank=True, max_length=100, verbose_name="操作人姓名"),
        ),
        migrations.AlterField(
            model_name="itemevent",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="时间"),
        ),
        migrations.AlterField(
            model_name="itemevent",
            name="reason",
            field=models.TextField(blank=True, default="", verbose_name="意见"),
        ),
    ]
