"""The workspace pages through the Django client: fencing, numbers, downloads, import."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from typing import Any
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes
from gongkai.reports import import_jobs, services
from gongkai.reports.models import AnnualReportDraft, ImportedReport, ImportJob, Status
from tests.annual.test_render_xlsx import read_numbers
from tests.conftest import EXPECTED, SEEDS, seed_params

from .conftest import YEAR, break_table2, make_ready

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(organ: Any, tail: str = "", year: int = YEAR) -> str:
    return f"/office/reports/{organ.slug}/{year}/{tail}"


def annual_stats(organ: Any) -> dict[str, Any]:
    out = io.StringIO()
    call_command("annual_stats", "--organ", organ.slug, "--year", str(YEAR), stdout=out)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def text_of(response: Any, element_id: str) -> str:
    match = re.search(rf'id="{element_id}"[^>]*>([^<]*)<', response.content.decode())
    assert match, element_id
    return match.group(1).strip()


# ------------------------------------------------------------------ fencing


@pytest.mark.parametrize(
    "tail",
    ["", "check/", "download.json", "download.docx"],
    ids=["workspace", "check", "json", "docx"],
)
def test_another_organs_staff_get_404(staff: Any, tail: str) -> None:
    services.open_draft(staff.organ, YEAR, staff.officer)
    response = client_for(staff.other_officer).get(url(staff.organ, tail))
    assert response.status_code == 404


def test_another_organs_staff_cannot_write_either(staff: Any) -> None:
    draft = services.open_draft(staff.organ, YEAR, staff.officer)
    client = client_for(staff.other_officer)
    for tail in ("start/", "save/", "actions/publish/"):
        assert client.post(url(staff.organ, tail), {"version": 1}).status_code == 404
    draft.refresh_from_db()
    assert draft.version == 1 and draft.status == Status.DRAFT


def test_supervisors_read_but_may_not_write(staff: Any) -> None:
    draft = services.open_draft(staff.organ, YEAR, staff.officer)
    client = client_for(staff.supervisor)
    page = client.get(url(staff.organ))
    assert page.status_code == 200
    assert 'id="sections-form"' not in page.content.decode()
    assert 'id="publish"' not in page.content.decode()
    assert client.get(url(staff.organ, "check/")).status_code == 200
    saved = client.post(url(staff.organ, "save/"), {"version": 1, "section-5": "监督人改的"})
    assert saved.status_code == 403
    assert client.post(url(staff.organ, "actions/publish/")).status_code == 403
    draft.refresh_from_db()
    assert draft.version == 1 and draft.status == Status.DRAFT


def test_roll_up_is_for_supervisors_only(staff: Any) -> None:
    rollup = f"/office/reports/rollup/{staff.office.slug}/{YEAR}/"
    assert client_for(staff.supervisor).get(rollup).status_code == 200
    assert client_for(staff.officer).get(rollup).status_code == 404  # office not visible
    assert client_for(staff.admin).get(rollup).status_code == 404


# ------------------------------------------------------------------ workspace


def test_the_workspace_shows_the_numbers_annual_stats_computes(staff: Any, caseload: None) -> None:
    expected = annual_stats(staff.organ)["table3"]
    client = client_for(staff.officer)
    client.post(url(staff.organ, "start/"))
    page = client.get(url(staff.organ))
    assert page.status_code == 200
    for element, row in [
        ("n-received", "received"),
        ("n-carried-over", "carried_over"),
        ("n-handled", "handled_total"),
        ("n-carried-forward", "carried_forward"),
    ]:
        assert text_of(page, element) == str(expected[row][-1])
    html = page.content.decode()
    # the section 三 editor is pre-filled with the same numbers
    assert (
        f"本年度共收到政府信息公开申请{expected['received'][-1]}件，"
        f"上年结转{expected['carried_over'][-1]}件，办结{expected['handled_total'][-1]}件，"
        f"结转下年度{expected['carried_forward'][-1]}件。"
    ) in html
    for heading in s.GENERAL_SUBHEADINGS:
        assert heading in html
    # the rendered form: every table-三 row label is on the page
    for row in s.TABLE3_ROWS:
        assert row.label in html


def test_editing_saves_and_a_stale_form_is_refused_with_a_message(staff: Any) -> None:
    client = client_for(staff.officer)
    client.post(url(staff.organ, "start/"))
    response = client.post(
        url(staff.organ, "save/"), {"version": 1, "section-5": "主要问题：无。"}, follow=True
    )
    assert "正文已保存。" in response.content.decode()
    assert AnnualReportDraft.objects.get().sections["5"] == "主要问题：无。"
    stale = client.post(url(staff.organ, "save/"), {"version": 1, "section-5": "旧"}, follow=True)
    assert "他人已修改" in stale.content.decode()
    assert AnnualReportDraft.objects.get().sections["5"] == "主要问题：无。"


def test_check_lists_findings_with_chinese_severity_and_code(staff: Any, caseload: None) -> None:
    break_table2(staff.organ, staff.officer)
    client = client_for(staff.officer)
    client.post(url(staff.organ, "start/"))
    page = client.get(url(staff.organ, "check/")).content.decode()
    # T2.E002, the three figures of table 二 still blank, and the prompts of 一、五、六
    assert "发现5个错误，改正前不能发布。" in page
    assert re.search(r"<td>错误</td><td><code>T2\.E002</code></td>", page)
    assert re.search(r"<td>错误</td><td><code>CELL\.E001</code></td>", page)
    assert re.search(r"<td>错误</td><td><code>WS\.W001</code></td>", page)
    assert 'href="/office/reports/bureau-a/2025/#t2-licensing">填报表二</a>' in page
    assert 'href="/office/reports/bureau-a/2025/#section-1">修改第一部分</a>' in page


def test_publish_with_errors_is_refused_and_lists_them(staff: Any, caseload: None) -> None:
    make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    break_table2(staff.organ, staff.officer)
    confirm = client_for(staff.head).get(url(staff.organ, "publish/")).content.decode()
    assert "核查发现2个错误，改正前不能发布。" in confirm and "确认发布</button>" not in confirm
    response = client_for(staff.head).post(url(staff.organ, "actions/publish/"), follow=True)
    html = response.content.decode()
    assert "不能发布：核查发现2个错误，请先改正。" in html
    assert "T2.E002" in html
    assert AnnualReportDraft.objects.get().status == Status.DRAFT


def test_publishing_late_warns_and_records_it(staff: Any, today: Any) -> None:
    today.set(date(2026, 2, 5))
    make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    client = client_for(staff.head)
    page = client.get(url(staff.organ)).content.decode()
    assert "注意：已超过法定发布期限（2026年1月31日）5天。现在发布将记录为逾期发布。" in page
    assert "已超过法定发布期限（2026年1月31日）5天，尚未发布" in page
    confirm = client.get(url(staff.organ, "publish/")).content.decode()
    assert "已超过法定发布期限（2026年1月31日）5天，将记录为逾期发布。" in confirm
    assert "确认发布</button>" in confirm
    done = client.post(url(staff.organ, "actions/publish/"), follow=True).content.decode()
    assert "已发布。已超过法定发布期限（2026年1月31日）5天，已记录为逾期发布。" in done
    assert AnnualReportDraft.objects.get().late_days == 5


# ------------------------------------------------------------------ downloads


CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "json": "application/json; charset=utf-8",
}


@pytest.mark.parametrize("published", [False, True], ids=["draft", "published"])
def test_downloads_have_their_type_and_read_back(
    staff: Any, caseload: None, published: bool
) -> None:
    expected = annual_stats(staff.organ)
    draft = make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    if published:
        services.publish(draft, staff.head, on=date(2026, 1, 20))
    client = client_for(staff.officer)
    got = {fmt: client.get(url(staff.organ, f"download.{fmt}")) for fmt in CONTENT_TYPES}
    for fmt, response in got.items():
        assert response.status_code == 200, fmt
        assert response["Content-Type"] == CONTENT_TYPES[fmt]
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment;") and f".{fmt}" in disposition
        assert ("（草稿）" in unquote(disposition)) is not published
    assert got["pdf"].content.startswith(b"%PDF")
    data = json.loads(got["json"].content)
    assert data["table3"] == expected["table3"] and data["table4"] == expected["table4"]
    docx = parse_bytes(got["docx"].content, "报告.docx")
    assert {k: list(docx.table3.row(k)) for k in s.TABLE3_ROW_KEYS} == expected["table3"]
    xlsx = read_numbers(got["xlsx"].content)
    for key in s.TABLE3_ROW_KEYS:
        for i, column in enumerate(s.TABLE3_COLUMN_KEYS):
            assert xlsx[s.table3_cell(key, column)] == expected["table3"][key][i]


# ------------------------------------------------------------------ import


def seed_like(seed: str, organ_name: str) -> tuple[str, bytes]:
    """A real report (a seed) as if it were this organ's: its organ name replaced."""
    stated = json.loads((EXPECTED / f"{seed}.json").read_text(encoding="utf-8"))["organ"]
    text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    return f"{seed}.txt", text.replace(stated, organ_name).encode("utf-8")


