"""Configuration and security: environment parsing, secret key, password policy, lockout, SQLite WAL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url
import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import connections
from django.test import Client

from gongkai.config.environment import env_flag, env_list, secret_key


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("TRUE", True), ("on", True), ("0", False), ("no", False)]
)
def test_env_flag(monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool) -> None:
    monkeypatch.setenv("GONGKAI_TEST_FLAG", raw)
    assert env_flag("GONGKAI_TEST_FLAG", not expected) is expected


def test_env_flag_refuses_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ValueError) as info:
        env_flag("DEBUG", False)
    assert str(info.value) == "环境变量 DEBUG 应为 1/0、true/false、yes/no 或 on/off，读到“maybe”"


def test_env_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOWED_HOSTS", " a.example , b.example ,")
    assert env_list("ALLOWED_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.delenv("ALLOWED_HOSTS")
    assert env_list("ALLOWED_HOSTS", ["x"]) == ["x"]


def test_secret_key_is_made_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path / "var")
    assert len(first) >= 50
    assert secret_key(tmp_path / "var") == first
    assert (tmp_path / "var" / "secret_key").stat().st_mode & 0o777 == 0o600
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert secret_key(tmp_path / "var") == "from-the-environment"


@pytest.mark.parametrize(
    ("password", "codes"),
    [
        ("short1A!", {"password_too_short"}),
        ("alllowercaseletters", {"password_too_uniform"}),
        ("8302945716302", {"password_entirely_numeric", "password_too_uniform"}),
        ("Gongkai-Demo-2025", {"password_demo"}),  # published in the README
        ("Xk7#mP2vLq9w", set()),
    ],
)
def test_password_policy(password: str, codes: set[str]) -> None:
    try:
        validate_password(password)
    except ValidationError as exc:
        assert {e.code for e in exc.error_list} == codes
        if "password_too_uniform" in codes:
            assert "密码须至少包含小写字母、大写字母、数字、其他符号中的3类。" in exc.messages
    else:
        assert codes == set()


@pytest.mark.django_db
def test_fifth_wrong_password_locks_the_account(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    make_member(organ_tree["a"], "officer", username="locked_user")
    for attempt in range(1, 6):
        response = client.post("/accounts/login/", {"username": "locked_user", "password": "wrong"})
        if attempt < 5:
            assert "用户名或密码不正确" in response.content.decode()
    assert response.status_code == 429
    assert "该账户已被暂时锁定" in response.content.decode()
    from gongkai_demo.factories.organs import TEST_PASSWORD

    response = client.post(
        "/accounts/login/", {"username": "locked_user", "password": TEST_PASSWORD}
    )
    assert response.status_code == 429


def test_sqlite_files_run_in_wal_mode(tmp_path: Path, django_db_blocker: Any) -> None:
    from django.db.backends.sqlite3.base import DatabaseWrapper

    from gongkai.config.settings import SQLITE_OPTIONS

    database = dj_database_url.parse(f"sqlite:///{tmp_path / 'gongkai.sqlite3'}")
    defaults = connections.settings["default"]  # every key Django fills in
    wrapper = DatabaseWrapper({**defaults, **database, "OPTIONS": dict(SQLITE_OPTIONS)})
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
    finally:
        wrapper.close()
