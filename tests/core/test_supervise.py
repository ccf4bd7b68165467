"""core/supervise.py against real child processes: restarts, crash loops and leftovers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from factcheck.core.supervise import Child, GiveUp, Supervisor


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); ps tells it apart.
    stat = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True).stdout.strip()
    return bool(stat) and not stat.startswith("Z")


def _until(predicate, supervisor: Supervisor | None = None, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if supervisor:
            supervisor.poll()
        if predicate():
            return True
        time.sleep(0.05)
    return False


def _sleeper(seconds: float = 60) -> list[str]:
    return [sys.executable, "-c", f"import time; time.sleep({seconds})"]


def test_a_killed_child_is_started_again_and_the_other_keeps_running():
    lines: list[str] = []
    worker, web = Child("worker", _sleeper()), Child("web server", _sleeper())
    supervisor = Supervisor([worker, web], backoff=(0.1,), log=lines.append)
    supervisor.start()
    try:
        first, web_pid = worker.proc.pid, web.proc.pid
        os.kill(first, signal.SIGKILL)
        assert _until(lambda: worker.proc.pid != first and worker.proc.poll() is None, supervisor)
        assert web.proc.pid == web_pid and web.proc.poll() is None
        assert worker.restarts == 1
        assert any("The worker exited with code -9" in line for line in lines)
        assert any("Starting the worker again (restart 1)" in line for line in lines)
    finally:
        supervisor.stop()
    assert not _alive(worker.proc.pid) and not _alive(web.proc.pid)


def test_a_crash_loop_gives_up_with_a_message_naming_the_child():
    crash = Child("web server", [sys.executable, "-c", "raise SystemExit(3)"])
    supervisor = Supervisor([crash], backoff=(0.01,), quick_exit_seconds=5, max_quick_failures=3, log=lambda _: None)
    supervisor.start()
    with pytest.raises(GiveUp) as exc:
        _until(lambda: False, supervisor, timeout=20)
    assert "The web server exited 3 times in a row" in str(exc.value)
    assert "last exit code 3" in str(exc.value)
    assert len(crash.pids) == 3
    supervisor.stop()


def test_the_delay_grows_while_a_child_keeps_failing_and_resets_after_it_stayed_up():
    now = [0.0]
    child = Child("worker", [sys.executable, "-c", "raise SystemExit(1)"])
    supervisor = Supervisor([child], backoff=(1, 2, 4), quick_exit_seconds=10, max_quick_failures=99,
                            log=lambda _: None, clock=lambda: now[0])
    supervisor.start()
    delays = []
    for _ in range(4):
        child.proc.wait(timeout=20)
        supervisor.poll()
        delays.append(child.restart_at - now[0])
        now[0] = child.restart_at
        supervisor.poll()
    assert delays == [1, 2, 4, 4]
    # It then stays up longer than a quick exit: its next failure starts the delays from the beginning.
    child.proc.wait(timeout=20)
    now[0] += 60
    supervisor.poll()
    assert child.restart_at - now[0] == 1 and child.quick_failures == 1
    supervisor.stop()


_PARENT_WITH_GRANDCHILD = (
    "import subprocess, sys, time\n"
    "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
    "print(p.pid, flush=True)\n"
    "time.sleep(60)\n"
)


def test_what_a_dead_child_left_behind_is_stopped_before_it_starts_again(tmp_path):
    # A Celery worker's embedded beat is such a grandchild: left running, two beats would send the schedule.
    out = tmp_path / "grandchild"
    argv = ["sh", "-c", f'{sys.executable} -c "$0" > {out}', _PARENT_WITH_GRANDCHILD]
    child = Child("worker", argv)
    supervisor = Supervisor([child], backoff=(0.1,), log=lambda _: None)
    supervisor.start()
    try:
        assert _until(lambda: out.exists() and out.read_text().strip())
        grandchild = int(out.read_text().split()[0])
        assert _alive(grandchild)
        os.kill(child.proc.pid, signal.SIGKILL)
        assert _until(lambda: not _alive(grandchild), supervisor)
        assert _until(lambda: child.restarts == 1, supervisor)
    finally:
        supervisor.stop()


def test_stop_leaves_no_process_of_any_group(tmp_path):
    out = tmp_path / "grandchild"
    argv = [sys.executable, "-c", _PARENT_WITH_GRANDCHILD.replace("print(p.pid, flush=True)",
                                                                  f"open({str(out)!r}, 'w').write(str(p.pid))")]
    child = Child("worker", argv)
    supervisor = Supervisor([child], log=lambda _: None)
    supervisor.start()
    assert _until(lambda: out.exists() and out.read_text().strip())
    grandchild = int(out.read_text())
    codes = supervisor.stop(timeout=5)
    assert codes == [-signal.SIGTERM]
    assert _until(lambda: not _alive(grandchild), timeout=5)
