from django.apps import AppConfig


class OrgansConfig(AppConfig):
    name = "gongkai.organs"
    label = "organs"
    verbose_name = "机关与人员"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .models import Organ
        from .naming import forget

        post_save.connect(forget, sender=Organ, dispatch_uid="organs-naming-save")
        post_delete.connect(forget, sender=Organ, dispatch_uid="organs-naming-delete")
