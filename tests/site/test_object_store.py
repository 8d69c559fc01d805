"""With GONGKAI_S3_BUCKET, files go to the shared bucket and come back through the views."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications import files
from gongkai.disclosure import workflow
from gongkai.disclosure.models import Attachment
from gongkai.site import storage
from gongkai_demo.factories.disclosure import Team, make_item

moto = pytest.importorskip("moto", reason="moto 未安装（pip install -e '.[dev]'）")
boto3 = pytest.importorskip("boto3")

BUCKET = "gongkai-test"
PDF = b"%PDF-1.4\n% a published list\n%%EOF\n"

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with moto.mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        settings.GONGKAI_S3 = {
            "bucket_name": BUCKET,
            "default_acl": None,
            "file_overwrite": False,
            "region_name": "us-east-1",
        }
        storage._bucket.cache_clear()
        yield client
    storage._bucket.cache_clear()


def keys(client: Any) -> list[str]:
    listed = client.list_objects_v2(Bucket=BUCKET)
    return sorted(o["Key"] for o in listed.get("Contents", []))


def test_an_attachment_is_kept_in_the_bucket_and_downloaded_from_it(
    client: Any, bucket: Any, organ_tree: dict[str, Any], tmp_path: Any, settings: Any
) -> None:
    settings.VAR_DIR = tmp_path
    team = Team.for_organ(organ_tree["a"])
    item = make_item(team)
    client.force_login(team.officer)
    upload = SimpleUploadedFile("名单.pdf", PDF, content_type="application/pdf")
    client.post(f"/office/disclosure/items/{item.pk}/attachments/", {"file": upload})

    stored = keys(bucket)
    assert len(stored) == 1 and stored[0].startswith(f"attachments/disclosure/{item.organ_id}/")
    assert not (tmp_path / "attachments").exists()  # nothing on this server's disk

    published = make_item(team, state=workflow.PUBLISHED)
    attachment = Attachment.objects.get()
    attachment.item = published
    attachment.save()
    client.logout()
    response = client.get(f"/items/{published.pk}/files/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_reply_files_are_written_read_and_removed_in_the_bucket(bucket: Any) -> None:
    (checked,) = files.check([SimpleUploadedFile("答复.pdf", b"%PDF-1.7 test")])
    name = files.store(checked, organ_id=7, case_id=42)
    assert keys(bucket) == [f"applications/{name}"]
    assert name.startswith("7/42/") and name.endswith(".pdf")
    assert files.read(name) == b"%PDF-1.7 test"
    files.remove(name)
    assert keys(bucket) == []


@pytest.mark.parametrize("name", ["../secret", "/etc/passwd", "7/../../x", "a\\b", "7//x"])
def test_a_stored_name_cannot_leave_its_area(name: str) -> None:
    with pytest.raises(files.InvalidInput, match="文件存储位置无效"):
        files.read(name)
