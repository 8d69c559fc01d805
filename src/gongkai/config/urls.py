"""The site's root URLs: Django's admin, then every installed app's ``mounts``
(``gongkai.core.mounts``; an app adds its URLs in its own ``apps.py``)."""

from django.contrib import admin
from django.urls import path

from gongkai.core.mounts import url_patterns

admin.site.site_header = "公开（Gongkai）系统管理"
admin.site.site_title = "公开（Gongkai）系统管理"
admin.site.index_title = "数据管理"

urlpatterns = [path("admin/", admin.site.urls), *url_patterns()]

handler400 = "gongkai.site.views.bad_request"
handler403 = "gongkai.site.views.forbidden"
handler404 = "gongkai.site.views.not_found"
handler500 = "gongkai.site.views.server_error"
