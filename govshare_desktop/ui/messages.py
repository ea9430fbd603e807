"""Error codes and findings into translated sentences, for every dialog and label of the UI."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from govshare_desktop.domain import messages
from govshare_desktop.domain.display import Wording
from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.domain.sheet_findings import CellFinding
from govshare_desktop.domain.validation import Finding


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def error_text(error: KnownError) -> str:
    return messages.error_text(error, _translate)


def finding_text(finding: Finding) -> str:
    return messages.finding_text(finding, _translate)


def cell_finding_text(finding: CellFinding) -> str:
    """A finding located in a workbook (import or data file), in the UI language: the same
    sentence the CLI prints, so the officer and IT support read one wording."""
    return messages.cell_finding_text(finding, _translate)


def wording(profile: CatalogProfile) -> Wording:
    """The profile's labels and value words in the UI language, asked for at each use so a
    language switch shows at the next refresh."""
    english = not QLocale().name().startswith("zh")
    return Wording(profile, _translate, english=english)


def describe_failure(error: BaseException) -> str:
    """A sentence for any failure that reached the UI; unknown ones point at the log."""
    if isinstance(error, KnownError):
        return error_text(error)
    return QCoreApplication.translate(
        "Messages",
        "An unexpected error occurred. Your saved work is safe; details are in the log file.",
    )
