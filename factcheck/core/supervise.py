"""Keeps `make run`'s children (web server, Celery worker with beat) running.

A desk that runs `make run` on one machine has nobody watching the worker: when the OOM killer
or a crash takes it, attached sources would wait for lookups that never run. So a child that
exits on its own is started again, after a delay that grows while it keeps failing quickly
(a crash loop, or a port still held by the dead server's workers) and resets once it has stayed
up. Only a child that fails quickly `max_quick_failures` times in a row makes the supervisor
give up, so a wrong setting stops `make run` with a message instead of looping for ever.

Each child runs in a process group of its own: when it dies, whatever it left behind (gunicorn's
workers, the embedded beat process) is stopped with it, so a restarted worker never finds an
orphaned beat still sending the schedule.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

BACKOFF_SECONDS: tuple[float, ...] = (1, 2, 4, 8, 16, 30)


@dataclass
class Child:
    """One supervised command and what the supervisor knows of its current run."""

    name: str
    argv: list[str]
    env: dict[str, str] | None = None
    proc: subprocess.Popen | None = None
    started_at: float = 0.0
    quick_failures: int = 0
    restart_at: float | None = None
    restarts: int = 0
    pids: list[int] = field(default_factory=list)


class GiveUp(Exception):
    """A child kept failing right after starting; the message says which and how."""


class Supervisor:
    def __init__(
        self,
        children: Sequence[Child],
        *,
        backoff: Sequence[float] = BACKOFF_SECONDS,
        quick_exit_seconds: float = 10.0,
        max_quick_failures: int = 5,
        log: Callable[[str], None] = print,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.children = list(children)
        self.backoff = tuple(backoff)
        self.quick_exit_seconds = quick_exit_seconds
        self.max_quick_failures = max_quick_failures
        self.log = log
        self.clock = clock

    def start(self) -> None:
        for child in self.children:
            self._spawn(child)

    def _spawn(self, child: Child) -> None:
        # process_group=0: the child leads a group of its own (see the module's docstring).
        child.proc = subprocess.Popen(child.argv, env=child.env, process_group=0)
        child.started_at = self.clock()
        child.restart_at = None
        child.pids.append(child.proc.pid)

    def poll(self) -> None:
        """Notice exits and start again what is due; raise GiveUp on a crash loop."""
        now = self.clock()
        for child in self.children:
            if child.restart_at is not None:
                if now >= child.restart_at:
                    child.restarts += 1
                    self.log(f"Starting the {child.name} again (restart {child.restarts}).")
                    self._spawn(child)
                continue
            code = child.proc.poll() if child.proc else None
            if code is None:
                continue
            _stop_group(child.proc.pid, grace=2.0)
            uptime = now - child.started_at
            child.quick_failures = child.quick_failures + 1 if uptime < self.quick_exit_seconds else 1
            if child.quick_failures >= self.max_quick_failures:
                raise GiveUp(
                    f"The {child.name} exited {child.quick_failures} times in a row within "
                    f"{self.quick_exit_seconds:g} s of starting (last exit code {code}); giving up."
                )
            delay = self.backoff[min(child.quick_failures - 1, len(self.backoff) - 1)]
            child.restart_at = now + delay
            self.log(f"The {child.name} exited with code {code} after {uptime:.0f} s; starting it again in {delay:g} s.")

    def stop(self, timeout: float = 15.0) -> list[int | None]:
        """SIGTERM every running child's group, wait up to `timeout`, then SIGKILL what is left."""
        running = [c for c in self.children if c.proc and c.proc.poll() is None]
        for child in running:
            _signal_group(child.proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for child in running:
            try:
                child.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(child.proc.pid, signal.SIGKILL)
                child.proc.wait(timeout=5)
        for child in self.children:
            if child.proc:
                # The group may outlive its leader (a worker's embedded beat): leave nothing behind.
                _stop_group(child.proc.pid, grace=1.0)
        return [c.proc.returncode if c.proc else None for c in self.children]


def _signal_group(pgid: int, sig: int) -> bool:
    try:
        os.killpg(pgid, sig)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def _stop_group(pgid: int, grace: float) -> None:
    if not _signal_group(pgid, signal.SIGTERM):
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not _signal_group(pgid, 0):
            return
        time.sleep(0.05)
    _signal_group(pgid, signal.SIGKILL)
