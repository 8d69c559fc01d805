"""Two app servers behind one load balancer share everything but their own disks.

Two gunicorn servers on two ports, each with its own ``GONGKAI_VAR_DIR`` (nothing shared on
disk), over one PostgreSQL database, one Redis (cache, rate limits, sessions' caches, the
worker's queue) and one S3-compatible store (moto's server). A file uploaded through one
server is downloaded through the other; concurrent submissions and a concurrent action on
the same case through both lose and double nothing; the public lookup's rate limit counts
the client's requests to both servers together.

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust), ``redis-server`` and moto; the
test skips, saying which is missing, without them. It uses a database of its own, so it runs
once, in the SQLite pass of ``make test``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

requests = pytest.importorskip("requests")
moto_server = pytest.importorskip("moto.server", reason="moto[server] 未安装")
boto3 = pytest.importorskip("boto3")
psycopg = pytest.importorskip("psycopg")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PG = "postgres://postgres@127.0.0.1:5432/"
DATABASE = f"gongkai_two_servers_{os.getpid()}"
BUCKET = "gongkai-files"
PASSWORD = "Two-Servers-2026"
APPLICANT = {
    "applicant_type": "natural_person",
    "applicant_name": "张三",
    "id_type": "resident_id",
    "id_number": "11010519491231002X",
    "phone": "13800000000",
    "address": "示范市示范路1号",
    "information": "本区老旧小区改造项目的立项批复文件",
    "provision_form": "electronic",
    "delivery_method": "online",
}
ID_COPY = b"%PDF-1.4\n% the applicant's ID copy\n%%EOF\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int, what: str, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not listen on {port} within 60 s")


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    """Ask every process to end, then kill those still running after 30 s."""
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def postgres_answers() -> bool:
    try:
        with psycopg.connect(PG + "postgres", connect_timeout=3):
            return True
    except psycopg.Error:
        return False


@dataclass
class Cluster:
    a: str
    b: str
    env: dict[str, str]

    def manage(self, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "gongkai.manage", *args],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def query(self, code: str) -> Any:
        """Run ``code`` (which sets ``out``) in Django against the shared database."""
        script = f"import json\n{code}\nprint('@@' + json.dumps(out, ensure_ascii=False))"
        printed = self.manage("shell", "--no-imports", "-c", script)
        return json.loads(printed.rsplit("@@", 1)[1])


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    if not postgres_answers():
        pytest.skip("127.0.0.1:5432 没有 PostgreSQL 响应：两台应用服务器的测试需要共享的数据库")
    redis_binary = shutil.which("redis-server")
    if redis_binary is None:
        pytest.skip("未找到 redis-server（Debian 软件包 redis-server）")
    processes: list[subprocess.Popen[bytes]] = []
    with psycopg.connect(PG + "postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}"')
        conn.execute(f'CREATE DATABASE "{DATABASE}"')
    s3 = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=free_port())
    s3.start()
    try:
        redis_port = free_port()
        processes.append(
            subprocess.Popen(
                [redis_binary, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""],
                stdout=subprocess.DEVNULL,
            )
        )
        wait_for(redis_port, "redis-server", processes[-1])
        endpoint = f"http://127.0.0.1:{s3._server.port}"  # type: ignore[attr-defined]
        boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="gongkai",
            aws_secret_access_key="gongkai-secret",
        ).create_bucket(Bucket=BUCKET)
        env = {
            **os.environ,
            "DATABASE_URL": PG + DATABASE,
            "GONGKAI_REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "GONGKAI_S3_BUCKET": BUCKET,
            "GONGKAI_S3_ENDPOINT_URL": endpoint,
            "GONGKAI_S3_ACCESS_KEY_ID": "gongkai",
            "GONGKAI_S3_SECRET_ACCESS_KEY": "gongkai-secret",
            "SECRET_KEY": "two-servers-share-this-secret-key-" + "x" * 20,
            "GONGKAI_HTTPS": "0",
            "GONGKAI_TRUSTED_PROXIES": "127.0.0.1",
            "ALLOWED_HOSTS": "127.0.0.1",
            "GONGKAI_VAR_DIR": str(tmp_path_factory.mktemp("setup-var")),
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        setup = Cluster("", "", env)
        setup.manage("migrate", "--noinput")
        setup.query(
            "from django.contrib.auth.hashers import make_password\n"
            "from gongkai_demo.factories.organs import OrganFactory, member\n"
            "organ = OrganFactory(name='示范区两服局', short_name='两服局', slug='two')\n"
            f"u = member(organ, 'officer', username='two_officer')\n"
            f"u.password = make_password('{PASSWORD}'); u.save()\n"
            "out = organ.pk"
        )
        urls = []
        for name in ("a", "b"):
            port = free_port()
            server_env = {**env, "GONGKAI_VAR_DIR": str(tmp_path_factory.mktemp(f"var-{name}"))}
            processes.append(
                subprocess.Popen(
                    [
                        str(Path(sys.executable).with_name("gunicorn")),
                        "gongkai.config.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "2",
                        "--threads",
                        "4",
                    ],
                    env=server_env,
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            wait_for(port, f"app server {name}", processes[-1])
            urls.append(f"http://127.0.0.1:{port}")
        yield Cluster(urls[0], urls[1], env)
    finally:
        stop(processes)
        s3.stop()
        with psycopg.connect(PG + "postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def csrf(session: Any, url: str) -> str:
    page = session.get(url, timeout=30)
    assert page.status_code == 200, (url, page.status_code)
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert found, url
    return found.group(1)


def client(address: str) -> Any:
    """A browser behind the proxy, with its own address in X-Forwarded-For."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = address
    return session


