"""The operators' files in deploy/ hang together (containers cannot run here: this checks
their syntax and every name they share with each other and with the settings)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SETTINGS_SOURCES = (
    ROOT / "src/gongkai/config/settings.py",
    ROOT / "src/gongkai/config/environment.py",
)


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_every_service_depends_on_services_that_exist() -> None:
    services = compose()["services"]
    for name, service in services.items():
        needed = service.get("depends_on", {})
        for other in needed if isinstance(needed, list) else needed.keys():
            assert other in services, f"{name} depends on unknown service {other}"
        assert "image" in service or "build" in service, name


def test_the_platform_has_its_roles_and_they_share_one_configuration() -> None:
    services = compose()["services"]
    assert {"postgres", "redis", "s3", "migrate", "web1", "web2", "worker", "proxy"} <= set(
        services
    )
    for role in ("web1", "web2", "worker", "migrate"):
        env = services[role]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:" in env["DATABASE_URL"]
        assert env["GONGKAI_REDIS_URL"].startswith("redis://redis:")
        assert env["GONGKAI_S3_BUCKET"] and "//s3:" in env["GONGKAI_S3_ENDPOINT_URL"]
    assert services["worker"]["command"][-1] == "qcluster"
    assert "gunicorn" in (DEPLOY / "Dockerfile").read_text(encoding="utf-8")


def test_every_variable_the_files_set_is_read_by_the_settings() -> None:
    read = "".join(p.read_text(encoding="utf-8") for p in SETTINGS_SOURCES)
    services = compose()["services"]
    names = {
        n
        for s in services.values()
        for n in s.get("environment", {})
        if "gongkai" in str(s.get("image", ""))
    }
    example = (DEPLOY / "gongkai.env.example").read_text(encoding="utf-8")
    names |= set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
    assert names
    for name in names:
        assert f'"{name}"' in read, f"{name} is set in deploy/ but never read by the settings"


def test_the_load_balancer_sends_to_the_web_servers_and_passes_the_client() -> None:
    conf = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    upstream = re.findall(r"server (\w+):8000;", conf)
    assert upstream == ["web1", "web2"]
    assert "X-Forwarded-For $remote_addr" in conf  # overwritten, never appended: not spoofable
    assert "./nginx.conf" in str(compose()["services"]["proxy"]["volumes"])


def test_the_image_copies_files_that_exist() -> None:
    for line in (DEPLOY / "Dockerfile").read_text(encoding="utf-8").splitlines():
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), source
