# A problem's history in the audit tables' vocabulary (gongkai.core.models.AuditEvent).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("problemevent", "kind", "action"),
        migrations.RenameField("problemevent", "note", "reason"),
        migrations.AlterField(
            model_name="problemevent",
            name="action",
            field=models.CharField(max_length=20, verbose_name="操作"),
        ),
        migrations.AlterField(
            model_name="problemevent",
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
            model_name="problemevent",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="时间"),
        ),
        migrations.AlterField(
            model_name="problemevent",
            name="reason",
            field=models.TextField(blank=True, default="", verbose_name="理由或说明"),
        ),
    ]
