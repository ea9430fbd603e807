"""The rotating log in the data directory, with secrets masked before anything is written."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_SECRET = re.compile(
    r"(?i)(authorization|bearer|access_token|refresh_token|password|passwd|token|secret|api[_-]?key)"
    r"(\"?\s*[:=]\s*\"?|\s+)(?:bearer\s+)?([^\s\"',;&]+)"
)
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5


def mask_secrets(text: str) -> str:
    """Replace the value after a secret-looking key with ***, keeping the key for context."""
    return _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


class SecretFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_secrets(record.getMessage())
        record.args = None
        return True


class _OurHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler we installed, so configuring twice replaces it instead of doubling."""


def configure_logging(log_file: Path, level: int = logging.INFO) -> None:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _OurHandler)]:
        root.removeHandler(handler)
        handler.close()
    handler = _OurHandler(log_file, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s")
    )
    handler.addFilter(SecretFilter())
    root.addHandler(handler)
    root.setLevel(level)
