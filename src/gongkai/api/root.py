"""``api``: the one NinjaAPI instance; app routers are discovered and mounted here."""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

from . import errors
from .auth import AUTH


class GongkaiAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        """The document, with the error responses the API gives every operation of a kind
        (``errors.declare_common_errors``)."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        errors.declare_common_errors(schema)
        return schema


api = GongkaiAPI(
    title="公开（Gongkai）接口",
    version="1",
    description="政府信息公开工作平台的 HTTP 接口。职员以 API 令牌（Bearer）或登录会话认证。",
    auth=AUTH,
    urls_namespace="api",
    docs_url="/docs",
)
errors.install(api)


def mount_app_routers() -> list[str]:
    """Mount ``router`` of every ``gongkai.<app>.api`` module at ``/<app label>/``."""
    mounted = []
    for config in apps.get_app_configs():
        if not config.name.startswith("gongkai.") or config.name == "gongkai.api":
            continue
        module_name = f"{config.name}.api"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        router = getattr(module, "router", None)
        if router is None:
            continue
        api.add_router(f"/{config.label}/", router, tags=[str(config.verbose_name)])
        mounted.append(config.label)
    return mounted


MOUNTED = mount_app_routers()
