from django.urls import path

from . import display, feeds, sitemaps, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("guide/", views.guides, name="guides"),
    path("guide/<slug:slug>/", views.guide, name="guide"),
    path("catalog/", views.catalog, name="catalog"),
    path("catalog/<slug:slug>/", views.catalog, name="organ_catalog"),
    path("items/<int:pk>/", views.item, name="item"),
    path("items/<int:pk>/files/<int:attachment>/", views.attachment, name="attachment"),
    path("search/", views.search_page, name="search"),
    path("feeds/<slug:slug>/rss.xml", feeds.OrganRssFeed(), name="rss"),
    path("feeds/<slug:slug>/atom.xml", feeds.OrganAtomFeed(), name="atom"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-pages.xml", sitemaps.pages, name="sitemap_pages"),
    path("sitemap-items-<int:number>.xml", sitemaps.items, name="sitemap_items"),
    path("display/", display.display, name="display"),
]
