"""The search test set: what people type, with the item they expect first.

Written for Gongkai against the sample catalogue (``gongkai_demo/sample_corpus.py``): the
catalogue's own 30 keyword queries, and questions typed the way a resident would type
them (question words, years, colloquial names). ``NOTHING`` must find no item at all.
"""

from __future__ import annotations

from typing import Final

from gongkai_demo.sample_corpus import SAMPLE_QUERIES

TYPED: Final[tuple[tuple[str, str], ...]] = (
    ("低保标准怎么提高的", "mzj-subsistence"),
    ("区政府办公室电话是多少", "gov-contact"),
    ("今年最低工资标准调整了吗", "rsj-minimum-wage"),
    ("家庭医生怎么签约", "wjj-family-doctor"),
    ("小学学区范围", "jyj-school-zones"),
    ("2023年三公经费是多少", "czj-three-public"),
    ("居家养老补贴", "mzj-elderly-care"),
    ("高校毕业生就业补贴", "rsj-employment-subsidy"),
    ("公务员考试职位表", "rsj-civil-service-2024"),
    ("耕地地力保护补贴", "nyj-farmland"),
    ("非洲猪瘟防控", "nyj-african-swine-fever"),
    ("重污染天气应急", "hbj-heavy-pollution-plan"),
    ("森林火灾预案", "yjj-forest-fire"),
    ("物业服务收费", "zjj-property-fee"),
    ("双随机一公开抽查计划", "scj-random-check"),
    ("2023年生态环境状况公报", "hbj-air-quality"),
    ("根治欠薪", "rsj-wage-arrears"),
    ("中小学课后服务", "jyj-afterschool"),
    ("困难学生资助政策", "jyj-subsidy"),
    ("节能审查办法", "fgj-energy-saving"),
)
QUERIES: Final = SAMPLE_QUERIES + TYPED

NOTHING: Final[tuple[str, ...]] = (
    "不存在的词xyz",
    "不",
    "的",
    "怎么",
    "火星移民签证",
    "量子纠缠",
)