def apply(server: str, address: str, organ: int, **files: bytes) -> Any:
    session = client(address)
    token = csrf(session, f"{server}/apply/")
    return session.post(
        f"{server}/apply/",
        data={**APPLICANT, "organ": organ, "csrfmiddlewaretoken": token},
        files={k: (f"{k}.pdf", v, "application/pdf") for k, v in files.items()},
        headers={"Referer": f"{server}/apply/"},
        timeout=60,
    )


def log_in(server: str) -> Any:
    session = client("198.51.100.1")
    token = csrf(session, f"{server}/accounts/login/")
    done = session.post(
        f"{server}/accounts/login/",
        data={"username": "two_officer", "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{server}/accounts/login/"},
        timeout=30,
    )
    assert done.status_code == 200 and "退出" in done.text, done.text[-500:]
    return session


def organ_id(cluster: Cluster) -> int:
    return int(
        cluster.query(
            "from gongkai.organs.models import Organ\nout = Organ.objects.get(slug='two').pk"
        )
    )


def test_a_file_uploaded_through_one_server_downloads_through_the_other(cluster: Cluster) -> None:
    organ = organ_id(cluster)
    sent = apply(cluster.a, "203.0.113.10", organ, id_copy=ID_COPY)
    assert sent.status_code == 200 and "申请已提交" in sent.text, sent.text[-800:]
    stored = cluster.query(
        "from gongkai.applications.models import ReplyFile\n"
        "f = ReplyFile.objects.get()\n"
        "out = [f.application.number, f.pk, f.path]"
    )
    number, file_id, name = stored
    s3 = boto3.client(
        "s3",
        endpoint_url=cluster.env["GONGKAI_S3_ENDPOINT_URL"],
        region_name="us-east-1",
        aws_access_key_id="gongkai",
        aws_secret_access_key="gongkai-secret",
    )
    assert s3.get_object(Bucket=BUCKET, Key=f"applications/{name}")["Body"].read() == ID_COPY

    officer = log_in(cluster.a)  # the session is kept in the shared database
    download = officer.get(f"{cluster.b}/office/applications/{number}/files/{file_id}/")
    assert download.status_code == 200
    assert download.content == ID_COPY
    assert download.headers["Cache-Control"].startswith("private, no-store")


