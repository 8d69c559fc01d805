from __future__ import annotations

import pytest

from gongkai_demo.factories.disclosure import Team


@pytest.fixture
def organ(db):  # type: ignore[no-untyped-def]
    from gongkai_demo.factories.organs import OrganFactory

    return OrganFactory(
        name="湖州市吴兴区发展和改革局",
        short_name="区发改经信局",
        slug="fgj",
        credit_code="11330524MB15359635",
        office_address="湖州市吴兴区区府路1号",
        office_phone="0572-2028001",
        office_fax="0572-2028002",
    )


@pytest.fixture
def team(organ):  # type: ignore[no-untyped-def]
    return Team.for_organ(organ, ("李明", "赵朔", "王丹", "惠贇"))
