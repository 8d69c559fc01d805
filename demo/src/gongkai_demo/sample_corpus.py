"""A sample catalogue of a district's proactively disclosed items, written for Gongkai.

Realistic but fictional items of the organs of the demo district 示范区 (fictional names,
numbers and 统一社会信用代码): policies, notices, budgets and final accounts, permits, penalty decisions,
recruitment, procurement, emergencies and inspections. The search-quality test runs its
queries against them, ``gongkai`` can load them as demonstration data, and the search
benchmark scales them up with ``synthetic_items``.

Every item has a stable ``key`` so that tests name the item they expect.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from gongkai.disclosure.categories import (
    KIND_INTERPRETATION,
    KIND_NORMATIVE,
    KIND_OTHER,
    KIND_REGULATION,
)


@dataclass(frozen=True)
class SampleOrgan:
    key: str
    name: str
    short: str
    credit_code: str
    topic: str


ORGANS: Final[tuple[SampleOrgan, ...]] = (
    SampleOrgan("gov", "示范区人民政府办公室", "区政府办", "11990100MB0000020R", "general"),
    SampleOrgan("fgj", "示范区发展和改革局", "区发改局", "11990100MB0000021W", "economy"),
    SampleOrgan("czj", "示范区财政局", "区财政局", "11990100MB00000220", "finance"),
    SampleOrgan("jyj", "示范区教育局", "区教育局", "11990100MB00000233", "education"),
    SampleOrgan("wjj", "示范区卫生健康局", "区卫健局", "11990100MB00000246", "health"),
    SampleOrgan("scj", "示范区市场监督管理局", "区市场监管局", "11990100MB00000259", "market"),
    SampleOrgan("zjj", "示范区住房和城乡建设局", "区住建局", "11990100MB0000026C", "construction"),
    SampleOrgan(
        "hbj", "示范区生态环境分局", "区生态环境分局", "11990100MB0000027F", "construction"
    ),
    SampleOrgan("rsj", "示范区人力资源和社会保障局", "区人社局", "11990100MB0000028J", "labour"),
    SampleOrgan("mzj", "示范区民政局", "区民政局", "11990100MB0000029M", "civil"),
    SampleOrgan("yjj", "示范区应急管理局", "区应急管理局", "11990100MB0000030T", "market"),
    SampleOrgan("nyj", "示范区农业农村局", "区农业农村局", "11990100MB0000031X", "agriculture"),
)
ORGAN_BY_KEY: Final = {o.key: o for o in ORGANS}


@dataclass(frozen=True)
class SampleItem:
    key: str
    organ: str
    title: str
    body: str
    category: str
    written_on: date
    kind: str = KIND_OTHER
    doc_number: str = ""
    topic: str = ""


def _d(text: str) -> date:
    return date.fromisoformat(text)


# Items written one by one: the distinctive documents of the district.
_WRITTEN: Final[tuple[SampleItem, ...]] = (
    SampleItem(
        "gov-garbage-rules",
        "gov",
        "示范区生活垃圾分类管理办法",
        "为加强生活垃圾分类管理，改善人居环境，根据《浙江省生活垃圾管理条例》，结合本区实际，制定本办法。"
        "本办法适用于本区行政区域内生活垃圾的分类投放、分类收集、分类运输和分类处理。生活垃圾分为可回收物、有害垃圾、易腐垃圾和其他垃圾四类。"
        "单位和个人应当按照规定的时间、地点和要求分类投放生活垃圾；物业服务企业为小区生活垃圾分类管理责任人。违反本办法规定的，由综合行政执法部门依法处理。",
        "rules",
        _d("2023-03-15"),
        KIND_REGULATION,
        "示政发〔2023〕5号",
        "construction",
    ),
    SampleItem(
        "gov-old-community",
        "gov",
        "关于印发示范区老旧小区改造三年行动方案（2023—2025年）的通知",
        "各乡镇人民政府、街道办事处，区政府各部门：现将《示范区老旧小区改造三年行动方案（2023—2025年）》印发给你们，请认真贯彻执行。"
        "到2025年底，全区完成2000年底前建成的老旧小区改造86个，惠及居民2.1万户，重点解决加装电梯、雨污分流、停车难和管线老化等问题。",
        "planning",
        _d("2023-04-20"),
        KIND_NORMATIVE,
        "示政办发〔2023〕12号",
        "construction",
    ),
    SampleItem(
        "gov-14th-plan-midterm",
        "gov",
        "示范区国民经济和社会发展第十四个五年规划纲要实施情况中期评估报告",
        "“十四五”规划实施以来，全区地区生产总值年均增长6.8%，主要指标总体符合预期。报告对规划确定的28项主要指标逐项评估，"
        "其中数字经济核心产业增加值、研发经费投入强度等指标进度超前，单位GDP能耗下降等指标需要加力推进。",
        "planning",
        _d("2023-11-08"),
        KIND_OTHER,
        "",
        "economy",
    ),
    SampleItem(
        "gov-contact",
        "gov",
        "示范区人民政府办公室机构职能、办公地址及联系方式",
        "主要职责：负责区政府会议的准备工作，协助区政府领导组织会议决定事项的实施；负责政务公开、政务服务和信息化建设的组织协调。"
        "办公地址：示范区人民路1号行政中心。办公时间：工作日上午8:30—12:00，下午14:30—17:30。联系电话：0000-2028001。负责人：王建平。",
        "organisation",
        _d("2024-01-05"),
        KIND_OTHER,
        "",
        "organisation",
    ),
    SampleItem(
        "gov-flood-plan",
        "gov",
        "示范区防汛防台应急预案（2024年修订）",
        "为做好防汛防台工作，最大程度减少台风、暴雨、洪涝造成的人员伤亡和财产损失，制定本预案。预案明确了区防汛防台抗旱指挥部的组成和职责，"
        "按照Ⅳ级、Ⅲ级、Ⅱ级、Ⅰ级四个等级启动应急响应，规定了监测预警、转移避险、抢险救援和灾后恢复的工作要求。",
        "emergencies",
        _d("2024-05-10"),
        KIND_NORMATIVE,
        "示政办发〔2024〕9号",
        "security",
    ),
    SampleItem(
        "gov-typhoon-warning",
        "gov",
        "关于防御第5号台风“杜苏芮”的紧急通知",
        "据气象部门预报，今年第5号台风“杜苏芮”将于7月28日前后影响我区，带来大风和强降雨。各乡镇街道要立即启动防台应急响应，"
        "全面排查山塘水库、地质灾害隐患点和危旧房，及时转移危险区域人员，停止户外作业和大型户外活动。",
        "emergencies",
        _d("2023-07-26"),
        KIND_OTHER,
        "示防指〔2023〕7号",
        "security",
    ),
    SampleItem(
        "gov-report-2023",
        "gov",
        "2023年示范区人民政府工作报告",
        "过去一年，全区实现地区生产总值765亿元，增长7.1%；一般公共预算收入68.2亿元。新招引亿元以上产业项目46个，"
        "城乡居民人均可支配收入分别增长5.2%和6.9%。2024年主要预期目标：地区生产总值增长7%左右，城镇新增就业1.2万人。",
        "other",
        _d("2024-01-12"),
        KIND_OTHER,
        "",
        "general",
    ),
    SampleItem(
        "gov-normative-cleanup",
        "gov",
        "关于公布示范区行政规范性文件清理结果的通知",
        "根据上级部署，区政府对截至2023年12月31日制定的行政规范性文件进行了全面清理。经清理，继续有效的行政规范性文件42件，"
        "宣布失效的6件，宣布废止的3件。废止和失效的文件自本通知印发之日起停止执行。",
        "rules",
        _d("2024-02-26"),
        KIND_NORMATIVE,
        "示政发〔2024〕2号",
        "general",
    ),
    SampleItem(
        "fgj-price-water",
        "fgj",
        "关于调整示范区城区居民生活用水价格的通知",
        "经区政府同意，城区居民生活用水实行阶梯水价，第一阶梯年用水量216立方米以内每立方米2.80元，第二阶梯217至300立方米每立方米3.90元，"
        "第三阶梯300立方米以上每立方米5.60元。本通知自2024年1月1日起执行。价格调整前已召开价格听证会听取意见。",
        "fees",
        _d("2023-11-20"),
        KIND_NORMATIVE,
        "示发改价〔2023〕31号",
        "economy",
    ),
    SampleItem(
        "fgj-project-list",
        "fgj",
        "示范区2024年重大建设项目计划",
        "2024年全区安排重大建设项目128个，总投资1160亿元，年度计划投资215亿元。其中产业项目62个、基础设施项目31个、社会民生项目25个、"
        "生态环保项目10个。重点推进滨湖新城道路网、示范区人民医院迁建工程和东湖童装产业园等项目。",
        "projects",
        _d("2024-02-05"),
        KIND_OTHER,
        "示发改〔2024〕6号",
        "construction",
    ),
    SampleItem(
        "fgj-hospital-approval",
        "fgj",
        "关于示范区人民医院迁建工程可行性研究报告的批复",
        "你院报送的示范区人民医院迁建工程可行性研究报告收悉。经研究，原则同意该项目建设。项目选址于示范区西山镇，"
        "总用地面积约120亩，总建筑面积约18万平方米，设置床位800张，估算总投资16.5亿元，建设工期36个月。",
        "projects",
        _d("2023-06-18"),
        KIND_OTHER,
        "示发改审批〔2023〕88号",
        "health",
    ),
    SampleItem(
        "fgj-energy-saving",
        "fgj",
        "示范区节能审查实施办法",
        "为加强固定资产投资项目节能管理，促进能源资源节约和高效利用，制定本办法。年综合能源消费量1000吨标准煤以上的项目，应当单独编制节能报告；"
        "未按规定进行节能审查或者节能审查未通过的项目，建设单位不得开工建设，已经建成的不得投入生产、使用。",
        "rules",
        _d("2022-09-14"),
        KIND_NORMATIVE,
        "示发改〔2022〕45号",
        "land",
    ),
    SampleItem(
        "fgj-grain-reserve",
        "fgj",
        "示范区区级储备粮管理办法",
        "区级储备粮用于调节全区粮食供求，应对重大自然灾害或者其他突发事件。储备粮实行轮换制度，每年轮换数量一般为储存总量的三分之一。"
        "承储企业应当确保区级储备粮数量真实、质量良好、储存安全。",
        "rules",
        _d("2022-05-23"),
        KIND_NORMATIVE,
        "示政办发〔2022〕18号",
        "economy",
    ),
    SampleItem(
        "czj-fees-list",
        "czj",
        "示范区行政事业性收费项目目录清单（2024年版）",
        "根据省财政厅、省发展改革委公布的全省行政事业性收费目录清单，现公布本区行政事业性收费项目目录清单。清单共列收费项目17项，"
        "包括不动产登记费、考试考务费、污水处理费等，逐项列明收费单位、收费依据和收费标准。清单之外的收费项目一律不得执行。",
        "fees",
        _d("2024-03-01"),
        KIND_OTHER,
        "",
        "finance",
    ),
    SampleItem(
        "czj-procurement-catalogue",
        "czj",
        "示范区2024—2025年政府集中采购目录及标准",
        "纳入集中采购目录的项目，应当委托集中采购机构代理采购。台式计算机、打印设备、复印纸、车辆维修保养等通用项目实行集中采购；"
        "货物和服务项目分散采购限额标准为100万元，工程项目为120万元；公开招标数额标准为400万元。",
        "procurement",
        _d("2023-12-28"),
        KIND_NORMATIVE,
        "示财采〔2023〕20号",
        "finance",
    ),
    SampleItem(
        "czj-debt",
        "czj",
        "示范区2023年政府债务限额及余额情况",
        "截至2023年末，全区政府债务限额245.6亿元，其中一般债务限额96.3亿元，专项债务限额149.3亿元；政府债务余额238.9亿元，控制在限额以内。"
        "2023年新增发行专项债券38亿元，主要用于交通基础设施、保障性安居工程和产业园区建设。",
        "budget",
        _d("2024-06-30"),
        KIND_OTHER,
        "",
        "finance",
    ),
    SampleItem(
        "czj-budget-report",
        "czj",
        "关于示范区2023年预算执行情况和2024年预算草案的报告",
        "2023年全区一般公共预算收入68.2亿元，完成预算的101.3%；一般公共预算支出95.4亿元。2024年一般公共预算收入预期71.6亿元，增长5%。"
        "坚持政府过紧日子，一般性支出压减10%以上，优先保障教育、医疗、养老等民生支出。",
        "budget",
        _d("2024-01-10"),
        KIND_OTHER,
        "",
        "finance",
    ),
    SampleItem(
        "czj-three-public",
        "czj",
        "示范区2023年区级部门“三公”经费支出情况说明",
        "2023年区级部门“三公”经费支出合计1865万元，比上年下降8.6%。其中因公出国（境）费12万元，公务用车购置及运行维护费1320万元，"
        "公务接待费533万元。“三公”经费下降的主要原因是严格执行中央八项规定精神，从严控制公务接待和车辆运行。",
        "budget",
        _d("2024-07-15"),
        KIND_OTHER,
        "",
        "finance",
    ),
    SampleItem(
        "jyj-enrol-2024",
        "jyj",
        "2024年示范区义务教育阶段学校招生入学工作实施意见",
        "义务教育阶段学校招生坚持免试就近入学原则，公办学校实行划片招生。小学一年级招收2017年9月1日至2018年8月31日出生的适龄儿童。"
        "新居民子女按照积分入学办法申请，民办学校招生与公办学校同步报名，报名人数超过招生计划的实行电脑随机录取。",
        "welfare",
        _d("2024-04-25"),
        KIND_NORMATIVE,
        "示教〔2024〕15号",
        "education",
    ),
    SampleItem(
        "jyj-school-zones",
        "jyj",
        "2024年示范区城区公办小学和初中学区划分方案",
        "城区公办小学学区按照街道和社区划分：示范区凤凰小学学区为凤凰街道所辖社区；文昌小学学区为文昌街道所辖社区；"
        "青云小学学区为青云街道所辖社区。初中学区与小学学区对应，学区范围以户籍和房产为准。",
        "welfare",
        _d("2024-05-06"),
        KIND_OTHER,
        "",
        "education",
    ),
    SampleItem(
        "jyj-teacher-hiring",
        "jyj",
        "2024年示范区公开招聘中小学幼儿园教师公告",
        "根据教育事业发展需要，经区人力社保局同意，区教育局2024年公开招聘中小学幼儿园在编教师96名，其中小学语文18名、小学数学15名、"
        "幼儿园教师20名。报名时间为3月5日至3月8日，采取网上报名方式，考试分笔试和面试两部分。",
        "recruitment",
        _d("2024-02-28"),
        KIND_OTHER,
        "",
        "education",
    ),
    SampleItem(
        "jyj-subsidy",
        "jyj",
        "示范区家庭经济困难学生资助政策简介",
        "学前教育阶段对家庭经济困难幼儿按每生每年2000元减免保育教育费；义务教育阶段对家庭经济困难寄宿生按小学每生每年1000元、"
        "初中每生每年1250元发放生活补助；普通高中国家助学金平均每生每年2000元。申请学生向就读学校提出，学校审核后报区学生资助管理中心。",
        "welfare",
        _d("2023-09-01"),
        KIND_OTHER,
        "",
        "education",
    ),
    SampleItem(
        "jyj-afterschool",
        "jyj",
        "示范区中小学课后服务工作实施办法",
        "中小学课后服务坚持学生家长自愿参加原则，服务时间原则上不早于当地正常下班时间，服务内容以作业辅导、体育锻炼、兴趣小组为主。"
        "课后服务收费实行政府定价管理，家庭经济困难学生免收费用。",
        "welfare",
        _d("2022-08-26"),
        KIND_NORMATIVE,
        "示教〔2022〕40号",
        "education",
    ),
    SampleItem(
        "wjj-vaccine",
        "wjj",
        "示范区2024年流感疫苗接种工作方案",
        "为降低流感发病率，保护重点人群健康，今年继续为60岁及以上老年人免费接种流感疫苗。接种时间为10月至次年3月，"
        "全区17家预防接种门诊提供接种服务，居民可通过“浙里办”预约，接种前请携带身份证和医保卡。",
        "welfare",
        _d("2024-09-20"),
        KIND_OTHER,
        "",
        "health",
    ),
    SampleItem(
        "wjj-family-doctor",
        "wjj",
        "示范区家庭医生签约服务实施方案",
        "家庭医生签约服务以全科医生为核心，以团队服务为形式，为签约居民提供基本医疗、公共卫生和健康管理服务。"
        "重点人群签约服务覆盖率达到75%以上，签约居民在基层就诊可享受慢性病长处方和转诊优先服务。",
        "welfare",
        _d("2023-05-12"),
        KIND_NORMATIVE,
        "示卫健〔2023〕21号",
        "health",
    ),
    SampleItem(
        "wjj-food-sampling",
        "wjj",
        "示范区2023年学校食堂卫生监督检查情况通报",
        "2023年区卫生健康监督所对全区112所学校食堂开展卫生监督检查，检查覆盖率100%。发现问题主要是消毒记录不全、从业人员健康证过期，"
        "已责令限期整改并全部完成复查。",
        "supervision",
        _d("2023-12-15"),
        KIND_OTHER,
        "",
        "health",
    ),
    SampleItem(
        "wjj-dengue",
        "wjj",
        "关于做好登革热疫情防控工作的通知",
        "近期周边地区登革热病例增多，各乡镇街道要开展爱国卫生运动，清除积水，消灭蚊虫孳生地。医疗机构发现疑似病例应在24小时内网络直报。"
        "群众出现发热、头痛、皮疹等症状应及时就医，并主动告知旅居史。",
        "emergencies",
        _d("2024-08-02"),
        KIND_OTHER,
        "",
        "health",
    ),
    SampleItem(
        "scj-random-check",
        "scj",
        "2024年示范区市场监管领域“双随机、一公开”抽查计划",
        "按照“双随机、一公开”监管要求，2024年全区市场监管领域部门联合抽查任务23项、本部门抽查任务41项，"
        "涉及食品生产经营、特种设备、产品质量、广告发布和计量器具等领域。抽查结果将在国家企业信用信息公示系统公示。",
        "supervision",
        _d("2024-03-12"),
        KIND_OTHER,
        "",
        "market",
    ),
    SampleItem(
        "scj-food-results",
        "scj",
        "2024年第二季度食品安全监督抽检结果公告",
        "本季度共抽检食品样品386批次，合格379批次，不合格7批次，不合格样品主要为蔬菜农药残留超标和餐饮具大肠菌群检出。"
        "对抽检不合格食品，已责令生产经营者立即下架、召回，并依法立案调查。",
        "supervision",
        _d("2024-07-08"),
        KIND_OTHER,
        "",
        "market",
    ),
    SampleItem(
        "scj-childrens-clothing",
        "scj",
        "东湖童装产品质量专项监督抽查结果",
        "对东湖镇童装生产企业开展产品质量专项监督抽查，共抽查童装产品150批次，合格142批次。不合格项目主要为纤维含量、绳带和pH值。"
        "对不合格企业已依法处理，并组织开展质量提升帮扶。",
        "supervision",
        _d("2023-10-19"),
        KIND_OTHER,
        "",
        "market",
    ),
    SampleItem(
        "scj-elevator",
        "scj",
        "关于开展住宅小区电梯安全隐患排查整治的通知",
        "为防范电梯安全事故，决定在全区开展住宅小区电梯安全隐患专项排查整治。重点检查电梯维护保养记录、定期检验、应急救援电话和困人救援演练情况，"
        "对超期未检电梯一律停止使用。",
        "supervision",
        _d("2024-04-01"),
        KIND_OTHER,
        "",
        "market",
    ),
    SampleItem(
        "zjj-rental-subsidy",
        "zjj",
        "示范区城镇住房保障家庭租赁补贴实施细则",
        "符合条件的城镇低收入住房困难家庭可以申请租赁补贴。补贴标准按家庭人口核定，1人户每月600元，2人户每月900元，3人及以上户每月1200元。"
        "申请人向户籍所在地街道提出申请，经审核公示后按季度发放。",
        "welfare",
        _d("2023-08-10"),
        KIND_NORMATIVE,
        "示建〔2023〕28号",
        "construction",
    ),
    SampleItem(
        "zjj-construction-permit",
        "zjj",
        "建筑工程施工许可证核发办事指南",
        "办理依据：《中华人民共和国建筑法》《建筑工程施工许可管理办法》。申请条件：已办理用地批准手续、取得建设工程规划许可证、"
        "施工场地已基本具备施工条件、已确定施工企业。办理时限：3个工作日。收费：不收费。办理地点：区行政服务中心住建窗口。",
        "licensing",
        _d("2023-02-14"),
        KIND_OTHER,
        "",
        "construction",
    ),
    SampleItem(
        "zjj-property-fee",
        "zjj",
        "示范区住宅小区物业服务收费管理办法",
        "前期物业服务收费实行政府指导价，按物业服务等级分为一级至五级，多层住宅每月每平方米0.45元至1.10元。"
        "业主大会成立后，物业服务收费由业主与物业服务企业协商确定。物业服务企业应当在小区显著位置公示收费项目和标准。",
        "fees",
        _d("2022-11-30"),
        KIND_NORMATIVE,
        "示建〔2022〕37号",
        "construction",
    ),
    SampleItem(
        "zjj-demolition",
        "zjj",
        "示范区城北片区国有土地上房屋征收补偿方案",
        "征收范围：城北片区东至苕溪西路、南至环城北路、西至青铜路、北至杭长铁路。补偿方式：货币补偿或者房屋产权调换，由被征收人选择。"
        "被征收房屋价值由依法选定的房地产价格评估机构评估确定；在签约期限内签约搬迁的给予奖励。",
        "other",
        _d("2023-06-02"),
        KIND_OTHER,
        "示征〔2023〕3号",
        "construction",
    ),
    SampleItem(
        "hbj-air-quality",
        "hbj",
        "2023年示范区生态环境状况公报",
        "2023年全区环境空气质量优良天数比例为86.3%，PM2.5年均浓度为28微克/立方米。地表水市控以上断面水质达到或优于Ⅲ类的比例为100%，"
        "滨湖入湖口水质保持Ⅱ类。全年未发生较大以上突发环境事件。",
        "supervision",
        _d("2024-06-05"),
        KIND_OTHER,
        "",
        "construction",
    ),
    SampleItem(
        "hbj-eia-approval",
        "hbj",
        "关于示范区某新材料有限公司年产5万吨改性塑料项目环境影响报告表的批复",
        "经审查，在全面落实报告表提出的各项污染防治措施的前提下，项目建设对环境的不利影响能够得到缓解和控制，同意项目建设。"
        "项目应落实挥发性有机物收集处理措施，废气经处理后达标排放，危险废物委托有资质单位处置。",
        "licensing",
        _d("2024-03-28"),
        KIND_OTHER,
        "示环建〔2024〕19号",
        "construction",
    ),
    SampleItem(
        "hbj-pollution-penalty",
        "hbj",
        "示范区某印染有限公司超标排放水污染物行政处罚决定书",
        "经查，当事人废水总排口化学需氧量浓度超过《纺织染整工业水污染物排放标准》规定的排放限值。上述行为违反了《中华人民共和国水污染防治法》第十条，"
        "依据第八十三条第二项，决定责令改正违法行为，并处罚款人民币二十五万元。",
        "enforcement",
        _d("2023-09-22"),
        KIND_OTHER,
        "示环罚〔2023〕41号",
        "construction",
    ),
    SampleItem(
        "hbj-heavy-pollution-plan",
        "hbj",
        "示范区重污染天气应急预案",
        "重污染天气预警分为黄色、橙色和红色三个级别。发布预警后，相应启动工业企业减排、施工工地停止土石方作业、道路保洁和机动车限行等措施。"
        "各有关部门应当按照职责组织实施，并向社会公布应急措施。",
        "emergencies",
        _d("2022-12-06"),
        KIND_NORMATIVE,
        "示政办发〔2022〕33号",
        "construction",
    ),
    SampleItem(
        "rsj-minimum-wage",
        "rsj",
        "关于调整示范区最低工资标准的通知",
        "经省政府批准，自2024年1月1日起调整全区最低工资标准：月最低工资标准调整为2490元，非全日制工作的小时最低工资标准调整为24元。"
        "用人单位支付劳动者的工资不得低于最低工资标准。",
        "welfare",
        _d("2023-12-18"),
        KIND_NORMATIVE,
        "示范区人社〔2023〕44号",
        "labour",
    ),
    SampleItem(
        "rsj-employment-subsidy",
        "rsj",
        "示范区促进高校毕业生就业创业若干政策",
        "对在本区就业的全日制本科及以上高校毕业生给予生活补贴，本科每人每年1万元、硕士每人每年2万元、博士每人每年3万元，最长3年。"
        "高校毕业生在本区首次创办企业的，给予一次性创业补贴5000元，并可申请最高50万元的创业担保贷款。",
        "welfare",
        _d("2023-03-30"),
        KIND_NORMATIVE,
        "示范区人社〔2023〕9号",
        "labour",
    ),
    SampleItem(
        "rsj-civil-service-2024",
        "rsj",
        "示范区2024年度考试录用公务员职位表及报考须知",
        "2024年度我区计划考试录用公务员58名，涉及区级机关和乡镇街道。报考者须具有大学本科及以上学历，年龄18周岁以上、35周岁以下。"
        "笔试科目为行政职业能力测验和申论，面试采取结构化面试方式。",
        "recruitment",
        _d("2023-11-01"),
        KIND_OTHER,
        "",
        "labour",
    ),
    SampleItem(
        "rsj-civil-service-result",
        "rsj",
        "示范区2023年度考试录用公务员拟录用人员公示",
        "经笔试、面试、体检和考察，确定王晓明等52名同志为拟录用人员，现予以公示。公示期为5个工作日。"
        "公示期间如有问题，可向区委组织部、区人力社保局反映。",
        "recruitment",
        _d("2023-07-18"),
        KIND_OTHER,
        "",
        "labour",
    ),
    SampleItem(
        "rsj-wage-arrears",
        "rsj",
        "关于开展根治欠薪冬季专项行动的通知",
        "为切实保障农民工工资按时足额支付，决定自11月15日至次年春节前在全区开展根治欠薪冬季专项行动，"
        "重点检查工程建设领域农民工工资专用账户、实名制管理和工资保证金制度落实情况。劳动者遭遇欠薪可拨打12345热线举报。",
        "enforcement",
        _d("2023-11-10"),
        KIND_OTHER,
        "",
        "labour",
    ),
    SampleItem(
        "mzj-subsistence",
        "mzj",
        "关于提高示范区城乡居民最低生活保障标准的通知",
        "经区政府同意，自2024年7月1日起，全区城乡居民最低生活保障标准由每人每月1156元提高到每人每月1206元。"
        "特困人员基本生活标准按不低于低保标准的1.3倍确定。",
        "welfare",
        _d("2024-06-12"),
        KIND_NORMATIVE,
        "示范区民〔2024〕18号",
        "civil",
    ),
    SampleItem(
        "mzj-elderly-care",
        "mzj",
        "示范区居家养老服务补贴实施办法",
        "对80周岁以上低保、低边家庭老年人和失能老年人发放居家养老服务补贴，补贴标准为每人每月200元至600元，以服务券形式发放，"
        "可用于助餐、助洁、助浴、助医等服务。",
        "welfare",
        _d("2022-07-01"),
        KIND_NORMATIVE,
        "示范区民〔2022〕11号",
        "civil",
    ),
    SampleItem(
        "mzj-disaster-relief",
        "mzj",
        "示范区自然灾害救助应急预案",
        "自然灾害救助应急响应分为四级。灾害发生后，区减灾委根据灾情启动响应，调拨救灾物资，紧急转移安置受灾群众，"
        "保障受灾群众有饭吃、有衣穿、有干净水喝、有临时安全住所、有病能及时医治。",
        "emergencies",
        _d("2023-05-25"),
        KIND_NORMATIVE,
        "示政办发〔2023〕15号",
        "civil",
    ),
    SampleItem(
        "mzj-social-org",
        "mzj",
        "2023年度示范区社会组织年度检查结果公告",
        "2023年度全区应参加年检的社会组织386家，实际参检352家。年检合格331家，基本合格15家，不合格6家。"
        "对连续两年未参加年检的社会组织，将依法予以撤销登记。",
        "licensing",
        _d("2024-05-20"),
        KIND_OTHER,
        "",
        "civil",
    ),
    SampleItem(
        "yjj-safety-check",
        "yjj",
        "2024年安全生产大检查工作方案",
        "为深刻汲取近期事故教训，决定在全区开展安全生产大检查，重点检查危险化学品、消防、燃气、建筑施工、交通运输和工贸企业有限空间作业。"
        "对检查发现的重大事故隐患实行挂牌督办，整改不到位的依法责令停产停业。",
        "supervision",
        _d("2024-03-05"),
        KIND_OTHER,
        "",
        "market",
    ),
    SampleItem(
        "yjj-chemical-penalty",
        "yjj",
        "示范区某化工有限公司未按规定排查治理事故隐患行政处罚决定书",
        "经查，当事人未建立事故隐患排查治理制度，未如实记录事故隐患排查治理情况。违反了《中华人民共和国安全生产法》第四十一条第二款，"
        "依据第一百零二条，决定给予罚款人民币三万元的行政处罚。",
        "enforcement",
        _d("2024-04-16"),
        KIND_OTHER,
        "示范区应急罚〔2024〕6号",
        "market",
    ),
    SampleItem(
        "yjj-forest-fire",
        "yjj",
        "示范区森林火灾应急预案",
        "森林火灾分为一般、较大、重大和特别重大四个等级。发生森林火灾后，属地乡镇立即组织扑救，区森林防灭火指挥部根据火情启动相应级别响应，"
        "严禁在森林防火期内野外用火。",
        "emergencies",
        _d("2023-01-16"),
        KIND_NORMATIVE,
        "示政办发〔2023〕2号",
        "security",
    ),
    SampleItem(
        "nyj-farmland",
        "nyj",
        "示范区耕地地力保护补贴实施方案",
        "补贴对象为拥有耕地承包权的种地农民，补贴标准为每亩每年110元，补贴资金通过“一卡通”直接发放到户。"
        "已作为畜牧养殖场使用的耕地、林地、成片粮田转为设施农业用地的，不再给予补贴。",
        "welfare",
        _d("2024-04-08"),
        KIND_OTHER,
        "",
        "agriculture",
    ),
    SampleItem(
        "nyj-rural-homestead",
        "nyj",
        "示范区农村宅基地审批管理办法",
        "农村村民一户只能拥有一处宅基地，面积标准按照浙江省有关规定执行。村民申请宅基地，由本人向村股份经济合作社提出书面申请，"
        "经村民代表会议讨论通过并公示后，报乡镇人民政府审批。",
        "rules",
        _d("2022-10-12"),
        KIND_NORMATIVE,
        "示政办发〔2022〕27号",
        "agriculture",
    ),
    SampleItem(
        "nyj-african-swine-fever",
        "nyj",
        "关于进一步加强非洲猪瘟防控工作的通知",
        "各乡镇街道要严格落实生猪调运监管，禁止使用餐厨废弃物饲喂生猪，规模养殖场要落实消毒和生物安全措施。"
        "发现生猪异常死亡应立即报告当地畜牧兽医部门，不得隐瞒、谎报或者迟报。",
        "emergencies",
        _d("2023-03-06"),
        KIND_OTHER,
        "",
        "agriculture",
    ),
    SampleItem(
        "nyj-tea-subsidy",
        "nyj",
        "示范区茶产业高质量发展扶持政策",
        "对新建标准化生态茶园面积50亩以上的，每亩补助1000元；对获得绿色食品认证的茶叶生产主体给予一次性奖励2万元。"
        "支持茶企开展机械化采摘和清洁化加工改造。",
        "welfare",
        _d("2023-02-20"),
        KIND_NORMATIVE,
        "示范区农〔2023〕8号",
        "agriculture",
    ),
)


def _budget_items() -> Iterator[SampleItem]:
    """Each organ's budget (预算) and final accounts (决算) for 2022–2024."""
    rng = random.Random(2024)
    for organ in ORGANS:
        for year in (2022, 2023, 2024):
            total = rng.randint(800, 60000)
            basic = total * rng.randint(55, 80) // 100
            yield SampleItem(
                f"{organ.key}-budget-{year}",
                organ.key,
                f"{organ.name}{year}年部门预算",
                f"{organ.name}{year}年部门预算已经区人大批准，现予公开。{year}年收入预算{total}万元，"
                f"支出预算{total}万元，其中基本支出{basic}万元，项目支出{total - basic}万元。"
                "公开内容包括部门职责及机构设置情况、收支预算总表、财政拨款收支预算总表、一般公共预算“三公”经费支出预算表和名词解释。",
                "budget",
                date(year, 2, rng.randint(1, 25)),
                topic="finance",
            )
            spent = total * rng.randint(90, 99) // 100
            yield SampleItem(
                f"{organ.key}-final-{year}",
                organ.key,
                f"{organ.name}{year}年度部门决算",
                f"{organ.name}{year}年度部门决算已经区财政局批复，现予公开。{year}年度总支出{spent}万元，"
                f"比年初预算减少{total - spent}万元，主要原因是严格执行过紧日子要求压减一般性支出。"
                "公开内容包括收入支出决算总表、财政拨款收入支出决算总表、一般公共预算财政拨款“三公”经费支出决算表和政府采购支出情况。",
                "budget",
                date(year + 1, 8, rng.randint(1, 28)),
                topic="finance",
            )


