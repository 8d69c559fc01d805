"""关怀模式 and 字号 kept in cookies by plain links; the site's identity in header and footer."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.portal.models import SiteIdentity

pytestmark = pytest.mark.django_db


def test_care_mode_and_font_size_by_links() -> None:
    client = Client()
    page = client.get("/catalog/").content.decode()
    assert 'class="portal"' in page and "关怀模式" in page
    response = client.get("/display/", {"care": "1", "next": "/catalog/"})
    assert response.status_code == 302 and response["Location"] == "/catalog/"
    client.get("/display/", {"size": "l", "next": "/catalog/"})
    page = client.get("/catalog/").content.decode()
    assert 'class="portal care size-l"' in page and "标准模式" in page
    away = client.get("/display/", {"care": "0", "next": "https://evil.example/"})
    assert away["Location"] == "/"


def test_identity_in_header_and_footer() -> None:
    SiteIdentity.objects.create(
        site_name="示范区人民政府门户网站",
        sponsor="示范区人民政府办公室",
        icp="示ICP备00000000号",
        site_code="0000000000",
        police_record="示公网安备00000000000号",
    )
    page = Client().get("/catalog/").content.decode()
    for text in (
        "示范区人民政府门户网站",
        "主办单位：示范区人民政府办公室",
        "示ICP备00000000号",
        "网站标识码：0000000000",
        "示公网安备00000000000号",
    ):
        assert text in page


def test_a_pasted_index_number_or_document_number_opens_the_item(team) -> None:  # type: ignore[no-untyped-def]
    from gongkai.disclosure import workflow
    from gongkai_demo.factories.disclosure import make_item

    item = make_item(
        team,
        state=workflow.PUBLISHED,
        title="停车管理办法",
        doc_number="示发改〔2024〕7号",
        kind="normative",
    )
    client = Client()
    assert client.get("/search/", {"q": item.index_number})["Location"] == f"/items/{item.pk}/"
    assert client.get("/search/", {"q": "示发改[2024]7号"})["Location"] == f"/items/{item.pk}/"
    assert client.get("/search/", {"q": "停车"}).status_code == 200
