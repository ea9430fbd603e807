"""Every use case of the app, built in one place: the one list to extend when a capability
arrives (its page is registered in ui/pages/registry.py the same way)."""

from __future__ import annotations

from dataclasses import dataclass

from govshare_desktop.services.audit.service import AuditService
from govshare_desktop.services.catalog.class_names import ClassNameService
from govshare_desktop.services.catalog.data_files import DataFileService
from govshare_desktop.services.catalog.derivation import DerivationService
from govshare_desktop.services.catalog.filing import FilingService
from govshare_desktop.services.catalog.importing import CatalogImportService
from govshare_desktop.services.catalog.resources import CatalogService
from govshare_desktop.services.database import DatabaseService
from govshare_desktop.services.directory.service import DirectoryService
from govshare_desktop.services.grant_data.service import GrantDataConfig, GrantDataService
from govshare_desktop.services.lock.unlock import UnlockService
from govshare_desktop.services.notices.service import NoticeService
from govshare_desktop.services.objections.service import ObjectionService
from govshare_desktop.services.overview.service import OverviewService
from govshare_desktop.services.runtime import Runtime
from govshare_desktop.services.share_requests.attachments import AttachmentService
from govshare_desktop.services.share_requests.service import ShareRequestService
from govshare_desktop.services.sync.conflicts import ConflictService
from govshare_desktop.services.sync.outbox import OutboxService
from govshare_desktop.services.sync.signin import PlatformAccess, SignInService
from govshare_desktop.services.sync.status import StatusService
from govshare_desktop.services.sync.syncing import SyncService, SyncState


@dataclass(frozen=True)
class Services:
    runtime: Runtime
    database: DatabaseService
    catalog: CatalogService
    class_names: ClassNameService
    catalog_import: CatalogImportService
    data_files: DataFileService
    filing: FilingService
    derivation: DerivationService
    directory: DirectoryService
    share_requests: ShareRequestService
    request_attachments: AttachmentService
    objections: ObjectionService
    status: StatusService
    conflicts: ConflictService
    outbox: OutboxService
    sign_in: SignInService
    sync: SyncService
    audit: AuditService
    unlock: UnlockService
    grant_data: GrantDataService
    overview: OverviewService
    notices: NoticeService

    @classmethod
    def build(
        cls,
        runtime: Runtime,
        database: DatabaseService,
        platform_url: str,
        *,
        platform: PlatformAccess,
        grant_data: GrantDataConfig,
    ) -> Services:
        catalog = CatalogService(runtime)
        share_requests = ShareRequestService(runtime)
        sync_state = SyncState()
        unlock = UnlockService(runtime, platform)
        sync = SyncService(runtime, platform, sync_state)
        grants = GrantDataService(runtime, platform, grant_data)
        sync.after_cycle.append(grants.after_sync)  # purge and confirm at every sync
        filing = FilingService(runtime)
        objections = ObjectionService(runtime)
        status = StatusService(runtime.database, platform_url, sync_state)
        conflicts = ConflictService(runtime)
        outbox = OutboxService(runtime)
        notices = NoticeService(runtime)
        overview = OverviewService(
            runtime, share_requests=share_requests, objections=objections, grants=grants,
            conflicts=conflicts, outbox=outbox, status=status, notices=notices,
        )  # fmt: skip
        return cls(
            runtime=runtime,
            database=database,
            catalog=catalog,
            class_names=ClassNameService(runtime),
            catalog_import=CatalogImportService(runtime),
            data_files=DataFileService(catalog),
            filing=filing,
            derivation=DerivationService(runtime, catalog),
            directory=DirectoryService(runtime),
            share_requests=share_requests,
            request_attachments=AttachmentService(runtime, share_requests, platform),
            objections=objections,
            status=status,
            conflicts=conflicts,
            outbox=outbox,
            sign_in=SignInService(runtime, platform, unlock),
            sync=sync,
            audit=AuditService(runtime),
            unlock=unlock,
            grant_data=grants,
            overview=overview,
            notices=notices,
        )
