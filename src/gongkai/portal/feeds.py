"""RSS 2.0 and Atom feeds of an organ's published items and of their end of validity.

An entry is a document's current version: published (有效), or repealed / expired, which
stay in the feed (a subscriber must learn that a rule no longer applies) with the title
marked 【已废止】/【已失效】, a first sentence giving the date, and the Atom ``<updated>``
set to that date; entries are ordered by that last change, newest first. A revision is
a new entry (its id carries the version) and the version it replaces leaves the feed; a
withdrawn item leaves the feed (its publication was retracted, its text is not shown).
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from gongkai.disclosure import workflow
from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ


class OrganRssFeed(Feed):
    def get_object(self, request: HttpRequest, slug: str) -> Organ:
        return get_object_or_404(Organ, slug=slug, is_active=True)

    def title(self, organ: Organ) -> str:
        return f"{organ.name} 主动公开信息"

    def link(self, organ: Organ) -> str:
        return reverse("portal:organ_catalog", args=[organ.slug])

    def description(self, organ: Organ) -> str:
        return f"{organ.name}最新发布的政府信息"

    def items(self, organ: Organ) -> QuerySet[Item]:
        return (
            Item.objects.filter(organ=organ, state__in=workflow.HEAD_STATES)
            .annotate(changed=Coalesce("ended_on", "published_on"))
            .order_by("-changed", "-id")[:50]
        )

    def item_title(self, item: Item) -> str:
        if item.state == workflow.PUBLISHED:
            return item.title
        return f"【已{item.validity}】{item.title}"

    def item_description(self, item: Item) -> str:
        text = item.body_text[:300]
        if item.state != workflow.PUBLISHED and item.ended_on is not None:
            return f"本文件已于 {item.ended_on:%Y-%m-%d} {item.validity}。{text}"
        return text

    def item_updateddate(self, item: Item) -> datetime.datetime:
        day = item.ended_on or item.published_on
        assert day is not None
        return datetime.datetime.combine(day, datetime.time(8, 0))

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