def test_concurrent_work_through_both_servers_loses_and_doubles_nothing(
    cluster: Cluster,
) -> None:
    organ = organ_id(cluster)
    before = cluster.query(
        "from gongkai.applications.models import Application\nout = Application.objects.count()"
    )
    barrier = threading.Barrier(8)
    answers: list[int] = []

    def submit(n: int) -> None:
        barrier.wait()
        server = cluster.a if n % 2 else cluster.b
        answers.append(apply(server, f"203.0.113.{100 + n}", organ).status_code)

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [200] * 8
    cases = cluster.query(
        "from gongkai.applications.models import Application\n"
        "out = [[a.number, a.events.count()] for a in Application.objects.order_by('pk')]"
    )
    new = cases[before:]
    assert len(new) == 8
    assert len({number for number, _ in cases}) == len(cases)  # no number given twice
    assert all(events == 1 for _, events in new)  # one submission event each

    number = new[0][0]
    version = int(
        cluster.query(
            "from gongkai.applications.models import Application\n"
            f"out = Application.objects.get(number='{number}').version"
        )
    )
    sessions = {server: log_in(server) for server in (cluster.a, cluster.b)}
    tokens = {
        server: csrf(s, f"{server}/office/applications/{number}/") for server, s in sessions.items()
    }
    race = threading.Barrier(2)
    said: list[str] = []

    def act(server: str) -> None:
        race.wait()
        url = f"{server}/office/applications/{number}/actions/confirm/"
        page = sessions[server].post(
            url,
            data={
                "version": version,
                "receipt_basis": "confirmed",
                "csrfmiddlewaretoken": tokens[server],
            },
            headers={"Referer": f"{server}/office/applications/{number}/"},
            timeout=60,
        )
        said.append(page.text)

    racers = [threading.Thread(target=act, args=(s,)) for s in (cluster.a, cluster.b)]
    for t in racers:
        t.start()
    for t in racers:
        t.join()
    assert sum("已办理：确认收到网上申请" in text for text in said) == 1
    assert sum("已被他人更新" in text for text in said) == 1
    events = cluster.query(
        "from gongkai.applications.models import Application\n"
        f"out = list(Application.objects.get(number='{number}').events.order_by('seq').values_list('action', flat=True))"
    )
    assert events == ["submit_online", "confirm", "notice"]  # confirmed once, one notice


def wrong_lookup(session: Any, server: str, token: str) -> int:
    """A 查询 with a number and code that match no case: its status code."""
    return int(
        session.post(
            f"{server}/apply/status/",
            data={"number": "YSQ-0000-00000", "code": "WRONG0", "csrfmiddlewaretoken": token},
            headers={"Referer": f"{server}/apply/status/"},
            timeout=30,
        ).status_code
    )


def test_the_lookup_limit_counts_one_client_across_both_servers(cluster: Cluster) -> None:
    session = client("203.0.113.200")
    token = csrf(session, f"{cluster.a}/apply/status/")
    codes = [wrong_lookup(session, cluster.a if n % 2 else cluster.b, token) for n in range(21)]
    assert codes[:20] == [404] * 20  # 20 an hour for one client, counted on both servers
    assert codes[20] == 429
    other = client("203.0.113.201")
    token = csrf(other, f"{cluster.b}/apply/status/")
    assert wrong_lookup(other, cluster.b, token) == 404  # another citizen is not limited


def record_run(redis_url: str, n: int) -> int:
    """The task the workers run: note its number in Redis (a run twice shows twice)."""
    import redis

    redis.Redis.from_url(redis_url).rpush("gongkai-test-runs", n)
    return n


def test_two_worker_machines_run_each_queued_task_once(cluster: Cluster) -> None:
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "gongkai.manage", "qcluster"],
            env={**cluster.env, "GONGKAI_SCHEDULER": "1" if n == 0 else "0"},
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n in range(2)
    ]
    try:
        url = cluster.env["GONGKAI_REDIS_URL"]
        cluster.query(
            "from django_q.tasks import async_task\n"
            f"for n in range(40): async_task('tests.site.test_several_servers.record_run', '{url}', n)\n"
            "out = 40"
        )
        import redis

        runs = redis.Redis.from_url(url)
        deadline = time.monotonic() + 90
        while runs.llen("gongkai-test-runs") < 40 and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(3)  # a task taken twice would show up by now
        done = sorted(int(n) for n in runs.lrange("gongkai-test-runs", 0, -1))
        assert done == list(range(40))
    finally:
        stop(workers)