_PERMIT_ORGANS: Final = ("zjj", "scj", "wjj")
_PERMITS: Final = {
    "zjj": ("建筑工程施工许可", "商品房预售许可", "城镇污水排入排水管网许可"),
    "scj": ("食品经营许可", "特种设备生产单位许可", "药品零售企业许可"),
    "wjj": ("医疗机构执业许可", "放射诊疗许可", "公共场所卫生许可"),
}


def _permit_items() -> Iterator[SampleItem]:
    """Monthly lists of licensing decisions (行政许可办理结果)."""
    rng = random.Random(7)
    for organ_key in _PERMIT_ORGANS:
        organ = ORGAN_BY_KEY[organ_key]
        for month in range(1, 13):
            kinds = _PERMITS[organ_key]
            counts = [rng.randint(3, 40) for _ in kinds]
            listing = "；".join(f"{k}{c}件" for k, c in zip(kinds, counts, strict=True))
            yield SampleItem(
                f"{organ_key}-permits-2024-{month:02d}",
                organ_key,
                f"{organ.short}2024年{month}月行政许可办理结果公示",
                f"2024年{month}月，{organ.name}共办结行政许可事项{sum(counts)}件，全部在法定时限内办结。其中{listing}。"
                "办理结果详见附件，如对公示内容有异议，可在公示之日起七个工作日内向本机关书面反映。",
                "licensing",
                date(2024, month, 28),
                topic=organ.topic,
            )


