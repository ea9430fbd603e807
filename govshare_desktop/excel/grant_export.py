"""Writing granted rows out (xlsx or csv) page by page, never all rows in memory.

The caller gives the notice lines that go first (who exported, when, under which grant,
and that the data must not be passed on: Art. 15), the column names, and the pages; an
xlsx is written in openpyxl's write-only mode (rows streamed to the file), a csv as UTF-8
with a byte-order mark so Excel on a Chinese Windows opens it right. A cancelled export
leaves no file behind.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from govshare_desktop.domain.progress import Progress

Row = Sequence[str | None]
FORMATS = ("xlsx", "csv")


def _safe(value: str | None) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (=, +, -, @)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_rows(
    path: Path,
    fmt: str,
    notice: Sequence[str],
    columns: Sequence[str],
    pages: Iterable[Sequence[Row]],
    *,
    progress: Progress,
    total: int | None = None,
) -> int:
    """Write the notice, the header and every page to `path`; the number of rows written."""
    partial = path.with_name(path.name + ".part")
    written = 0
    try:
        if fmt == "xlsx":
            from openpyxl import Workbook  # noqa: PLC0415 - only when exporting

            book = Workbook(write_only=True)
            sheet = book.create_sheet("授权数据")
            for line in notice:
                sheet.append([line])
            sheet.append([])
            sheet.append(list(columns))
            for page in pages:
                for row in page:
                    sheet.append([_safe(v) for v in row])
                written += len(page)
                progress.report(written, total or 0)
            book.save(partial)
        else:
            with partial.open("w", encoding="utf-8-sig", newline="") as handle:
                out = csv.writer(handle)
                for line in notice:
                    out.writerow([f"# {line}"])
                out.writerow(list(columns))
                for page in pages:
                    out.writerows([_safe(v) for v in row] for row in page)
                    written += len(page)
                    progress.report(written, total or 0)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return written
