"""附件 of share requests: stored with their bytes, listed, and queued for the platform.

Persistence only. An attachment added to a draft is one row (its bytes in it) and one op
of its request (`OutboxOp.STEP`, action `attach`), written in the caller's transaction:
after a crash both are there or neither is. Its request's later ops — the submit among
them — come after it in the outbox, so the platform has every attachment before the
submission that shows them to the provider. Removing one that never left this PC drops
the row and its waiting upload (nothing is sent); otherwise a `detach` op is queued and
the row kept, marked removed, until the platform confirms.

What the platform lists (a request's document, from a push's answer or the feed) replaces
the metadata of what it holds; rows of ours it does not list yet (an upload waiting) and
removals it has not seen stay as they are; bytes already held are kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from govshare_desktop.domain.attachments import ATTACH, DETACH, Attachment
from govshare_desktop.domain.changes import ChangeAction, EntityKind
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus
from govshare_desktop.store.models import ShareRequestAttachmentRow, ShareRequestRow
from govshare_desktop.store.repositories.outbox import OutboxRepository, QueuedOp
from govshare_desktop.store.session import changes_of
from govshare_desktop.store.tracking import TrackedWrites, Tracking

# the ops are the request's: they go out in order with its create, patches and steps
_REQUEST_OPS = Tracking(EntityKind.SHARE_REQUEST)


def _attachment(row: ShareRequestAttachmentRow, held: bool) -> Attachment:
    return Attachment(
        id=row.id,
        request_id=row.request_id,
        name=row.name,
        size=row.size,
        sha256=row.sha256,
        uploaded_by=row.uploaded_by,
        uploaded_at=row.uploaded_at,
        held=held,
        local=row.local,
        removed=row.removed,
    )


class AttachmentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._tracked = TrackedWrites(session, _REQUEST_OPS)

    # ------------------------------------------------------------------ reading
    def of_request(self, request_id: str) -> list[Attachment]:
        """The request's attachments, oldest first, without those removed here."""
        held = ShareRequestAttachmentRow.content.is_not(None)
        rows = self._session.execute(
            select(ShareRequestAttachmentRow, held)
            .where(
                ShareRequestAttachmentRow.request_id == request_id,
                ShareRequestAttachmentRow.removed.is_(False),
            )
            .order_by(ShareRequestAttachmentRow.uploaded_at, ShareRequestAttachmentRow.id)
        )
        return [_attachment(row, bool(has)) for row, has in rows]

    def get(self, attachment_id: str) -> Attachment | None:
        row = self._session.get(ShareRequestAttachmentRow, attachment_id)
        return None if row is None else _attachment(row, self.content(attachment_id) is not None)

    def content(self, attachment_id: str) -> bytes | None:
        """The file's bytes when held on this PC."""
        return self._session.scalar(
            select(ShareRequestAttachmentRow.content).where(
                ShareRequestAttachmentRow.id == attachment_id
            )
        )

    # ------------------------------------------------------------------ the officer's changes
    def add(self, attachment: Attachment, content: bytes) -> None:
        """A new attachment of a draft, and its upload op (after the request's earlier ops)."""
        request = self._request(attachment.request_id)
        self._session.add(
            ShareRequestAttachmentRow(
                id=attachment.id,
                request_id=attachment.request_id,
                name=attachment.name,
                size=len(content),
                sha256=attachment.sha256,
                uploaded_by=attachment.uploaded_by,
                uploaded_at=attachment.uploaded_at,
                content=content,
                local=True,
                removed=False,
            )
        )
        self._session.flush()
        payload = {"action": ATTACH, "attachment_id": attachment.id, "name": attachment.name}
        self._tracked.commanded(request, OutboxOp.STEP, payload, created=False)

    def remove(self, attachment_id: str) -> bool:
        """Take an attachment off a draft; False when there is none of that id."""
        row = self._session.get(ShareRequestAttachmentRow, attachment_id)
        if row is None or row.removed:
            return False
        request = self._request(row.request_id)
        upload = self._upload_op(row.request_id, attachment_id)
        if upload is not None and not upload.may_have_reached:
            # never left this PC (or refused): nothing to take back on the platform
            self._tracked.discarded(request, upload.seq)
            self._session.delete(row)
            return True
        row.removed = True
        payload = {"action": DETACH, "attachment_id": attachment_id, "name": row.name}
        self._tracked.commanded(request, OutboxOp.STEP, payload, created=False)
        return True

    def _upload_op(self, request_id: str, attachment_id: str) -> QueuedOp | None:
        """The attachment's upload op while not done."""
        for op in OutboxRepository(self._session).ops_of(request_id):
            if (
                op.op is OutboxOp.STEP
                and op.payload.get("action") == ATTACH
                and op.payload.get("attachment_id") == attachment_id
                and op.status is not OutboxStatus.DONE
            ):
                return op
        return None

    # ------------------------------------------------------------------ what the platform says
    def keep_content(self, attachment_id: str, content: bytes) -> bool:
        """Bytes fetched from the platform, kept for the next time; False when the
        attachment is no longer known here."""
        row = self._session.get(ShareRequestAttachmentRow, attachment_id)
        if row is None:
            return False
        row.content = content
        self._changed(row.request_id)
        return True

    def uploaded(self, attachment_id: str) -> None:
        """The platform holds it now."""
        row = self._session.get(ShareRequestAttachmentRow, attachment_id)
        if row is not None:
            row.local = False

    def detached(self, attachment_id: str) -> None:
        """The platform let it go too (or never had it)."""
        self._session.execute(
            delete(ShareRequestAttachmentRow).where(ShareRequestAttachmentRow.id == attachment_id)
        )

    def served(self, request_id: str, listed: Iterable[Attachment]) -> None:
        """The platform's list of the request's attachments (its document's)."""
        rows = {
            row.id: row
            for row in self._session.scalars(
                select(ShareRequestAttachmentRow).where(
                    ShareRequestAttachmentRow.request_id == request_id
                )
            )
        }
        seen: set[str] = set()
        for item in listed:
            seen.add(item.id)
            row = rows.get(item.id)
            if row is None:
                row = ShareRequestAttachmentRow(id=item.id, request_id=request_id)
                self._session.add(row)
            elif row.sha256 != item.sha256:
                row.content = None  # another file under that id: fetch it again
            row.name, row.size, row.sha256 = item.name, item.size, item.sha256
            row.uploaded_by = item.uploaded_by
            if item.uploaded_at is not None:
                row.uploaded_at = item.uploaded_at
            row.local = False
        for attachment_id, row in rows.items():
            if attachment_id not in seen and not row.local and not row.removed:
                self._session.delete(row)
        self._session.flush()

    def let_go(self, payload: dict[str, object]) -> None:
        """The officer lets go of a refused op of a request: if it was an attachment's
        upload, the attachment goes too (it will never be sent); if its removal, it shows
        again (the platform still holds it)."""
        action, attachment_id = payload.get("action"), str(payload.get("attachment_id") or "")
        row = self._session.get(ShareRequestAttachmentRow, attachment_id)
        if row is None:
            return
        if action == ATTACH:
            self._session.delete(row)
        elif action == DETACH:
            row.removed = False

    def _changed(self, request_id: str) -> None:
        changes_of(self._session).add(EntityKind.SHARE_REQUEST, request_id, ChangeAction.UPDATED)

    def _request(self, request_id: str) -> ShareRequestRow:
        row = self._session.get(ShareRequestRow, request_id)
        if row is None:
            raise LookupError(request_id)
        return row