def import_in_background(client: Client, url: str, files: list[Any]) -> str:
    """Post the files, see the job waiting for the worker, run the worker's task, and
    return the job's page as it then reads."""
    response = client.post(url, {"files": files}, follow=True)
    html = response.content.decode()
    job = ImportJob.objects.latest("pk")
    assert response.redirect_chain[-1][0] == f"/office/reports/imports/{job.pk}/"
    assert f"已收到{len(files)}个文件，后台正在逐个读取和核查。" in html
    assert "排队中" in html and f"已读取0个，共{len(files)}个文件（0%）" in html
    assert '<meta http-equiv="refresh" content="3">' in html
    assert ImportedReport.objects.count() == 0 or job.total == 1  # nothing read in the request
    import_jobs.run(job.pk)
    page = client.get(f"/office/reports/imports/{job.pk}/").content.decode()
    assert "已完成" in page and 'http-equiv="refresh"' not in page
    return page


@pytest.mark.parametrize("seed", seed_params()[:1])
def test_import_reads_each_file_and_a_bad_one_does_not_break_the_batch(
    staff: Any, seed: str, settings: Any, tmp_path: Any
) -> None:
    settings.VAR_DIR = tmp_path
    name, content = seed_like(seed, staff.organ.name)
    expected = json.loads((EXPECTED / f"{seed}.json").read_text(encoding="utf-8"))
    files = [
        SimpleUploadedFile("坏文件.pdf", b"%PDF-1.4 this is not a real pdf"),
        SimpleUploadedFile("说明.exe", b"MZ..."),
        SimpleUploadedFile(name, content),
        SimpleUploadedFile("空.txt", b""),
    ]
    client = client_for(staff.supervisor)
    rollup = f"/office/reports/rollup/{staff.office.slug}/{expected['year']}/"
    html = import_in_background(client, rollup + "import/", files)
    assert "共4个文件，导入1个，未导入3个。" in html
    assert "已读取4个，共4个文件（100%）" in html
    assert not [p for p in (tmp_path / "imports").rglob("*") if p.is_file()]  # uploads removed
    assert "不支持的文件类型“.exe”" in html
    assert "文件是空的（0 字节），未导入" in html
    assert re.search(r"坏文件\.pdf</td><td data-label=\"结果\">无法读取：", html)
    row = ImportedReport.objects.get()
    assert (row.organ, row.year, row.matched_by) == (staff.organ, expected["year"], "name")
    assert row.data["table3"]["received"] == expected["table3"]["received"]
    # the roll-up lists it as published from outside
    listed = client.get(rollup).content.decode()
    line = re.search(rf'<tr data-organ="{staff.organ.slug}">(.*?)</tr>', listed, re.S)
    assert line and "已发布" in line.group(1) and "外部导入" in line.group(1)
    detail = client.get(f"/office/reports/imported/{row.pk}/").content.decode()
    assert "外部导入" in detail and "识别诊断" in detail
    # the same file again is not stored twice
    again = import_in_background(client, rollup + "import/", [SimpleUploadedFile(name, content)])
    assert "内容相同，未重复导入" in again
    assert "导入任务" in client.get(rollup).content.decode()  # both jobs listed on the roll-up
    assert ImportedReport.objects.count() == 1


