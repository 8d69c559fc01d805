"""RSS 2.0 and Atom feeds of an organ's newly published items."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from gongkai.disclosure import workflow
from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ


class OrganRssFeed(Feed):
    def get_object(self, request, slug: str) -> Organ:  # type: ignore[no-untyped-def,override]
        return get_object_or_404(Organ, slug=slug, is_active=True)

    def title(self, organ: Organ) -> str:
        return f"{organ.name} 主动公开信息"

    def link(self, organ: Organ) -> str:
        return reverse("portal:organ_catalog", args=[organ.slug])

    def description(self, organ: Organ) -> str:
        return f"{organ.name}最新发布的政府信息"

    def items(self, organ: Organ):  # type: ignore[no-untyped-def]
        return Item.objects.filter(organ=organ, state=workflow.PUBLISHED).order_by(
            "-published_on", "-id"
        )[:50]

    def item_title(self, item: Item) -> str:
        return item.title

    def item_description(self, item: Item) -> str:
        return item.body_text[:300]

    def item_link(self, item: Item) -> str:
        return reverse("portal:item", args=[item.pk])

    def item_guid(self, item: Item) -> str:
        return f"{item.index_number}#v{item.version}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Item) -> datetime.datetime:
        assert item.published_on is not None
        return datetime.datetime.combine(item.published_on, datetime.time(8, 0))

    def item_categories(self, item: Item) -> list[str]:
        return [item.category_obj.label]


class OrganAtomFeed(OrganRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, organ: Organ) -> str:
        return self.description(organ)