_PENALTIES: Final = (
    (
        "scj",
        "示范区某餐饮管理有限公司",
        "经营超过保质期的食品",
        "《中华人民共和国食品安全法》第三十四条",
        "罚款人民币五万元，没收违法所得",
    ),
    (
        "scj",
        "示范区某超市",
        "销售标签不符合规定的预包装食品",
        "《中华人民共和国食品安全法》第六十七条",
        "罚款人民币八千元",
    ),
    (
        "scj",
        "示范区某童装有限公司",
        "生产纤维含量不合格的童装",
        "《中华人民共和国产品质量法》第二十六条",
        "罚款人民币三万二千元，没收不合格产品",
    ),
    (
        "scj",
        "示范区某广告传媒有限公司",
        "发布含有绝对化用语的广告",
        "《中华人民共和国广告法》第九条",
        "罚款人民币二十万元",
    ),
    (
        "scj",
        "示范区某药店",
        "未凭处方销售处方药",
        "《药品流通监督管理办法》第十八条",
        "警告并罚款人民币一千元",
    ),
    (
        "scj",
        "示范区某电梯工程有限公司",
        "未按安全技术规范对电梯进行维护保养",
        "《中华人民共和国特种设备安全法》第四十五条",
        "罚款人民币二万元",
    ),
    (
        "scj",
        "示范区某加油站",
        "使用未经检定的计量器具",
        "《中华人民共和国计量法》第九条",
        "责令停止使用并罚款人民币一万元",
    ),
    (
        "hbj",
        "示范区某木业有限公司",
        "未批先建",
        "《中华人民共和国环境影响评价法》第二十五条",
        "责令停止建设并罚款人民币十二万元",
    ),
    (
        "hbj",
        "示范区某金属制品有限公司",
        "危险废物贮存不规范",
        "《中华人民共和国固体废物污染环境防治法》第八十一条",
        "罚款人民币十万元",
    ),
    (
        "hbj",
        "示范区某建材有限公司",
        "扬尘污染防治措施不到位",
        "《中华人民共和国大气污染防治法》第七十二条",
        "罚款人民币三万元",
    ),
    (
        "yjj",
        "示范区某物流有限公司",
        "未对从业人员进行安全生产教育和培训",
        "《中华人民共和国安全生产法》第二十八条",
        "罚款人民币二万五千元",
    ),
    (
        "yjj",
        "示范区某纺织有限公司",
        "有限空间作业未安排专门人员现场安全管理",
        "《中华人民共和国安全生产法》第四十三条",
        "罚款人民币四万元",
    ),
    (
        "zjj",
        "示范区某建设工程有限公司",
        "未取得施工许可证擅自施工",
        "《建筑工程施工许可管理办法》第十二条",
        "责令停止施工并罚款人民币六万元",
    ),
    (
        "zjj",
        "示范区某物业服务有限公司",
        "未按规定公示物业服务收费标准",
        "《物业管理条例》第四十条",
        "警告并罚款人民币五千元",
    ),
    (
        "wjj",
        "示范区某诊所",
        "使用非卫生技术人员从事医疗卫生技术工作",
        "《医疗机构管理条例》第二十七条",
        "罚款人民币一万五千元",
    ),
    (
        "wjj",
        "示范区某宾馆",
        "公共场所卫生检测不合格",
        "《公共场所卫生管理条例》第十四条",
        "警告并罚款人民币二千元",
    ),
    (
        "rsj",
        "示范区某服装有限公司",
        "拖欠劳动者工资",
        "《保障农民工工资支付条例》第五十四条",
        "责令限期支付并罚款人民币三万元",
    ),
    (
        "nyj",
        "示范区某农资经营部",
        "经营假农药",
        "《农药管理条例》第五十五条",
        "没收违法所得并罚款人民币二万元",
    ),
    (
        "nyj",
        "示范区某生猪养殖场",
        "未按规定处理病死动物",
        "《中华人民共和国动物防疫法》第九十八条",
        "罚款人民币六千元",
    ),
    (
        "scj",
        "示范区某眼镜店",
        "虚假宣传商品功效",
        "《中华人民共和国反不正当竞争法》第八条",
        "罚款人民币十五万元",
    ),
)


