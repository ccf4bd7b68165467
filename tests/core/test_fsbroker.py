"""The embedded broker (core/fsbroker.py): concurrent producers and consumers through real kombu, no mocks.

Stock kombu's filesystem transport fails `test_concurrent_producers_and_consumers_lose_nothing_and_never_raise`
(run it with FSBROKER_TRANSPORT=filesystem): a consumer reads a message file its producer has opened but not
yet written, and `loads()` raises JSONDecodeError, which killed `make run`'s worker.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from pathlib import Path

from kombu import Connection, Queue

TRANSPORT = os.environ.get("FSBROKER_TRANSPORT", "factcheck.core.fsbroker:Transport")
PRODUCERS = 4
PER_PRODUCER = 400
CONSUMERS = 2
# A few kB per message widens the window between a producer's open() and its write().
PADDING = "x" * 8192


def _options(folder: Path) -> dict:
    return {"data_folder_in": str(folder / "queue"), "data_folder_out": str(folder / "queue"),
            "processed_folder": str(folder / "processed"), "control_folder": str(folder / "control"),
            "store_processed": False}


def _connection(folder: Path) -> Connection:
    return Connection("filesystem://", transport=TRANSPORT, transport_options=_options(folder))


def _produce(folder: str, producer: int, count: int, start: multiprocessing.synchronize.Event) -> None:
    """One producer process: publish `count` numbered messages to the default exchange (as Celery does)."""
    start.wait(30)
    with _connection(Path(folder)) as conn:
        publisher = conn.Producer(serializer="json")
        for seq in range(count):
            publisher.publish({"id": f"{producer}-{seq}", "pad": PADDING}, routing_key="hammer", exchange="")


def _consume(folder: Path, seen: list[str], errors: list[BaseException], done: threading.Event) -> None:
    try:
        with _connection(folder) as conn:
            queue = Queue("hammer")(conn.default_channel)
            while not done.is_set():
                message = queue.get(no_ack=True)
                if message is None:
                    time.sleep(0.001)
                    continue
                seen.append(message.payload["id"])
    except BaseException as exc:
        errors.append(exc)


def test_concurrent_producers_and_consumers_lose_nothing_and_never_raise(tmp_path):
    for sub in ("queue", "processed", "control"):
        (tmp_path / sub).mkdir()
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    producers = [ctx.Process(target=_produce, args=(str(tmp_path), p, PER_PRODUCER, start)) for p in range(PRODUCERS)]
    seen: list[str] = []
    errors: list[BaseException] = []
    done = threading.Event()
    consumers = [threading.Thread(target=_consume, args=(tmp_path, seen, errors, done)) for _ in range(CONSUMERS)]
    for thread in consumers:
        thread.start()
    for process in producers:
        process.start()
    start.set()
    for process in producers:
        process.join(120)
    expected = {f"{p}-{s}" for p in range(PRODUCERS) for s in range(PER_PRODUCER)}
    # Wait for the consumers to drain the folder (or to have died), then stop them.
    deadline = time.monotonic() + 60
    while len(seen) < len(expected) and not errors and time.monotonic() < deadline:
        time.sleep(0.05)
    done.set()
    for thread in consumers:
        thread.join(30)
    assert [p.exitcode for p in producers] == [0] * PRODUCERS
    assert errors == []
    assert len(seen) == len(set(seen)), "a message was read twice"
    assert set(seen) == expected, f"{len(expected - set(seen))} messages lost"
    # Nothing left behind: no message, no temporary or claimed file.
    assert os.listdir(tmp_path / "queue") == []


def test_a_message_file_not_yet_written_is_left_for_a_later_poll(tmp_path):
    # What a producer of stock kombu leaves between open('wb') and write(): an empty file under the final name.
    for sub in ("queue", "processed", "control"):
        (tmp_path / sub).mkdir()
    with _connection(tmp_path) as conn:
        queue = Queue("hammer")(conn.default_channel)
        partial = tmp_path / "queue" / "1_0000.hammer.msg"
        partial.write_bytes(b"")
        assert queue.get(no_ack=True) is None
        partial.write_bytes(b'{"body": "')  # half written: still not whole
        assert queue.get(no_ack=True) is None
        assert partial.exists()
        conn.Producer(serializer="json").publish({"id": "whole"}, routing_key="hammer", exchange="")
        # The later, whole message is delivered past the partial one.
        assert queue.get(no_ack=True).payload == {"id": "whole"}
        assert partial.exists()


def test_a_file_that_never_becomes_whole_is_set_aside(tmp_path):
    for sub in ("queue", "processed", "control"):
        (tmp_path / sub).mkdir()
    partial = tmp_path / "queue" / "1_0000.hammer.msg"
    partial.write_bytes(b"")
    old = time.time() - 3600
    os.utime(partial, (old, old))
    with _connection(tmp_path) as conn:
        assert Queue("hammer")(conn.default_channel).get(no_ack=True) is None
    assert sorted(os.listdir(tmp_path / "queue")) == [".bad-1_0000.hammer.msg"]
