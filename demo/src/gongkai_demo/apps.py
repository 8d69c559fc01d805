from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "gongkai_demo"
    verbose_name = "演示数据"