def _penalty_items() -> Iterator[SampleItem]:
    for i, (organ_key, party, act, law, decision) in enumerate(_PENALTIES, start=1):
        organ = ORGAN_BY_KEY[organ_key]
        yield SampleItem(
            f"penalty-{i:02d}",
            organ_key,
            f"{party}{act}行政处罚决定书",
            f"当事人：{party}。经查，当事人存在{act}的违法行为，违反了{law}的规定。"
            f"本机关依法作出如下行政处罚决定：{decision}。当事人如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议，"
            "或者在六个月内依法向人民法院提起行政诉讼。",
            "enforcement",
            date(2023 + i % 2, 1 + i % 12, 1 + (i * 3) % 27),
            doc_number=f"{organ.short}罚〔{2023 + i % 2}〕{10 + i}号",
            topic=organ.topic,
        )


_PROCUREMENTS: Final = (
    ("gov", "区行政中心物业管理服务项目", "物业管理服务", 486),
    ("jyj", "中小学智慧教室设备采购项目", "交互式智能平板和录播系统", 1250),
    ("jyj", "区实验小学校服采购项目", "学生校服", 96),
    ("wjj", "区人民医院医学影像设备采购项目", "64排CT和数字化X线摄影系统", 980),
    ("zjj", "城区道路路灯节能改造项目", "LED路灯和智能控制系统", 730),
    ("mzj", "居家养老服务中心运营服务项目", "居家养老上门服务", 360),
    ("czj", "财政一体化信息系统运维服务项目", "信息系统运行维护", 215),
    ("hbj", "大气污染源自动监测设备运维项目", "在线监测设备运行维护", 180),
    ("nyj", "农村生活污水处理设施运维项目", "污水处理设施运行维护", 520),
    ("yjj", "应急物资储备库物资采购项目", "救生衣、冲锋舟、发电机等应急物资", 310),
)


