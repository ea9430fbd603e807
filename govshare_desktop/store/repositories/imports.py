"""Records of stored Excel imports, for taking one back: persistence only.

One row per import, written in the import's own transaction: the ids it created (one JSON
list, a few milliseconds for 10,000 resources) and, for each resource it changed, the
content before and after with where it stood. What an undo may do with them is decided by
`services/catalog/importing.py` and `domain/import_undo.py`.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from govshare_desktop.domain.import_undo import ChangedResource, ImportRecord
from govshare_desktop.store.models import CatalogImportRow
from govshare_desktop.store.models.base import utcnow

KEEP = 10  # imports kept for undoing; older records are dropped when a new one is stored


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _changed(entry: dict[str, Any]) -> ChangedResource:
    return ChangedResource(
        resource_id=entry["id"],
        before=entry["before"],
        after=entry["after"],
        rev=int(entry["rev"]),
        server_version=entry.get("server_version"),
        op_seq=entry.get("op_seq"),
        revived=bool(entry.get("revived")),
    )


class ImportRecords:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, record: ImportRecord) -> None:
        """Keep `record`; only the latest `KEEP` imports stay undoable."""
        changed = [
            {"id": c.resource_id, "before": c.before, "after": c.after, "rev": c.rev,
             "server_version": c.server_version, "op_seq": c.op_seq, "revived": c.revived}
            for c in record.changed
        ]  # fmt: skip
        self._session.add(
            CatalogImportRow(
                id=record.import_id,
                file=record.file,
                sha256=record.sha256,
                at=utcnow(),
                batch_seq=record.batch_seq,
                created_json=_dumps(list(record.created)),
                changed_json=_dumps(changed),
            )
        )
        self._session.flush()
        kept = select(CatalogImportRow.id).order_by(CatalogImportRow.at.desc()).limit(KEEP)
        self._session.execute(
            delete(CatalogImportRow).where(CatalogImportRow.id.not_in(kept.scalar_subquery()))
        )

    def get(self, import_id: str) -> ImportRecord | None:
        row = self._session.get(CatalogImportRow, import_id)
        if row is None:
            return None
        return ImportRecord(
            import_id=row.id,
            file=row.file,
            sha256=row.sha256,
            created=tuple(json.loads(row.created_json)),
            changed=tuple(_changed(e) for e in json.loads(row.changed_json)),
            batch_seq=row.batch_seq,
        )

    def latest(self) -> str | None:
        """The id of the latest import still kept."""
        return self._session.scalar(
            select(CatalogImportRow.id).order_by(CatalogImportRow.at.desc()).limit(1)
        )

    def remove(self, import_id: str) -> None:
        self._session.execute(delete(CatalogImportRow).where(CatalogImportRow.id == import_id))
