"""Diagnostics the recognizer writes: each names the place, what was expected and found.

A diagnostic is a plain dict (it goes into ``AnnualReport.diagnostics`` and the JSON
as it is): ``code`` (stable, see ``CODES``), ``severity`` (``info``/``warning``/
``error``), ``message`` (Chinese, starting with the source and the place), the place
(``line``/``page`` or ``table``/``table_row``) and, for a table, the ``row`` or ``cell``
key it concerns.
"""

from __future__ import annotations

from typing import Any

from .rows import Row

CODES: dict[str, str] = {
    "ORGAN_NOT_FOUND": "找不到发布机关",
    "YEAR_NOT_FOUND": "找不到报告年度",
    "YEAR_FROM_DATE": "标题和统计期限中都没有年度，按落款日期或发布时间推定（次年上半年发布的报告属上一年度）",
    "YEAR_CONFLICT": "标题、统计期限、正文开头和落款日期所示的年度不一致，按标题（无标题年度时按正文）读取",
    "SECTION_NOT_FOUND": "找不到某一部分的标题",
    "NO_REPORT": "文件中没有年报：既没有年报标题，也没有六个部分的标题和三张表",
    "TABLE_NOT_FOUND": "找不到某张表",
    "ROW_NOT_FOUND": "表中找不到某一行",
    "ROW_NOT_PRINTED": "表二没有印“规章”一行（不制定规章的机关常不印），该行留空",
    "ROW_TOO_FEW": "某一行的数字少于应有的个数",
    "ROW_TOO_MANY": "某一行的数字多于应有的个数",
    "ROW_DUPLICATE": "同一行出现两次",
    "LABEL_NEAR": "行标签与国家格式的写法有几个字不同（错字、漏字、多字），按最接近的一行读取",
    "ROW_INFERRED": "缺少行标签，按前后行的位置推定",
    "VALUES_ABOVE_LABELS": "每行的数字印在行标签的上一行，按上下配对读取",
    "VALUES_BEFORE_LABELS": "每行的数字印在同一行的行标签之前，按各行自己的标签读取",
    "LABELS_THEN_VALUES": "先印一组行标签、再印同样多行数字，按顺序配对读取",
    "CELL_AMBIGUOUS": "空白单元格的位置不确定",
    "CELL_BLANK": "空白单元格按 null 处理",
    "CELL_NOT_INTEGER": "应为整数的单元格是小数",
    "MERGED_CELL_REPEATED": "一格的数字在合并单元格的每一格重复出现（转换工具所致），按一个数字读取",
    "VALUES_UNASSIGNED": "有数字无法归入任何一行",
    "ROW_NUMBERS_IGNORED": "表格各行在行标签前或后印有序号（行次），或表头下印有栏次（甲、乙、丙，1、2、3……），未读作数字",
    "LETTER_O_AS_ZERO": "数字单元格中的字母 O 按数字 0 读取（文字识别的常见错误）",
    "LETTER_L_AS_ONE": "数字单元格中的字母 l 或 I 按数字 1 读取（文字识别的常见错误）",
    "YI_AS_DASH": "数字单元格只印“一”，按短横（空白）读取为 null，不读作 1",
    "APPROXIMATE_NUMBER": "单元格印的是约数（“约”“近”），按所印数字读取",
    "SUBTOTAL_IGNORED": "表中的分组小计不属于国家格式，未读取",
    "TRIAL_FORMAT": "2019 年试行格式的年报",
    "TRIAL_TABLE2": "试行格式的表二与 2021 格式不对应，未读取",
    "COLUMNS_REORDERED": "表三表头的列顺序与国家格式不同，各列按表头读取",
    "TABLE4_REORDERED": "表四表头所印各组（行政复议、行政诉讼的两组）或各列的顺序与国家格式不同，各数字按表头归入各组、各列",
    "TABLE2_ONE_CELL_A_ROW": "表二每行印一格（项目、统计指标、数值），按各行所印的项目和指标逐格读取",
    "TABLE4_ONE_CELL_A_ROW": "表四每行印一格（组、列、数字），或横过来印（每行一列、三组横排），按各行所印的组和列逐格读取",
    "TABLE3_TRANSPOSED": "表三横过来印（每行一列：列名后印二十五行的数字），按列读取",
    "FEE_IN_YUAN": "表二“行政事业性收费”按“元”印出，已换算为万元",
    "EXTRA_COLUMNS_LEFT_OUT": "表三另印有国家格式之外的列（占比、备注等），这些列的数字未读取",
    "EXTRA_ROWS_LEFT_OUT": "表中有国家格式之外的行（本机关自列的事项、“其中”细分），未读取",
    "LAST_YEAR_LEFT_OUT": "表中并列或随后印有上年（往年）的数字供对照，只读取本年度的，往年的未读取",
    "TABLE4_HEADINGS_CONFLICT": "表四表头所印各组或各列的顺序前后矛盾，按国家格式的位置读取",
    "INTERNAL_ERROR": "识别某一部分时程序出错，该部分留空（请报告此问题）",
    "PLACEHOLDER_AS_ZERO": "正文写明本年度未收到申请（或未发生复议、诉讼），表中只有 0 和占位符，占位符按 0 读取",
    "ORGAN_SPELLING": "标题中的机关名称与落款或发布机构有一两个字不同，按标题读取",
    "TABLES_PER_ORGAN": "联合发布的报告为每个机关各印一套表格，读取第一个机关（标题所称机关）的一套，其余未读取",
    "ORGAN_JOINT": "年报由两个或以上机关联合落款，按标题所称机关（标题未称则按第一个落款机关）读取",
    "ORGAN_FROM_PUBLISHER": "标题、正文开头和落款中都没有发布机关，按抓取页面的“发布机构”等字段读取，请核对",
    "AMBIGUOUS_RUN": "连在一起的数字串有多种拆分都满足勾稽关系，按规则选取，其他拆分列在诊断中",
    "UNDECODED_RUN": "连在一起的数字串无法拆成各格，该行留空",
    "TABLES_SPLIT": "PDF 某页有几张表格紧贴在一起（上下或左右相接），已按各自的表格线拆开分别读取",
    "PDF_WATERMARK_DROPPED": "PDF 页面上斜印或近乎透明的文字（网站水印、下载日期和编号）不是报告正文，已在读取前去掉",
    "PDF_PAGES_NO_TEXT": "PDF 有的页只有图片、没有文字层（扫描页或粘贴成图片的表格），这些页上的内容未读取",
}


class Notes:
    """Collects the diagnostics of one document."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[dict[str, Any]] = []

    def child(self) -> Notes:
        """Empty notes of the same source, for a reading that may be dropped: the
        caller keeps them (``adopt``) only when it keeps the reading."""
        return Notes(self.source)

    def adopt(self, child: Notes) -> None:
        """Take ``child``'s diagnostics, after those already here."""
        self.items.extend(child.items)

    def add(
        self,
        code: str,
        severity: str,
        message: str,
        at: Row | None = None,
        **extra: Any,
    ) -> None:
        where = f"{at.where()} " if at is not None else ""
        item: dict[str, Any] = {
            "code": code,
            "severity": severity,
            "message": f"{self.source}：{where}{message}",
        }
        if at is not None:
            item.update(at.place())
        item.update(extra)
        self.items.append(item)