def _procurement_items() -> Iterator[SampleItem]:
    rng = random.Random(11)
    for i, (organ_key, project, goods, budget) in enumerate(_PROCUREMENTS, start=1):
        organ = ORGAN_BY_KEY[organ_key]
        winner = rng.choice(
            (
                "浙江某科技有限公司",
                "杭州某信息技术有限公司",
                "示范区某服务有限公司",
                "上海某设备有限公司",
            )
        )
        yield SampleItem(
            f"procurement-{i:02d}",
            organ_key,
            f"{organ.short}{project}中标结果公告",
            f"采购人：{organ.name}。采购内容：{goods}。预算金额：{budget}万元。采购方式：公开招标。"
            f"经评标委员会评审，确定中标供应商为{winner}，中标金额{budget * rng.randint(85, 98) // 100}万元。"
            "公告期限为1个工作日，供应商认为中标结果使自己的权益受到损害的，可以在知道或者应知其权益受到损害之日起七个工作日内提出质疑。",
            "procurement",
            date(2024, 1 + i, 10 + i),
            topic="finance",
        )


_RECRUITMENT: Final = (
    (
        "wjj",
        "2024年示范区卫生健康系统公开招聘医学类专业技术人员公告",
        "区属公立医院和社区卫生服务中心招聘临床医学、护理、药学等专业技术人员85名",
    ),
    (
        "rsj",
        "2024年示范区事业单位公开招聘工作人员公告",
        "区属事业单位招聘工作人员63名，笔试科目为综合基础知识",
    ),
    (
        "gov",
        "示范区2024年公开招聘社区工作者公告",
        "面向社会公开招聘社区专职工作者120名，年龄在40周岁以下",
    ),
    (
        "yjj",
        "示范区应急管理局招聘编外工作人员公告",
        "招聘安全生产执法辅助人员6名，具有安全工程相关专业背景者优先",
    ),
)


