"""kombu's `filesystem://` transport with messages that appear whole (the broker of `make run`).

Stock kombu (5.x, filesystem.py `_put`) opens the message file with its final name ('wb'),
then locks it, then writes. A consumer polling the folder never takes that lock: it moves
the file away and reads it, so between the producer's open() and write() it reads an empty
(or half-written) file and `loads()` raises JSONDecodeError out of `_get`. Celery's consumer
treats that as unrecoverable and the worker process dies; the message is lost with it
(kombu issue #1551, open). Here the producer writes under a name no queue reads (a dotted
temporary name in the same folder) and `os.replace`s it into place, which is atomic on
POSIX: a consumer sees either no file or the whole message. The consumer also leaves alone
any file that still does not decode (a producer from an older release still writing it)
instead of raising, so one bad file can never take the worker down.

Selected by settings.CELERY_BROKER_TRANSPORT with the URL still `filesystem://`; the
folders and options are kombu's own, so the README's `filesystem://` description holds.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
import uuid
from queue import Empty
from time import monotonic
from typing import Any

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import bytes_to_str, str_to_bytes
from kombu.utils.json import dumps, loads

logger = logging.getLogger(__name__)

# A file that still does not decode this long after it was last written is not being
# written any more: it is set aside (renamed, never read again) so the folder does not
# keep it, and the poll does not retry it, forever.
STALE_SECONDS = 60.0
# Temporary names start with a dot: `_get` matches `<stamp>_<uuid>.<queue>.msg`, whose part
# after the first dot must be `<queue>.msg`; ".tmp-..." has "tmp-..." there, so no queue reads it.
TMP_PREFIX = ".tmp-"
TAKEN_PREFIX = ".taken-"


class Channel(filesystem.Channel):
    """A filesystem channel whose messages are published atomically and read only when whole."""

    def _put(self, queue: str, payload: Any, **kwargs: Any) -> None:
        """Write `payload` under a temporary name, then rename it to the name `_get` reads."""
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        tmp = os.path.join(self.data_folder_out, f"{TMP_PREFIX}{uuid.uuid4().hex}")
        data = str_to_bytes(dumps(payload))
        try:
            with open(tmp, "wb") as f:
                f.write(data)
            # Same folder, so the same filesystem: the rename is atomic.
            os.replace(tmp, final)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc

    def _get(self, queue: str) -> Any:
        """Take the oldest whole message of `queue`; a file not yet whole stays for a later poll."""
        queue_find = f"{queue}.msg"
        for filename in sorted(os.listdir(self.data_folder_in)):
            if filename.partition(".")[2] != queue_find:
                continue
            source = os.path.join(self.data_folder_in, filename)
            # Claimed by a rename within the folder: one step, so exactly one consumer owns it
            # (stock kombu moved it to the temp folder, a copy and a delete across filesystems).
            taken = os.path.join(self.data_folder_in, f"{TAKEN_PREFIX}{uuid.uuid4().hex}-{filename}")
            try:
                # An empty file is one a producer has opened and not written yet: not ours to take.
                if os.stat(source).st_size == 0:
                    self._set_aside_if_stale(source)
                    continue
                os.rename(source, taken)
            except OSError:
                # Taken by another consumer meanwhile: skip it.
                continue
            try:
                with open(taken, "rb") as f:
                    payload = f.read()
                message = loads(bytes_to_str(payload))
            except (OSError, ValueError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
                # Still being written by a producer without the atomic rename: give it back.
                logger.warning("Broker file %s is not whole yet (%s); left for a later poll", filename, exc)
                self._give_back(taken, source)
                continue
            try:
                if self.store_processed:
                    shutil.move(taken, os.path.join(self.processed_folder, filename))
                else:
                    os.remove(taken)
            except OSError:
                logger.warning("Could not clear the broker file %s after reading it", taken)
            return message
        raise Empty()

    def _give_back(self, taken: str, source: str) -> None:
        """Return a partial file to the queue (or set it aside once it is stale)."""
        try:
            os.replace(taken, source)
        except OSError:
            logger.warning("Could not return the unreadable broker file %s to the queue", taken)
            return
        self._set_aside_if_stale(source)

    def _set_aside_if_stale(self, path: str) -> bool:
        """Rename a file that has not decoded for STALE_SECONDS to `.bad-...`, out of every queue."""
        try:
            age = time.time() - os.stat(path).st_mtime
        except OSError:
            return False
        if age < STALE_SECONDS:
            return False
        bad = os.path.join(os.path.dirname(path), f".bad-{os.path.basename(path)}")
        try:
            os.replace(path, bad)
        except OSError:
            return False
        logger.error("Broker file %s was empty or unreadable for %.0f s; set aside as %s", path, age, bad)
        return True


class Transport(filesystem.Transport):
    """kombu's filesystem transport with the atomic channel above."""

    Channel = Channel
