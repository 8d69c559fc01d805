"""A page whose report names its organ only in the seal's image under it (``<img
alt="X局（印章）">``) is that organ's; an image whose ``alt`` names no seal names none."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes

_PAGE = (
    '<html><head><meta charset="utf-8"><title>2025年政府信息公开工作年度报告</title></head>'
    "<body><h1>2025年政府信息公开工作年度报告</h1>"
    "<p>一、总体情况</p><p>2025年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。</p>"
    "<p>二、主动公开政府信息情况</p><p>略。</p>"
    "<p>六、其他需要报告的事项</p><p>无。</p>"
    '<p style="text-align:right">{image}</p><p style="text-align:right">2026年1月16日</p>'
    "</body></html>"
)


@pytest.mark.parametrize(
    "image",
    [
        '<img src="/seal.png" alt="云岫县司法局（印章）">',
        '<IMG SRC="/seal.png" ALT="云岫县司法局(盖章)">',
    ],
)
def test_organ_named_only_in_the_seal_images_alt_text(image: str) -> None:
    report = parse_bytes(_PAGE.format(image=image).encode(), "seal.html")
    assert report.organ == "云岫县司法局"


def test_an_image_naming_no_seal_names_no_organ() -> None:
    page = _PAGE.format(image='<img src="/photo.png" alt="云岫县司法局办公楼">')
    report = parse_bytes(page.encode(), "photo.html")
    assert report.organ is None