def _recruitment_items() -> Iterator[SampleItem]:
    for i, (organ_key, title, text) in enumerate(_RECRUITMENT, start=1):
        yield SampleItem(
            f"recruitment-{i:02d}",
            organ_key,
            title,
            f"根据工作需要，经研究决定，{text}。报名采取网上报名方式，资格审查贯穿招聘全过程。"
            "招聘信息及考试安排在示范区人民政府网站发布，请报考人员及时关注。",
            "recruitment",
            date(2024, 2 + i, 6),
            topic="labour",
        )


_INTERPRETATIONS: Final = (
    ("gov-garbage-rules", "gov", "《示范区生活垃圾分类管理办法》政策解读"),
    ("rsj-employment-subsidy", "rsj", "一图读懂示范区促进高校毕业生就业创业若干政策"),
    ("mzj-subsistence", "mzj", "《关于提高示范区城乡居民最低生活保障标准的通知》解读"),
)


def _interpretation_items() -> Iterator[SampleItem]:
    by_key = {item.key: item for item in _WRITTEN}
    for source_key, organ_key, title in _INTERPRETATIONS:
        source = by_key[source_key]
        yield SampleItem(
            f"{source_key}-interpretation",
            organ_key,
            title,
            f"一、制定背景。{source.body[:60]}二、主要内容。文件共分为总则、具体措施和附则三部分。"
            "三、政策亮点。进一步明确责任主体，简化办理流程，提高群众获得感。四、解读机关及联系方式：见文末。",
            "rules" if source.kind != KIND_OTHER else source.category,
            source.written_on + timedelta(days=3),
            KIND_INTERPRETATION,
            topic=source.topic,
        )


