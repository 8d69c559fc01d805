"""``gongkai deadlines …`` through Typer's CliRunner: output, messages and exit codes."""

from __future__ import annotations

from typer.testing import CliRunner

from gongkai.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["deadlines", *args])
    return result.exit_code, result.stdout, result.stderr


def test_due_prints_the_iso_date_first() -> None:
    assert run("due", "--received", "2024-09-27") == (0, "2024-10-30\n", "")


def test_due_with_extension_pause_and_explanation() -> None:
    code, out, _ = run(
        "due",
        "--received",
        "2024-09-27",
        "--extend",
        "5",
        "--pause",
        "2024-10-08:2024-10-15",
        "--explain",
    )
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "2024-11-14"
    assert "法定答复期限：2024-11-07（星期四）（第20个工作日，另因暂停顺延6个工作日）。" in lines
    assert "延长后的答复期限：2024-11-14（星期四）。" in lines


def test_due_with_fee_pause_kind() -> None:
    code, out, _ = run(
        "due", "--received", "2024-09-27", "--pause", "2024-10-08:2024-10-15:fee_notice"
    )
    assert (code, out) == (0, "2024-11-07\n")


def test_workdays_counts_after_from_up_to_to() -> None:
    assert run("workdays", "2024-09-27", "2024-10-30") == (0, "20\n", "")
    assert run("workdays", "2024-09-30", "2024-10-08") == (0, "1\n", "")


def test_day_explains_a_day() -> None:
    code, out, _ = run("day", "2024-10-12")
    assert code == 0 and out.startswith("2024-10-12（星期六）：国庆节调休上班，工作日")


def test_uncovered_year_is_provisional_with_a_warning_naming_it() -> None:
    code, out, err = run("due", "--received", "2026-12-31")
    assert (code, out) == (0, "2027-01-29\n")
    assert err.startswith("警告：2027年的节假日安排（国务院办公厅通知）尚未录入")
    assert "暂定" in err
    code, out, _ = run("due", "--received", "2026-12-31", "--explain")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "2027-01-29"
    assert "法定答复期限：2027-01-29（星期五）（暂定）（第20个工作日）。" in lines
    assert any(line.startswith("日历依据（2027年）：暂定：") for line in lines)


def test_a_covered_period_prints_no_warning() -> None:
    assert run("due", "--received", "2026-11-02")[2] == ""


def test_strict_uncovered_year_exits_1_with_the_message() -> None:
    code, out, err = run("due", "--received", "2026-12-20", "--strict")
    assert (code, out) == (1, "")
    assert err == (
        "错误：2027年的节假日安排尚未录入：请在“工作日历”中录入国务院办公厅关于2027年部分节假日安排的通知，"
        "系统不会猜测\n"
    )


def test_bad_dates_are_usage_errors() -> None:
    code, _, err = run("due", "--received", "2024-13-01")
    assert code == 2 and "日期应为 YYYY-MM-DD，读到 '2024-13-01'" in err
    code, _, err = run("due", "--received", "2024-09-27", "--pause", "2024-10-15:2024-10-08")
    assert code == 2 and "结束日期早于开始日期" in err
    code, _, err = run("due", "--received", "2024-09-27", "--extend", "21")
    assert code == 2


def test_years_lists_the_shipped_notices() -> None:
    code, out, _ = run("years")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 23
    assert lines[-1].startswith("2026  《国务院办公厅关于2026年部分节假日安排的通知》")
