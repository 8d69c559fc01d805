"""Demo: the fictional 示范区 portal's identity (fictional numbers)."""

from __future__ import annotations

from gongkai.portal.models import SiteIdentity


def load_demo() -> list[str]:
    if SiteIdentity.objects.exists():
        return ["网站标识：已存在"]
    SiteIdentity.objects.create(
        site_name="示范区政府信息公开",
        sponsor="示范区人民政府办公室",
        organiser="示范区数据局",
        contact="0000-81000001",
        icp="示ICP备00000000号（演示）",
        police_record="示公网安备00000000000000号（演示）",
        site_code="0000000000",
    )
    return ["网站标识：已设置示范区门户的主办单位、备案号和网站标识码（演示用虚构号码）"]