def test_an_unmatched_import_can_be_assigned(staff: Any, settings: Any, tmp_path: Any) -> None:
    from gongkai.annual import AnnualReport

    settings.VAR_DIR = tmp_path
    report = AnnualReport(organ="某市某局", year=YEAR)
    client = client_for(staff.supervisor)
    rollup = f"/office/reports/rollup/{staff.office.slug}/{YEAR}/"
    upload = SimpleUploadedFile("外部.json", report.to_json().encode("utf-8"))
    job_page = import_in_background(client, rollup + "import/", [upload])
    assert "报告所署“某市某局”不在本单位所辖机关中，请在导入记录中指定" in job_page
    row = ImportedReport.objects.get()
    assert row.organ is None and row.matched_by == ""
    detail = client.get(f"/office/reports/imported/{row.pk}/").content.decode()
    assert "<dt>机关</dt><dd>未匹配</dd>" in detail
    assert "<dt>报告所署机关</dt><dd>某市某局</dd>" in detail
    client.post(f"/office/reports/imported/{row.pk}/assign/", {"organ": staff.other_organ.pk})
    row.refresh_from_db()
    assert (row.organ, row.matched_by) == (staff.other_organ, "chosen")
    assert (
        client_for(staff.other_officer).get(f"/office/reports/imported/{row.pk}/").status_code
        == 200
    )
    assert client_for(staff.officer).get(f"/office/reports/imported/{row.pk}/").status_code == 404


