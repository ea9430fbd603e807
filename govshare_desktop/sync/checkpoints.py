"""Labelled points of a sync cycle where fault-injection tests kill the client (SYNC.md).

`GOVSHARE_SYNC_KILL_AT=<label>[:<n>]` makes the process SIGKILL itself the n-th time
(default the first) it passes `<label>`: the only way to prove that a crash exactly there
loses nothing. Unset — always, outside those tests — a checkpoint costs one lookup.
"""

from __future__ import annotations

import os
import signal

ENV = "GOVSHARE_SYNC_KILL_AT"
AFTER_BEGIN = "push.after_begin"  # the op is committed in flight, not sent yet
AFTER_REPLY = "push.after_reply"  # the platform has answered, nothing applied yet
BEFORE_PAGE = "pull.before_page"  # a feed page is read, not applied yet

_passed: dict[str, int] = {}


def checkpoint(label: str) -> None:
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    name, _, nth = wanted.partition(":")
    if name != label:
        return
    _passed[label] = _passed.get(label, 0) + 1
    if _passed[label] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
