"""What a file must be before python-calamine may read it: a spreadsheet, not a bomb.

calamine is fast because it builds each sheet as one dense block of cells in Rust. That is
also its weak spot: a 5 KB xlsx with one value in A1 and one in XFD1048576 asks for 550 GB,
and a failed allocation in Rust aborts the whole process, GUI and unsaved work included.
So a file is identified by its bytes (never by its name), zip containers are capped in
size and ratio, and each sheet is measured before calamine opens it, read the way calamine
reads it: xlsx/xlsm from its XML (`sheet_xml`), xlsb from its binary records, ods from its
repeated rows and cells (`ods_content`), xls from its compound file and BIFF records
(`legacy_xls`).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.excel import legacy_xls, ods_content, sheet_xml

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_MEMBER_RATIO = 250  # xlsx XML packs 10–30×; a bomb packs 1000× and more
MAX_MEMBERS = 10_000
MAX_SHEET_CELLS = 12_000_000  # the dense block calamine allocates (32 bytes a cell)
MAX_REPEATED_TEXT = 256 * 1024 * 1024  # text an ods copies into repeated cells

_ZIP = b"PK\x03\x04"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"

SPREADSHEET_KINDS = "xlsx, xlsm, xls, xlsb, ods"


def _too_large(path: Path, reason: str) -> KnownError:
    return KnownError(ErrorCode.WORKBOOK_TOO_LARGE, path=str(path), reason=reason)


def _check_dense_block(path: Path, rows: int, columns: int) -> None:
    """Refuse a sheet whose dense block (what calamine allocates) passes the cap."""
    if rows * columns > MAX_SHEET_CELLS:
        raise _too_large(path, f"{rows} rows × {columns} columns")


def _check_sheet_xml(path: Path, data: bytes) -> None:
    """Refuse a sheet whose dense block (rows × columns holding values) is too large,
    measured as calamine will read the XML (`sheet_xml`: any attribute order, quoting,
    prefix or implicit position), or whose merged ranges cover more cells than that
    (openpyxl, which writes the marked copy, makes an object for each)."""
    try:
        rows, columns = sheet_xml.extent(data)
    except sheet_xml.SheetXmlError as exc:
        raise KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(path), reason=str(exc)) from exc
    _check_dense_block(path, rows, columns)
    if b"mergeCell" in data and (merged := sheet_xml.merged_area(data)) > MAX_SHEET_CELLS:
        raise _too_large(path, f"merged ranges cover {merged} cells")


# xlsb records that put a value in a cell (MS-XLSB 2.4): BrtCellRk … BrtFmlaError and
# BrtCellRString; calamine skips BrtCellBlank (formatting only).
_XLSB_VALUE_RECORDS = frozenset({*range(0x02, 0x0C), 0x3E})
_XLSB_ROW_HEADER, _XLSB_END_SHEET_DATA = 0x00, 0x92
_XLSB_MAX_ROW = 0x10_0000  # calamine stops reading a sheet at a row header beyond this


def _xlsb_header(data: bytes, position: int) -> tuple[int, int, int]:
    """(type, size, payload position) of the xlsb record at `position`: the type in one or
    two bytes and the size in one to four, seven bits each."""
    kind = data[position]
    position += 1
    if kind & 0x80:
        kind = (kind & 0x7F) | (data[position] & 0x7F) << 7
        position += 1
    size = 0
    for shift in (0, 7, 14, 21):
        byte = data[position]
        position += 1
        size |= (byte & 0x7F) << shift
        if byte < 0x80:
            break
    return kind, size, position


def _check_sheet_bin(path: Path, data: bytes) -> None:
    """The xlsb twin of `_check_sheet_xml`: walk the sheet's records (a 1–2 byte type and
    a 1–4 byte size, then the payload) for the last row and column holding a value.

    calamine reads a cell's column as any 32-bit number, so a 5 KB xlsb with one value in
    XFD1048576 asked for 550 GB and aborted the process. The walk is Python, about half a
    microsecond a record (1.2 s for 2.4 million cells, twice calamine's own read): xlsb is
    rare in government offices, and a slower read beats a crash.
    """
    position, end, row, rows, columns = 0, len(data), 0, 0, 0
    values, from_bytes = _XLSB_VALUE_RECORDS, int.from_bytes
    try:
        while position < end:
            kind, size = data[position], data[position + 1]
            if kind < 0x80 and size < 0x80:  # nearly every record: one byte each
                position += 2
            else:
                kind, size, position = _xlsb_header(data, position)
            if kind in values:
                if row >= rows:
                    rows = row + 1
                if (column := from_bytes(data[position : position + 4], "little")) >= columns:
                    columns = column + 1
            elif kind == _XLSB_ROW_HEADER:
                row = from_bytes(data[position : position + 4], "little")
                if row > _XLSB_MAX_ROW:
                    break
            elif kind == _XLSB_END_SHEET_DATA:
                break
            position += size
    except IndexError:  # a record cut short: calamine reports the damage itself
        pass
    _check_dense_block(path, rows, columns)


def _check_ods_content(path: Path, data: bytes) -> None:
    """Refuse an ods whose repeated rows and cells unfold into too many cells, or into
    too much copied text (`ods_content`)."""
    try:
        ods_content.check(data, MAX_SHEET_CELLS, MAX_REPEATED_TEXT)
    except ods_content.TooLarge as exc:
        raise _too_large(path, exc.reason) from exc


def _check_compound(path: Path) -> None:
    """An encrypted OOXML file, or an xls measured as calamine will read it (`legacy_xls`:
    looping sector chains, forged DIMENSIONS, cells at far 16-bit positions)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KnownError(ErrorCode.FILE_UNREADABLE, path=str(path), reason=str(exc)) from exc
    if _ENCRYPTED_PACKAGE in data:
        raise KnownError(ErrorCode.WORKBOOK_ENCRYPTED, path=str(path))
    try:
        legacy_xls.check(data, MAX_SHEET_CELLS)
    except legacy_xls.TooLarge as exc:
        raise _too_large(path, exc.reason) from exc
    except (legacy_xls.Damaged, struct.error, IndexError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or f"compound file: {exc}"
        raise KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(path), reason=reason) from exc


def _check_shared_strings(path: Path, data: bytes) -> None:
    """calamine reserves room for the `uniqueCount` of the first `<sst>` element: a forged
    count of trillions aborts the process, so a count the part's size cannot hold is
    refused, wherever the attribute stands and however it is quoted."""
    try:
        attributes = sheet_xml.root_attributes(data, "sst")
    except sheet_xml.SheetXmlError as exc:
        raise KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(path), reason=str(exc)) from exc
    for name in ("uniqueCount", "count"):
        digits = "".join(ch for ch in attributes.get(name, "") if "0" <= ch <= "9")[:24]
        if digits and int(digits) > len(data) // 7 + 16:  # "<si><t/></si>" at least
            reason = f"shared strings count {int(digits)} is impossible"
            raise KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(path), reason=reason)


