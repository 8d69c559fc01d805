from django.apps import AppConfig

from gongkai.core.mounts import Mount


class InteractionConfig(AppConfig):
    name = "gongkai.interaction"
    label = "interaction"
    verbose_name = "政民互动"
    mounts = (
        Mount("office/messages/", "gongkai.interaction.urls"),
        Mount("messages/", "gongkai.interaction.public_urls"),
    )
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import workflow

        problems = workflow.validate()
        if problems:
            raise RuntimeError("留言办理流程定义有误：" + "；".join(problems))
