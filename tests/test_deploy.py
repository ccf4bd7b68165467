"""Deployment as the README and docker-compose.yml describe it: a clean deploy check, a health check that passes."""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def readme_dotenv() -> dict[str, str]:
    """The `.env` the README tells compose users to write."""
    block = re.search(r"cat > \.env <<'ENV'\n(.*?)\nENV\n", README, re.S).group(1)
    return dict(line.split("=", 1) for line in block.splitlines() if "=" in line)


def readme_production_list() -> dict[str, str]:
    section = README.split("### Production settings without docker-compose", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return dict(line.split("=", 1) for line in block.splitlines() if re.match(r"^[A-Z_]+=", line))


def compose_environment(values: dict[str, str]) -> dict[str, str]:
    """The web service's environment as compose resolves it: ${VAR:-default} and ${VAR:?error} from `values`."""
    app = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]["environment"]

    def resolve(raw: str) -> str:
        def one(m: re.Match) -> str:
            name, op, rest = m.group(1), m.group(2), m.group(3)
            if name in values and (values[name] or op == "-"):
                return values[name]
            if op == ":?":
                raise AssertionError(f"compose needs {name}: {rest}")
            return rest

        return re.sub(r"\$\{([A-Z_]+)(:-|:\?|-)?([^}]*)\}", one, str(raw))

    return {name: resolve(value) for name, value in app.items()}


def deploy_check(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    # Exactly these variables (plus where local files go), nothing inherited from the test run.
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "FACTCHECK_VAR_DIR": str(tmp_path),
             **env}
    clean.setdefault("MEDIA_ROOT", str(tmp_path / "media"))
    if clean["MEDIA_ROOT"].startswith("/app/"):
        clean["MEDIA_ROOT"] = str(tmp_path / "media")
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], cwd=ROOT,
                          env=clean, capture_output=True, text=True, timeout=180)


def test_deploy_check_is_clean_with_exactly_the_readme_production_list(tmp_path):
    values = readme_production_list()
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "SECURE_HSTS_PRELOAD", "TRUSTED_PROXIES"} <= set(values)
    proc = deploy_check(values, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no issues" in proc.stdout


def test_deploy_check_is_clean_with_the_compose_file_and_the_readme_dotenv(tmp_path):
    env = compose_environment(readme_dotenv())
    assert env["SECURE_SSL_REDIRECT"] == "1" and env["ALLOWED_HOSTS"] == "factcheck.example.org"
    proc = deploy_check(env, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_answering(port: int) -> None:
    """Until gunicorn's workers answer anything (compose gives the container retries for this boot time)."""
    import http.client

    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/static/none")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not answer")


def test_the_compose_healthcheck_passes_against_a_server_with_the_compose_environment(tmp_path):
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]
    port = _free_port()
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "FACTCHECK_VAR_DIR": str(tmp_path),
           **compose_environment(readme_dotenv())}
    # Only what cannot exist on a test machine changes: the database and Redis hosts, the media volume.
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "MEDIA_ROOT": str(tmp_path / "media")})
    env.pop("REDIS_URL")
    assert env["SECURE_SSL_REDIRECT"] == "1"
    gunicorn = shlex.split(shlex.split(compose["command"])[2].split("&&")[1])
    assert gunicorn[0] == "gunicorn"
    bind = gunicorn.index("--bind") + 1
    gunicorn[bind] = f"127.0.0.1:{port}"  # loopback only, a free port
    server = subprocess.Popen([sys.executable, "-m", *gunicorn], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_until_answering(port)
        test = compose["healthcheck"]["test"]
        assert test[0] == "CMD" and test[1] == "python"
        command = [sys.executable, *(part.replace("127.0.0.1:8000", f"127.0.0.1:{port}") for part in test[2:])]
        check = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, check.stderr[-2000:]
        # The rest of the site still redirects plain HTTP to https.
        import http.client

        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/accounts/login/", headers={"Host": "factcheck.example.org"})
        response = conn.getresponse()
        assert (response.status, response.getheader("Location")) == (301, "https://factcheck.example.org/accounts/login/")
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