def _measure_sheets(
    path: Path,
    archive: zipfile.ZipFile,
    suffix: str,
    check: Callable[[Path, bytes], None],
) -> None:
    for name in sorted(archive.namelist()):
        if name.startswith("xl/worksheets/") and name.endswith(suffix):
            check(path, archive.read(name))


def _check_zip(path: Path, *, allow_csv: bool) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise _too_large(path, f"{len(members)} parts")
            if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
                raise _too_large(path, "more than 512 MB unpacked")
            for member in members:
                packed = max(member.compress_size, 1)
                if member.file_size > 1024 * 1024 and member.file_size / packed > MAX_MEMBER_RATIO:
                    raise _too_large(path, f"{member.filename} packs {member.file_size // packed}×")
            names = {m.filename for m in members}
            if "xl/workbook.bin" in names:
                _measure_sheets(path, archive, ".bin", _check_sheet_bin)
                return "xlsb"
            if "xl/workbook.xml" in names:
                _measure_sheets(path, archive, ".xml", _check_sheet_xml)
                if "xl/sharedStrings.xml" in names:
                    _check_shared_strings(path, archive.read("xl/sharedStrings.xml"))
                macro = "xl/vbaProject.bin" in names
                return "xlsm" if macro else "xlsx"
            if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIME:
                if "content.xml" in names:
                    _check_ods_content(path, archive.read("content.xml"))
                return "ods"
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(path), reason=str(exc)) from exc
    raise not_a_spreadsheet(path, allow_csv=allow_csv)


def not_a_spreadsheet(path: Path, *, allow_csv: bool) -> KnownError:
    kinds = SPREADSHEET_KINDS + (", csv" if allow_csv else "")
    return KnownError(ErrorCode.WORKBOOK_NOT_SPREADSHEET, path=str(path), kinds=kinds)


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:  # a character cut at the end of the sample
                return True
            continue
        return True
    return False


def inspect(path: Path, *, allow_csv: bool = False) -> str:
    """The kind of `path` by its content: xlsx, xlsm, xlsb, xls, ods (or csv when allowed).

    Raises `KnownError` (unreadable, encrypted, not a spreadsheet, too large) with a message
    the officer can act on; never lets a file through that could take the process down.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError as exc:
        raise KnownError(ErrorCode.FILE_UNREADABLE, path=str(path), reason=str(exc)) from exc
    if size > MAX_FILE_BYTES:
        raise _too_large(path, f"{size // (1024 * 1024)} MB")
    if head.startswith(_ZIP):
        return _check_zip(path, allow_csv=allow_csv)
    if head.startswith(_CFB):
        _check_compound(path)
        return "xls"
    if allow_csv and head.strip() and _looks_like_text(head):
        return "csv"
    if not head:
        raise KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(path), reason="empty file")
    raise not_a_spreadsheet(path, allow_csv=allow_csv)
