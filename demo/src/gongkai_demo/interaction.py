"""Demo messages for ``manage.py load_demo``: every path of 网民留言 in the demo region.

区发改局 (fgj) has one message overdue, one new, one reply waiting for review, one
replied and shown in 留言选登, one transferred to 区教育局 and one turned into a disclosure
application; 区教育局 and 区数据局 have one each.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from gongkai.applications import services as casework
from gongkai.interaction import consulting, services
from gongkai.interaction.consulting import QuestionSpec
from gongkai.interaction.models import Consultation, Faq, Message, Synonym
from gongkai.organs.models import Organ

PUBLIC = {"publishable": True}
DEMO_SYNONYMS = (
    "社保 社会保险",
    "租房 租赁",
    "物业费 物业服务收费",
    "大学生 高校毕业生",
    "拖欠工资 欠薪",
    "低保 最低生活保障",
    "年检 年度检查",
    "种地 耕地",
    "可研 可行性研究",
)


def _user(username: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=username)


def load_demo() -> list[str]:
    organs = {o.slug: o for o in Organ.objects.filter(slug__in=("fgj", "jyj", "sjj"))}
    if len(organs) < 3:
        return ["网民留言：未找到示范区的部门（fgj、jyj、sjj），未加载演示留言"]
    existing = Message.objects.filter(organ__in=organs.values()).count()
    if existing:
        return [f"网民留言：演示留言已存在（{existing}条）"]
    fgj, jyj, sjj = organs["fgj"], organs["jyj"], organs["sjj"]
    officer, reviewer = _user("fgj_officer"), _user("fgj_reviewer")
    today = services.today()
    calendar = casework.current_calendar()
    back = calendar.add_workdays(today - timedelta(days=30), 1)

    services.submit(
        fgj,
        {
            "kind": "consult",
            "subject": "小微企业用电补贴如何申报",
            "body": "请问今年示范区对小微企业的用电补贴政策是否继续执行？申报需要准备哪些材料，在哪里提交？",
            "name": "王建国",
            "contact": "13800000001",
            **PUBLIC,
        },
        received_on=back,
    )
    services.submit(
        fgj,
        {
            "kind": "suggest",
            "subject": "建议公开重点项目建设进度",
            "body": "建议区发改局在网站上按季度公开区重点建设项目的投资完成情况和形象进度，方便群众监督。",
            "name": "李芳",
            "contact": "lifang@example.com",
        },
    )
    waiting, _ = services.submit(
        fgj,
        {
            "kind": "complain",
            "subject": "价格举报电话长时间无人接听",
            "body": "本周三上午多次拨打价格举报电话，一直无人接听，希望尽快改进。",
            "name": "赵磊",
            "contact": "13800000002",
            **PUBLIC,
        },
    )
    services.save_draft(
        waiting,
        officer,
        "您好！您反映的情况已转本局价格监督检查科核实。经查，该电话因线路故障于本周三上午中断，"
        "现已修复。今后我局将每日检查举报电话的接通情况。感谢您的监督！",
    )
    services.submit_reply(waiting, officer)
    replied, _ = services.submit(
        fgj,
        {
            "kind": "consult",
            "subject": "区“十五五”规划纲要何时公开",
            "body": "请问示范区国民经济和社会发展第十五个五年规划纲要什么时候公开？在哪里可以看到全文？",
            "name": "陈晓",
            "contact": "13800000003",
            **PUBLIC,
        },
        received_on=calendar.add_workdays(today - timedelta(days=14), 1),
    )
    services.save_draft(
        replied,
        officer,
        "您好！示范区“十五五”规划纲要经区人民代表大会审议批准后，将在区政府门户网站“政府信息公开”"
        "栏目的“规划信息”中全文公开，同时发布图文解读。感谢您的关注！",
    )
    services.submit_reply(replied, officer)
    services.approve(replied, reviewer, publish=True)
    school, _ = services.submit(
        fgj,
        {
            "kind": "consult",
            "subject": "小学入学划片范围",
            "body": "请问今年示范区实验小学的招生划片范围是否有调整？",
            "name": "孙丽",
            "contact": "13800000004",
        },
    )
    services.transfer(school, officer, jyj, "义务教育招生划片由区教育局负责，本局不掌握相关情况")
    asked, _ = services.submit(
        fgj,
        {
            "kind": "other",
            "subject": "申请获取示范区2025年政府投资项目计划",
            "body": "本人希望获取示范区2025年政府投资项目年度计划的全文（电子版），用于研究。",
            "name": "周成",
            "contact": "zhoucheng@example.com",
        },
    )
    services.convert(
        asked,
        officer,
        services.Applicant(
            applicant_type="natural_person",
            applicant_name="周成",
            id_type="resident_id",
            id_number="110101199003077777",
            phone="",
            email="zhoucheng@example.com",
            address="示范区示范路9号",
            provision_form="electronic",
            delivery_method="email",
        ),
        "留言所问是获取本机关制作的政府投资项目计划，按政府信息公开申请办理",
    )
    jyj_msg, _ = services.submit(
        jyj,
        {
            "kind": "suggest",
            "subject": "建议延长学校图书馆开放时间",
            "body": "建议周末向社区居民开放部分中小学图书馆。",
            "name": "吴敏",
            "contact": "13800000005",
            **PUBLIC,
        },
        received_on=calendar.add_workdays(today - timedelta(days=10), 1),
    )
    services.save_draft(
        jyj_msg,
        _user("jyj_officer"),
        "您好！感谢您的建议。区教育局正在会同街道研究学校图书馆错时向社区开放的办法，"
        "具体安排确定后将在区教育局网站公布。",
    )
    services.submit_reply(jyj_msg, _user("jyj_officer"))
    services.approve(jyj_msg, _user("jyj_reviewer"), publish=True)
    services.submit(
        sjj,
        {
            "kind": "consult",
            "subject": "公共数据开放平台账号注册",
            "body": "请问企业在区公共数据开放平台注册账号需要哪些材料？",
            "name": "钱伟",
            "contact": "13800000006",
        },
    )
    for words in DEMO_SYNONYMS:
        Synonym.objects.get_or_create(words=words)
    Faq.objects.get_or_create(
        question="政府信息公开申请多久答复？",
        defaults={
            "answer": "行政机关收到政府信息公开申请，能够当场答复的当场答复；不能当场答复的，"
            "自收到申请之日起20个工作日内答复；需要延长的，经本机关负责人同意并告知申请人，"
            "延长的期限最长不超过20个工作日（《中华人民共和国政府信息公开条例》第三十三条）。",
        },
    )
    _consultations(fgj, jyj, today)
    total = Message.objects.filter(organ__in=organs.values()).count()
    return [
        f"网民留言：已加载演示留言{total}条（区发改局含逾期未答复、待审核、已选登、转办、转为申请各一条）"
    ]


def _consultations(fgj: Organ, jyj: Organ, today: date) -> None:
    """An open consultation, a closed one with its published 反馈, a closed survey."""
    officer, reviewer = _user("fgj_officer"), _user("fgj_reviewer")
    running = consulting.create(
        fgj,
        officer,
        {
            "kind": "draft",
            "title": "《示范区公共停车场收费管理办法（征求意见稿）》公开征求意见",
            "description": "为规范公共停车场收费行为，区发改局起草了《示范区公共停车场收费管理办法"
            "（征求意见稿）》，现向社会公开征求意见。请在征集期内通过本页面提出意见。",
            "starts_on": today - timedelta(days=5),
            "ends_on": today + timedelta(days=25),
            "contact": "区发改局价格科 0000-81000002",
        },
    )
    consulting.publish(running, reviewer)
    consulting.comment(running, "建议夜间时段停车实行优惠价格，方便周边居民。", "刘洋")
    consulting.comment(running, "希望明确新能源汽车充电期间的停车收费办法。")

    closed = consulting.create(
        fgj,
        officer,
        {
            "kind": "question",
            "title": "2026年区政府民生实事项目建议征集",
            "description": "为办好2026年区政府民生实事，现面向社会征集项目建议。",
            "starts_on": today - timedelta(days=1),
            "ends_on": today,
            "contact": "区发改局综合科 0000-81000002",
        },
    )
    consulting.publish(closed, reviewer)
    ideas = [
        ("建议增加老旧小区加装电梯补助。", "老旧小区", True),
        ("建议在城东新建一所公办幼儿园。", "教育", True),
        ("建议免费开放所有体育场馆。", "文体", False),
    ]
    for body, theme, adopted in ideas:
        row = consulting.comment(closed, body)
        row.theme, row.adopted = theme, adopted
        row.save(update_fields=["theme", "adopted"])
    Consultation.objects.filter(pk=closed.pk).update(
        starts_on=today - timedelta(days=60), ends_on=today - timedelta(days=30)
    )
    closed.refresh_from_db()
    consulting.write_feedback(
        closed,
        officer,
        "征集期间共收到建议3条，经研究采纳2条，纳入2026年区政府民生实事项目候选清单。",
        "体育场馆全部免费开放涉及场馆运营经费保障，本年度暂不具备条件，将先行扩大错峰免费开放时段。",
    )
    consulting.publish_feedback(closed, reviewer)

    survey = consulting.create(
        jyj,
        _user("jyj_officer"),
        {
            "kind": "survey",
            "title": "中小学课后服务满意度调查",
            "description": "为改进中小学课后服务，区教育局开展家长满意度问卷调查。",
            "starts_on": today - timedelta(days=1),
            "ends_on": today,
            "contact": "区教育局基础教育科 0000-81000003",
        },
        [
            QuestionSpec("您对课后服务总体是否满意", "single", ("满意", "基本满意", "不满意")),
            QuestionSpec(
                "您希望增加哪些服务内容", "multiple", ("作业辅导", "体育锻炼", "兴趣小组")
            ),
            QuestionSpec("其他意见和建议", "text"),
        ],
    )
    consulting.publish(survey, _user("jyj_reviewer"))
    questions = list(survey.questions.all())
    for overall, wanted in (
        ("满意", ["体育锻炼"]),
        ("满意", ["兴趣小组", "体育锻炼"]),
        ("基本满意", ["作业辅导"]),
    ):
        consulting.respond(survey, {questions[0].pk: [overall], questions[1].pk: wanted})
    Consultation.objects.filter(pk=survey.pk).update(
        starts_on=today - timedelta(days=40), ends_on=today - timedelta(days=20)
    )