def sample_items() -> list[SampleItem]:
    """The whole sample catalogue (at least 200 items), in a stable order."""
    items = [
        *_WRITTEN,
        *_budget_items(),
        *_permit_items(),
        *_penalty_items(),
        *_procurement_items(),
        *_recruitment_items(),
        *_interpretation_items(),
    ]
    return items


# The queries a person would type, each with the item it should find in the top three.
SAMPLE_QUERIES: Final[tuple[tuple[str, str], ...]] = (
    ("垃圾分类", "gov-garbage-rules"),
    ("老旧小区改造", "gov-old-community"),
    ("十四五规划 中期评估", "gov-14th-plan-midterm"),
    ("区政府办公室 联系电话", "gov-contact"),
    ("防汛防台应急预案", "gov-flood-plan"),
    ("台风 杜苏芮", "gov-typhoon-warning"),
    ("政府工作报告 2023", "gov-report-2023"),
    ("规范性文件清理", "gov-normative-cleanup"),
    ("阶梯水价", "fgj-price-water"),
    ("人民医院迁建", "fgj-hospital-approval"),
    ("储备粮", "fgj-grain-reserve"),
    ("行政事业性收费目录清单", "czj-fees-list"),
    ("政府集中采购目录", "czj-procurement-catalogue"),
    ("政府债务限额", "czj-debt"),
    ("三公经费 2023", "czj-three-public"),
    ("教育局 2023 部门决算", "jyj-final-2023"),
    ("义务教育招生", "jyj-enrol-2024"),
    ("学区划分", "jyj-school-zones"),
    ("教师招聘", "jyj-teacher-hiring"),
    ("流感疫苗", "wjj-vaccine"),
    ("家庭医生签约", "wjj-family-doctor"),
    ("食品抽检 不合格", "scj-food-results"),
    ("电梯安全隐患", "scj-elevator"),
    ("租赁补贴", "zjj-rental-subsidy"),
    ("施工许可证 办事指南", "zjj-construction-permit"),
    ("房屋征收补偿", "zjj-demolition"),
    ("印染 超标排放 处罚", "hbj-pollution-penalty"),
    ("最低工资标准", "rsj-minimum-wage"),
    ("低保标准", "mzj-subsistence"),
    ("宅基地审批", "nyj-rural-homestead"),
)

