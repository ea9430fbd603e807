"""Nothing a catalog holds may act on the officer's terminal: control characters made visible.

A resource name imported from a workbook can hold ESC (`_x001B_`), NUL or a bidirectional
override; written raw, ESC starts a terminal command sequence (colours, a cleared screen, a
changed window title) and an override reorders what the officer reads. Human output shows
each such character visibly instead — C0 controls and DEL as their Unicode control pictures
(ESC as ␛, NUL as ␀), the others as a `\\x85` / `\\u202e` escape — and `--json` output
writes them as JSON escapes, so the data still round-trips exactly.
"""

from __future__ import annotations

from typing import TextIO

_C0 = range(0x20)
_C1 = range(0x80, 0xA0)
# line/paragraph separators and the bidirectional embeddings, overrides and isolates
_FORMAT = (0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))

_PICTURES: dict[int, str] = {c: chr(0x2400 + c) for c in _C0} | {0x7F: "\u2421"}
_ESCAPES: dict[int, str] = {c: f"\\x{c:02x}" for c in _C1} | {c: f"\\u{c:04x}" for c in _FORMAT}

_ONE_LINE = str.maketrans(_PICTURES | _ESCAPES)
_LINES = str.maketrans({c: s for c, s in (_PICTURES | _ESCAPES).items() if chr(c) not in "\n\t"})
# JSON already escapes C0 (json.dumps does, whatever ensure_ascii says); these it leaves raw
_JSON = str.maketrans({c: f"\\u{c:04x}" for c in (0x7F, *_C1, *_FORMAT)})


def terminal_safe(text: str, *, multiline: bool = False) -> str:
    """`text` with every control character visible; `multiline` keeps line breaks and tabs
    (a CR LF pair becomes one line break, a lone CR is shown as ␍)."""
    if multiline:
        return text.replace("\r\n", "\n").translate(_LINES)
    return text.translate(_ONE_LINE)


def json_safe(text: str) -> str:
    """JSON text with DEL, C1 controls and bidi/line-separator characters as `\\uXXXX`."""
    return text.translate(_JSON)


class TerminalSafeWriter:
    """A text stream that makes control characters visible before they reach the terminal.

    The CLI's human output goes through it, so the guarantee holds for every line a command
    prints — the data in its values and the parameters of its messages alike. Line breaks
    and tabs pass: the commands lay out their own output with them, and escape the ones in
    values where a line is a record (`terminal_safe`).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text, multiline=True))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
