"""The rotating log in the data directory, with secrets masked before anything is written.

A log that cannot be written (a full disk) must not print Python's "--- Logging error ---"
and a traceback for every line onto the officer's terminal: the handler keeps the failure
and drops the line, and `Preflight` turns a failure of the first line into the one clear
message (`disk_full`) before anything else is attempted.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

_SECRET = re.compile(
    r"(?i)(authorization|bearer|access_token|refresh_token|password|passwd|token|secret|api[_-]?key)"
    r"([\"']?\s*[:=]\s*[\"']?|\s+)(?:bearer\s+)?([^\s\"',;&)}]+)"
)
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5


def mask_secrets(text: str) -> str:
    """Replace the value after a secret-looking key with ***, keeping the key for context:
    `key=v`, `key: v`, JSON's `"key": "v"` and Python's `'key': 'v'` (a dict's repr in an
    exception's text, a `%r` of a parsed answer)."""
    return _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


class SecretFilter(logging.Filter):
    """Masks the message, and the traceback too: an exception's text may quote a header
    or a form (an HTTP library's error, a refused token grant)."""

    _traceback = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_secrets(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._traceback.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        return True


class _OurHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler we installed, so configuring twice replaces it instead of doubling."""

    failure: OSError | None = None  # the last write (or rotation) the file system refused

    def handleError(self, record: logging.LogRecord) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, OSError):  # the environment: the line is lost, quietly
            self.failure = error
            return
        super().handleError(record)  # our bug (e.g. a bad format string) stays visible

    def close(self) -> None:
        try:  # closing flushes what the disk refused; the file is closed all the same
            super().close()
        except OSError as error:
            self.failure = error


def log_failure() -> OSError | None:
    """Why the log file could not be written, if it could not since `configure_logging`."""
    ours = [h for h in logging.getLogger().handlers if isinstance(h, _OurHandler)]
    return next((h.failure for h in ours if h.failure is not None), None)


def configure_logging(log_file: Path, level: int = logging.INFO) -> None:
    """Log to `log_file`; raises OSError when the file cannot even be opened."""
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
