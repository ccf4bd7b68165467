"""Uploaded source files live in STORAGES["default"] and are downloaded from there, as they were uploaded.

A shared MEDIA_ROOT or an S3-compatible bucket (STORAGE_BACKEND=s3) is what lets every web process on
every host serve every upload (tests/test_multi_instance.py runs several). The S3 test talks to moto's
S3 server started here on loopback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck.sources.models import Evidence
from tests.faults.stack import free_port

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
ROOT = Path(__file__).resolve().parents[2]
BODY = b"Council survey notes: 2,190 homes flooded in the river district.\n"


def _upload(client, claim) -> Evidence:
    response = client.post(reverse("source_attach", args=[claim.pk]), {
        "file": SimpleUploadedFile("survey notes.txt", BODY, content_type="text/plain"), "stance": "supports"}, **HTMX)
    assert response.status_code == 200, response.content[:300]
    return Evidence.objects.get(claim=claim)


def test_an_uploaded_file_downloads_from_its_snapshot_page_as_uploaded(client, reviewer, flood_claim, settings,
                                                                      tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(reviewer)
    evidence = _upload(client, flood_claim)
    page = client.get(reverse("evidence_snapshot", args=[evidence.pk])).content.decode()
    link = reverse("evidence_file", args=[evidence.pk])
    assert f'href="{link}"' in page and "Download the original file (survey notes.txt)" in page
    got = client.get(link)
    assert got.status_code == 200
    assert b"".join(got.streaming_content) == BODY
    # Offered as a download, never rendered as one of the site's pages.
    assert got["Content-Disposition"].startswith("attachment;") and "survey notes.txt" in got["Content-Disposition"]
    assert [p.read_bytes() for p in tmp_path.rglob("*.txt")] == [BODY]


def test_a_web_page_source_has_no_file_to_download(client, reviewer, flood_claim, settings, tmp_path):
    from factcheck.sources.models import Source

    source = Source.objects.create(url="https://example.org/report", added_by=reviewer)
    evidence = Evidence.objects.create(claim=flood_claim, source=source, added_by=reviewer)
    client.force_login(reviewer)
    got = client.get(reverse("evidence_file", args=[evidence.pk]))
    assert got.status_code == 404 and "a web page, not an uploaded file" in got.content.decode()
    assert "Download the original" not in client.get(reverse("evidence_snapshot", args=[evidence.pk])).content.decode()


def test_a_file_missing_from_storage_is_a_404_that_says_so(client, reviewer, flood_claim, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(reviewer)
    evidence = _upload(client, flood_claim)
    for path in tmp_path.rglob("*.txt"):
        path.unlink()
    got = client.get(reverse("evidence_file", args=[evidence.pk]))
    assert got.status_code == 404
    assert "missing from the file storage" in got.content.decode()


def test_outsiders_cannot_download_uploads(client, reviewer, outsider, flood_claim, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(reviewer)
    evidence = _upload(client, flood_claim)
    client.force_login(outsider)
    got = client.get(reverse("evidence_file", args=[evidence.pk]))
    assert got.status_code in (302, 403) and BODY not in got.content


@pytest.fixture
def s3_server():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def test_with_the_s3_backend_uploads_go_to_the_bucket_and_download_from_it(client, reviewer, flood_claim, settings,
                                                                           s3_server, tmp_path, monkeypatch):
    import boto3

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)  # loopback only, never through a proxy
    credentials = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}
    s3 = boto3.client("s3", endpoint_url=s3_server, **credentials)
    s3.create_bucket(Bucket="newsroom-uploads")
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": "newsroom-uploads", "endpoint_url": s3_server, "access_key": "testing",
        "secret_key": "testing", "region_name": "us-east-1", "location": "factcheck", "default_acl": None,
        "file_overwrite": False}}}
    client.force_login(reviewer)
    evidence = _upload(client, flood_claim)
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="newsroom-uploads")["Contents"]]
    assert keys == [f"factcheck/{evidence.source.file.name}"]
    assert s3.get_object(Bucket="newsroom-uploads", Key=keys[0])["Body"].read() == BODY
    assert not list(tmp_path.rglob("*"))  # nothing on this host's disk
    got = client.get(reverse("evidence_file", args=[evidence.pk]))
    assert got.status_code == 200 and b"".join(got.streaming_content) == BODY


def _settings_error(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("STORAGE_", "AWS_"))}
    done = subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, capture_output=True,
                          text=True, env={**clean, "DJANGO_SETTINGS_MODULE": "factcheck.settings", **env}, timeout=60)
    assert done.returncode != 0
    return done.stderr.strip().splitlines()[-1]


def test_storage_settings_that_cannot_work_stop_start_up_naming_the_variable():
    assert "STORAGE_BACKEND=s3 needs AWS_STORAGE_BUCKET_NAME" in _settings_error(STORAGE_BACKEND="s3")
    assert "STORAGE_BACKEND='nfs' must be filesystem or s3" in _settings_error(STORAGE_BACKEND="nfs")


def test_the_s3_backend_is_configured_from_the_environment():
    script = ("import django, json; django.setup(); from django.conf import settings;"
              " print(json.dumps(settings.STORAGES['default']))")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STORAGE_", "AWS_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "factcheck.settings", "STORAGE_BACKEND": "s3",
                "AWS_STORAGE_BUCKET_NAME": "uploads", "AWS_S3_ENDPOINT_URL": "https://s3.example.net",
                "AWS_LOCATION": "desk"})
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, env=env,
                          timeout=60, check=True)
    import json

    storage = json.loads(done.stdout.strip().splitlines()[-1])
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "uploads"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
    assert storage["OPTIONS"]["location"] == "desk" and storage["OPTIONS"]["default_acl"] is None
