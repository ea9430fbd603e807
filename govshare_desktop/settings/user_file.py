"""The officer's own settings: a small versioned JSON file in the data directory.

Written atomically (temporary file, fsync, rename) so a crash leaves the old or the new file,
never half of one; a file from a newer format is left untouched and ignored.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = 1


def atomic_write_text(path: Path, text: str) -> None:
    """Replace `path` with `text` so that readers see the old or the new content, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_user_settings(path: Path) -> dict[str, Any]:
    """The stored values by key; an absent, damaged or too-new file gives none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("user settings %s unreadable, using defaults: %s", path, exc)
        return {}
    if not isinstance(data, dict) or int(data.get("format", 0)) > FORMAT:
        log.warning("user settings %s have an unknown format; ignored", path)
        return {}
    values = data.get("values")
    return dict(values) if isinstance(values, dict) else {}


def write_user_settings(path: Path, values: dict[str, Any]) -> None:
    atomic_write_text(
        path, json.dumps({"format": FORMAT, "values": values}, ensure_ascii=False, indent=2)
    )
