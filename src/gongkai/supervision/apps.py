from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "gongkai.supervision"
    label = "supervision"
    verbose_name = "监督检查"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .catalogue import validate

        problems = validate()
        if problems:
            raise RuntimeError("巡查规则目录有误：" + "；".join(problems))
