"""附件 of a share request: what one is, and what a file must be to be attached.

The regulation's negotiation record (Art. 13) travels as a PDF file. A file is checked
where the officer picks it, before anything is stored: readable, a PDF by its signature
(`%PDF-`, the first bytes of every PDF whatever its name says), not empty, and at most
`MAX_ATTACHMENT_BYTES` — 20 MiB, the reference platform's own cap: a scanned record of a
few pages is 1-5 MB, and a bigger file is better split than sent over a county link.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from govshare_desktop.domain.errors import ErrorCode, KnownError

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
PDF_MEDIA_TYPE = "application/pdf"
MAX_NAME_LENGTH = 255
ATTACH = "attach"  # the action of an upload op (`OutboxOp.STEP`), beside the workflow's
DETACH = "detach"  # the action of a removal op


@dataclass(frozen=True, slots=True)
class Attachment:
    """One attachment as listed: `held` when its bytes are on this PC, `local` while its
    upload waits, `removed` while its removal waits."""

    id: str
    request_id: str
    name: str
    size: int
    sha256: str
    uploaded_by: str = ""
    uploaded_at: datetime | None = None
    held: bool = False
    local: bool = False
    removed: bool = False


@dataclass(frozen=True, slots=True)
class PickedFile:
    """A file the officer picked and that passed the checks: ready to attach."""

    name: str
    content: bytes = field(repr=False)
    sha256: str

    @property
    def size(self) -> int:
        return len(self.content)


def attachment_name(path_name: str) -> str:
    """The name the other parties see: the file's own name, at most 255 characters."""
    name = path_name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    name = "".join(ch for ch in name if ord(ch) >= 32)
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: MAX_NAME_LENGTH - len(suffix) - 1] + dot + suffix) if dot else name[:255]
    return name or "attachment.pdf"


def check_pdf(name: str, content: bytes) -> str:
    """The file's SHA-256 if it may be attached; `KnownError` in plain words otherwise."""
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise KnownError(
            ErrorCode.ATTACHMENT_TOO_LARGE,
            name=name, size=len(content), max=MAX_ATTACHMENT_BYTES,
            size_mb=f"{len(content) / 1024 / 1024:.1f}",
            max_mb=f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)}",
        )  # fmt: skip
    if not content.startswith(PDF_MAGIC):
        raise KnownError(ErrorCode.ATTACHMENT_NOT_PDF, name=name)
    return hashlib.sha256(content).hexdigest()


def matches(content: bytes, sha256: str) -> bool:
    """Whether downloaded bytes are the file the platform listed."""
    return hashlib.sha256(content).hexdigest() == sha256
