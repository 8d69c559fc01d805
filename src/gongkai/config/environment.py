"""Reading the site's configuration from the environment (no Django imports)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})


def env_flag(name: str, default: bool) -> bool:
    """A yes/no environment variable; anything unrecognised is an error naming the variable."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ValueError(f"环境变量 {name} 应为 1/0、true/false、yes/no 或 on/off，读到“{raw}”")


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated environment variable."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def secret_key(var_dir: Path) -> str:
    """SECRET_KEY from the environment, else the one kept in var/secret_key (made on first run)."""
    from_env = os.environ.get("SECRET_KEY", "").strip()
    if from_env:
        return from_env
    path = var_dir / "secret_key"
    if path.is_file():
        kept = path.read_text(encoding="utf-8").strip()
        if kept:
            return kept
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(key + "\n", encoding="utf-8")
    tmp.chmod(0o600)
    tmp.replace(path)
    return key


def s3_options_from_environment() -> dict[str, object] | None:
    """django-storages' S3 options from ``GONGKAI_S3_*`` (None when no bucket is set).

    Objects are private (no ACL, signed URLs that expire after five minutes when a URL
    is ever asked for) and never overwritten: a second upload under a taken name gets a
    new name, as on disk."""
    bucket = os.environ.get("GONGKAI_S3_BUCKET", "")
    if not bucket:
        return None
    options: dict[str, object] = {
        "bucket_name": bucket,
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 300,
        "file_overwrite": False,
        "region_name": os.environ.get("GONGKAI_S3_REGION", "us-east-1"),
    }
    for option, variable in (
        ("endpoint_url", "GONGKAI_S3_ENDPOINT_URL"),
        ("access_key", "GONGKAI_S3_ACCESS_KEY_ID"),
        ("secret_key", "GONGKAI_S3_SECRET_ACCESS_KEY"),
    ):
        if os.environ.get(variable):
            options[option] = os.environ[variable]
    return options
