from django.apps import AppConfig

from gongkai.core.mounts import Mount


class SupervisionConfig(AppConfig):
    name = "gongkai.supervision"
    label = "supervision"
    verbose_name = "监督检查"
    mounts = (Mount("office/supervision/", "gongkai.supervision.urls"),)
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .catalogue import validate

        problems = validate()
        if problems:
            raise RuntimeError("巡查规则目录有误：" + "；".join(problems))