def test_roll_up_statuses(staff: Any, today: Any) -> None:
    draft = make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    services.publish(draft, staff.head, on=date(2026, 1, 20))
    services.open_draft(staff.other_organ, YEAR, staff.other_officer)
    today.set(date(2026, 2, 2))
    html = (
        client_for(staff.supervisor)
        .get(f"/office/reports/rollup/{staff.office.slug}/{YEAR}/")
        .content.decode()
    )
    cells = {
        slug: re.findall(r"<td[^>]*>([^<]*)</td>", m)
        for slug, m in re.findall(r'<tr data-organ="([^"]+)">(.*?)</tr>', html, re.S)
    }
    assert cells[staff.organ.slug][:4] == ["已发布", "本平台", "2026-01-20", "按期"]
    assert cells[staff.other_organ.slug][:2] == ["逾期未发布（草稿）", "本平台"]
    assert cells[staff.office.slug][:2] == ["逾期未发布", ""]


def test_public_pages_show_published_reports_only(staff: Any) -> None:
    draft = make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    public = Client()
    assert public.get(f"/reports/{staff.organ.slug}/{YEAR}/").status_code == 404
    services.publish(draft, staff.head, on=date(2026, 1, 20))
    page = public.get(f"/reports/{staff.organ.slug}/{YEAR}/").content.decode()
    assert f"{staff.organ.name}{YEAR}年政府信息公开工作年度报告" in page
    assert "2026年1月20日" in page
    listing = public.get(f"/reports/{staff.organ.slug}/").content.decode()
    assert f'href="/reports/{staff.organ.slug}/{YEAR}/"' in listing
    assert staff.organ.name in public.get("/reports/").content.decode()
    pdf = public.get(f"/reports/{staff.organ.slug}/{YEAR}/download.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert public.get(f"/reports/{staff.organ.slug}/{YEAR}/download.html").status_code == 404
    assert "年度报告" in public.get("/").content.decode()  # the portal menu links here


def test_an_import_is_queued_for_the_worker_and_only_its_office_sees_it(
    staff: Any, settings: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django_q.models import OrmQ

    settings.VAR_DIR = tmp_path
    client = client_for(staff.supervisor)
    rollup = f"/office/reports/rollup/{staff.office.slug}/{YEAR}/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(rollup + "import/", {"files": [SimpleUploadedFile("a.txt", b"x")]})
    job = ImportJob.objects.get()
    queued = [q.task for q in OrmQ.objects.all()]
    assert [(q["func"], q["args"]) for q in queued] == [
        ("gongkai.reports.import_jobs.run", (job.pk,))
    ]
    assert client_for(staff.officer).get(f"/office/reports/imports/{job.pk}/").status_code == 404
    assert import_jobs.run(job.pk) == "读取1个文件，导入1个"
    assert import_jobs.run(job.pk) == f"导入任务{job.pk}已由其他进程处理或不存在"  # once only


def test_a_job_waiting_long_says_the_worker_may_be_down(
    staff: Any, settings: Any, tmp_path: Any, today: Any
) -> None:
    import time_machine

    settings.VAR_DIR = tmp_path
    client = client_for(staff.supervisor)
    rollup = f"/office/reports/rollup/{staff.office.slug}/{YEAR}/"
    client.post(rollup + "import/", {"files": [SimpleUploadedFile("a.txt", b"x")]})
    job = ImportJob.objects.get()
    page = client.get(f"/office/reports/imports/{job.pk}/").content.decode()
    assert "后台任务进程可能没有运行" not in page
    with time_machine.travel(job.created_at + import_jobs.STALLED_AFTER * 2, tick=False):
        page = client_for(staff.supervisor).get(f"/office/reports/imports/{job.pk}/")
    assert "后台任务进程可能没有运行" in page.content.decode()


def test_an_unmatched_import_says_when_no_organ_was_read() -> None:
    from types import SimpleNamespace

    from gongkai.reports import imports

    row = SimpleNamespace(organ=None, year=None, errors=0, warnings=1, data={"organ": None})
    assert imports.summary(row) == (
        "已导入：未匹配到机关（报告中未识别出机关名称，请在导入记录中指定），年度未识别；"
        "核查发现错误0个、警告1个"
    )
