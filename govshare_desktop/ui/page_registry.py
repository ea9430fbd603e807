"""The pages of the main window, in navigation order: the one place a new page is added."""

from __future__ import annotations

from govshare_desktop.ui.authorized_data.page import AuthorizedDataPage
from govshare_desktop.ui.catalog.page import CatalogPage
from govshare_desktop.ui.directory.page import DirectoryPage
from govshare_desktop.ui.overview.page import OverviewPage
from govshare_desktop.ui.pages.base import Page
from govshare_desktop.ui.share_requests.page import ShareRequestsPage
from govshare_desktop.ui.sync.page import SyncPage

PAGES: tuple[type[Page], ...] = (
    OverviewPage,  # the landing page: what needs doing today comes first (issue 16)
    CatalogPage,
    DirectoryPage,
    ShareRequestsPage,
    AuthorizedDataPage,
    SyncPage,
)