# Queries in traditional characters, with the simplified item they should find.
TRADITIONAL_QUERIES: Final[tuple[tuple[str, str], ...]] = (
    ("垃圾分類管理辦法", "gov-garbage-rules"),
    ("義務教育招生", "jyj-enrol-2024"),
    ("最低生活保障標準", "mzj-subsistence"),
    ("電梯安全隱患", "scj-elevator"),
)

# Exact phrases in quotes, with an item that holds them word for word.
PHRASE_QUERIES: Final[tuple[tuple[str, str], ...]] = (
    ('"困人救援演练"', "scj-elevator"),
    ("“有干净水喝”", "mzj-disaster-relief"),
)


# --------------------------------------------------------------------------- synthetic

_SYN_SUBJECTS: Final = (
    "垃圾分类",
    "老旧小区改造",
    "农村供水",
    "义务教育",
    "医疗保障",
    "养老服务",
    "就业创业",
    "安全生产",
    "食品安全",
    "生态环境",
    "交通运输",
    "城市更新",
    "乡村振兴",
    "数字经济",
    "营商环境",
    "科技创新",
    "文化旅游",
    "水利工程",
    "住房保障",
    "社会救助",
    "消防安全",
    "森林防火",
    "防汛防台",
    "市场监管",
    "知识产权",
    "政府采购",
    "财政预算",
)
_SYN_FORMS: Final = (
    "关于印发{org}{subject}工作方案的通知",
    "{org}{year}年{subject}工作要点",
    "关于开展{subject}专项检查的通知",
    "{org}{subject}管理办法",
    "{year}年{subject}情况公示",
    "关于{subject}有关事项的公告",
    "{org}{subject}实施细则",
)
_SYN_SENTENCES: Final = (
    "为深入贯彻落实上级决策部署，结合本地实际，制定本方案。",
    "各单位要高度重视，加强组织领导，明确责任分工。",
    "对工作中发现的问题要建立台账，限期整改到位。",
    "本办法自发布之日起施行，有效期五年。",
    "请各乡镇人民政府、街道办事处认真组织实施。",
    "相关情况将定期向社会公开，接受群众监督。",
    "资金由区财政统筹安排，实行专款专用。",
    "联系人及联系电话见附件。",
)


def synthetic_items(count: int, seed: int = 1) -> Iterator[SampleItem]:
    """``count`` machine-made items in the sample's vocabulary, for the benchmark."""
    rng = random.Random(seed)
    categories = (
        "rules",
        "planning",
        "budget",
        "licensing",
        "enforcement",
        "welfare",
        "supervision",
        "other",
    )
    for i in range(count):
        organ = ORGANS[i % len(ORGANS)]
        subject = rng.choice(_SYN_SUBJECTS)
        year = rng.randint(2015, 2024)
        title = rng.choice(_SYN_FORMS).format(org=organ.short, subject=subject, year=year)
        sentences = [rng.choice(_SYN_SENTENCES) for _ in range(rng.randint(4, 10))]
        sentences.insert(
            rng.randint(0, len(sentences)),
            f"本项工作涉及{rng.choice(_SYN_SUBJECTS)}和{subject}，编号{i}。",
        )
        yield SampleItem(
            f"syn-{i}",
            organ.key,
            title,
            "".join(sentences),
            rng.choice(categories),
            date(year, rng.randint(1, 12), rng.randint(1, 28)),
            topic=organ.topic,
        )
