from django.apps import AppConfig


class InteractionConfig(AppConfig):
    name = "gongkai.interaction"
    label = "interaction"
    verbose_name = "政民互动"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import workflow

        problems = workflow.validate()
        if problems:
            raise RuntimeError("留言办理流程定义有误：" + "；".join(problems))
