"""附件 of share requests: add a PDF to a draft offline, take one off, and fetch, open or
save one the platform lists (the requester's, seen by the provider and the authority).

Adding reads and checks the file first (readable, a PDF, within the cap:
`domain/attachments.py`), off the writer; then one write stores it with its upload op
(`store/repositories/share_request_attachments.py`), sent with the next sync before the
request's later steps. Fetching runs on whatever thread calls it (the GUI's network lane):
the bytes are checked against the listed SHA-256, then kept in the store, so an
attachment is downloaded once.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from govshare_desktop.domain.attachments import (
    MAX_ATTACHMENT_BYTES,
    Attachment,
    PickedFile,
    attachment_name,
    check_pdf,
    matches,
)
from govshare_desktop.domain.entities import new_id
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Runtime, Service
from govshare_desktop.store.repositories.share_request_attachments import AttachmentRepository

if TYPE_CHECKING:
    from govshare_desktop.services.share_requests.service import ShareRequestService
    from govshare_desktop.services.sync.signin import PlatformAccess

PATH = "/share-requests"
_OPENED = "govshare-attachments"  # under the system's temporary folder: copies to open


def read_file(path: Path) -> bytes:
    """The file's bytes, read only as far as the cap allows; `KnownError` when unreadable."""
    try:
        with path.open("rb") as handle:
            content = handle.read(MAX_ATTACHMENT_BYTES + 1)
    except OSError as error:
        raise KnownError(
            ErrorCode.ATTACHMENT_UNREADABLE, path=str(path), reason=error.strerror or str(error)
        ) from error
    return content


def write_file(path: Path, content: bytes) -> Path:
    """Write `content` to `path` whole or not at all (a temporary file, then a rename)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".govshare-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise KnownError(
            ErrorCode.ATTACHMENT_NOT_SAVED, path=str(path), reason=error.strerror or str(error)
        ) from error
    return path


class AttachmentService(Service):
    def __init__(
        self, runtime: Runtime, requests: ShareRequestService, platform: PlatformAccess
    ) -> None:
        super().__init__(runtime)
        self._requests = requests
        self._platform = platform

    # ------------------------------------------------------------------ reading
    def attachments(self, request_id: str) -> list[Attachment]:
        """The request's attachments, oldest first (bytes not included)."""
        with self._db.read() as session:
            return AttachmentRepository(session).of_request(request_id)

    # ------------------------------------------------------------------ the requester's draft
    def pick(self, path: Path) -> PickedFile:
        """Read and check the file at `path` (no storing): what a dialog lists before the
        draft is saved. Reads the disk: call it off the GUI thread."""
        content = read_file(path)
        name = attachment_name(path.name)
        return PickedFile(name, content, check_pdf(name, content))

    def add(self, request_id: str, path: Path) -> Attachment:
        """Attach the file at `path` to a draft: checked, stored, its upload queued."""
        return self.attach(request_id, self.pick(path))

    @writes
    def attach(self, request_id: str, picked: PickedFile) -> Attachment:
        """Store a picked file on a draft and queue its upload (one transaction)."""
        name, content = picked.name, picked.content
        digest = check_pdf(name, content)  # however the file was picked
        self._check_editable(request_id)
        attachment = Attachment(
            id=new_id(),
            request_id=request_id,
            name=name,
            size=len(content),
            sha256=digest,
            uploaded_by=self._rt.identity.get().officer,
            uploaded_at=datetime.now(UTC).replace(tzinfo=None),
            held=True,
            local=True,
        )
        with self._db.write() as session:
            AttachmentRepository(session).add(attachment, content)
            self._rt.audit(
                session, "share_request.attach", "share_request", request_id,
                {"attachment_id": attachment.id, "name": name, "sha256": digest},
            )  # fmt: skip
        return attachment

    @writes
    def remove(self, attachment_id: str) -> None:
        """Take an attachment off a draft (from the platform too, with the next sync)."""
        with self._db.read() as session:
            found = AttachmentRepository(session).get(attachment_id)
        if found is None:
            raise KnownError(ErrorCode.NOT_FOUND, what=attachment_id)
        self._check_editable(found.request_id)
        with self._db.write() as session:
            AttachmentRepository(session).remove(attachment_id)
            self._rt.audit(
                session, "share_request.detach", "share_request", found.request_id,
                {"attachment_id": attachment_id, "name": found.name},
            )  # fmt: skip

    def _check_editable(self, request_id: str) -> None:
        view = self._requests.get(request_id)
        if view is None:
            raise KnownError(ErrorCode.NOT_FOUND, what=request_id)
        mine = view.request.requester_unit_code == self._rt.unit_code
        if not (mine and view.editable):
            raise KnownError(ErrorCode.ATTACHMENT_NOT_EDITABLE, id=request_id)

    # ------------------------------------------------------------------ fetching
    def content(self, attachment_id: str) -> tuple[Attachment, bytes]:
        """The attachment and its bytes: held here, or fetched from the platform (network:
        call it off the GUI thread) and kept."""
        with self._db.read() as session:
            repo = AttachmentRepository(session)
            found = repo.get(attachment_id)
            held = repo.content(attachment_id) if found is not None else None
        if found is None:
            raise KnownError(ErrorCode.NOT_FOUND, what=attachment_id)
        if held is not None:
            return found, held
        content = self._download(found)
        self._keep(attachment_id, content)
        return found, content

    def _download(self, attachment: Attachment) -> bytes:
        from govshare_desktop.sync.platform_transport import SessionTransport  # noqa: PLC0415
        from govshare_desktop.sync.transport import TransportError  # noqa: PLC0415

        if not self._platform.url:
            raise KnownError(ErrorCode.PLATFORM_NOT_CONFIGURED)
        path = f"{PATH}/{attachment.request_id}/attachments/{attachment.id}"
        try:
            reply = SessionTransport(self._platform.session()).request("GET", path)
        except TransportError as error:
            reason = str(error.reason) if error.reason is not None else str(error)
            raise KnownError(
                ErrorCode.ATTACHMENT_UNAVAILABLE, name=attachment.name, reason=reason
            ) from error
        if not reply.ok or not isinstance(reply.body, bytes):
            raise KnownError(
                ErrorCode.ATTACHMENT_UNAVAILABLE, name=attachment.name, reason=reply.problem_text
            )
        if not matches(reply.body, attachment.sha256):
            raise KnownError(ErrorCode.ATTACHMENT_DAMAGED, name=attachment.name)
        return reply.body

    @writes
    def _keep(self, attachment_id: str, content: bytes) -> None:
        with self._db.write() as session:
            AttachmentRepository(session).keep_content(attachment_id, content)

    def save_copy(self, attachment_id: str, target: Path) -> Path:
        """Write the attachment to `target` (另存为), fetching it first when needed."""
        _found, content = self.content(attachment_id)
        return write_file(target, content)

    def open_copy(self, attachment_id: str) -> Path:
        """A copy of the attachment to open with the PC's PDF reader, under its own name in
        a folder of its own under the temporary folder."""
        found, content = self.content(attachment_id)
        folder = Path(tempfile.gettempdir()) / _OPENED / found.id
        return write_file(folder / attachment_name(found.name), content)
