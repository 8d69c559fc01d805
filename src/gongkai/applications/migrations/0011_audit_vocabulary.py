# A case's history in the audit tables' vocabulary (gongkai.core.models.AuditEvent).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("applications", "0010_alter_application_channel")]

    operations = [
        migrations.RemoveIndex("caseevent", "applications_event_kind_on"),
        migrations.RenameField("caseevent", "kind", "action"),
        migrations.RenameField("caseevent", "from_state", "before"),
        migrations.RenameField("caseevent", "to_state", "after"),
        migrations.AddIndex(
            "caseevent",
            models.Index(fields=["action", "on"], name="applications_event_action_on"),
        ),
    ]
