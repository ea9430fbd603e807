"""ORM models of the local store; imported here so Alembic and `Base.metadata` see them all."""

from govshare_desktop.store.models.base import Base, SyncColumns
from govshare_desktop.store.models.catalog import (
    CatalogFilingRow,
    CatalogImportRow,
    CatalogVersionRow,
    ClassNameRow,
    DataItemRow,
    ResourceRow,
    UnitRow,
)
from govshare_desktop.store.models.directory import DirectoryEntryRow
from govshare_desktop.store.models.grant_local import GrantLocalRow
from govshare_desktop.store.models.sharing import (
    AuditEventRow,
    GrantRow,
    NoticeRow,
    ObjectionRow,
    ShareRequestAttachmentRow,
    ShareRequestEventRow,
    ShareRequestRow,
)
from govshare_desktop.store.models.sync import (
    PurgeQueueRow,
    SyncConflictRow,
    SyncMetaRow,
    SyncOutboxEntityRow,
    SyncOutboxRow,
)

__all__ = [
    "AuditEventRow",
    "Base",
    "CatalogFilingRow",
    "CatalogImportRow",
    "CatalogVersionRow",
    "ClassNameRow",
    "DataItemRow",
    "DirectoryEntryRow",
    "GrantLocalRow",
    "GrantRow",
    "NoticeRow",
    "ObjectionRow",
    "PurgeQueueRow",
    "ResourceRow",
    "ShareRequestAttachmentRow",
    "ShareRequestEventRow",
    "ShareRequestRow",
    "SyncColumns",
    "SyncConflictRow",
    "SyncMetaRow",
    "SyncOutboxEntityRow",
    "SyncOutboxRow",
    "UnitRow",
]
