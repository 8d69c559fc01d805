from django.apps import AppConfig

from gongkai.core.mounts import Mount


class PortalConfig(AppConfig):
    name = "gongkai.portal"
    label = "portal"
    verbose_name = "公众门户"
    mounts = (Mount("", "gongkai.portal.urls", order=90),)
