from django.apps import AppConfig

from gongkai.core.mounts import Mount


class ApiConfig(AppConfig):
    name = "gongkai.api"
    label = "api"
    verbose_name = "接口"
    mounts = (Mount("api/", "gongkai.api.urls"),)
