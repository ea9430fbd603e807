"""What a file must be before python-calamine may read it: a spreadsheet, not a bomb.

calamine is fast because it builds each sheet as one dense block of cells in Rust. That is
also its weak spot: a 5 KB xlsx with one value in A1 and one in XFD1048576 asks for 550 GB,
and a failed allocation in Rust aborts the whole process, GUI and unsaved work included.
So a file is identified by its bytes (never by its name), zip containers are capped in
size and ratio, and each xlsx/xlsm sheet is measured from its XML before calamine opens it.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from govshare_desktop.domain.errors import ErrorCode, KnownError

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_MEMBER_RATIO = 250  # xlsx XML packs 10–30×; a bomb packs 1000× and more
MAX_MEMBERS = 10_000
MAX_SHEET_CELLS = 12_000_000  # the dense block calamine allocates (32 bytes a cell)

_ZIP = b"PK\x03\x04"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_CELL_COLUMNS = {width: re.compile(rb'<c r="([A-Z]{%d})[0-9]' % width) for width in (1, 2, 3)}
_DECLARED_COUNT = re.compile(rb'(?:uniqueCount|count)="([0-9]+)"')

SPREADSHEET_KINDS = "xlsx, xlsm, xls, xlsb, ods"


def _too_large(path: Path, reason: str) -> KnownError:
    return KnownError(ErrorCode.WORKBOOK_TOO_LARGE, path=str(path), reason=reason)


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ch - 64)
    return number


def _check_sheet_xml(path: Path, data: bytes) -> None:
    """Refuse a sheet whose dense block (rows × columns holding values) is too large.

    Every producer writes rows in order, so the last value in the XML is the last row; a
    valued cell with more row digits than that one (a crafted file out of order) is refused
    too. This reads the XML in C-speed scans instead of matching every cell in Python.
    """
    last_value = max(data.rfind(b"</v>"), data.rfind(b"</is>"))
    if last_value < 0:
        return
    found = _CELL_REF.match(data, max(data.rfind(b'<c r="', 0, last_value), 0))
    rows = int(found.group(2)) if found else 0
    beyond = re.compile(rb'<c r="[A-Z]{1,3}[0-9]{%d,}"[^>/]*>' % (len(str(rows)) + 1))
    if beyond.search(data):
        raise _too_large(path, f"values beyond row {rows}")
    columns = _last_column(data)
    if rows * columns > MAX_SHEET_CELLS:
        raise _too_large(path, f"{rows} rows × {columns} columns")


def _last_column(data: bytes) -> int:
    """The rightmost column holding a cell. Only references with the most letters can be
    it, so the widest width present is found first by a scan that usually matches nothing
    (a template with 22 columns has no two-letter ones); a findall per cell took 65 ms."""
    for width in (3, 2, 1):
        if _CELL_COLUMNS[width].search(data) is not None:
            found = set(_CELL_COLUMNS[width].findall(data))
            return max(_column_number(c) for c in found)
    return 0


def _check_shared_strings(path: Path, data: bytes) -> None:
    """calamine reserves room for the string count the file declares: a forged count of
    trillions aborts the process, so a count the part's size cannot hold is refused."""
    head = data[:1024]
    for declared in _DECLARED_COUNT.findall(head):
        if int(declared) > len(data) // 7 + 16:  # a string takes "<si><t/></si>" at least
            reason = f"shared strings count {int(declared)} is impossible"
            raise KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(path), reason=reason)


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
                return "xlsb"
            if "xl/workbook.xml" in names:
                for name in sorted(names):
                    if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                        _check_sheet_xml(path, archive.read(name))
                if "xl/sharedStrings.xml" in names:
                    _check_shared_strings(path, archive.read("xl/sharedStrings.xml"))
                macro = "xl/vbaProject.bin" in names
                return "xlsm" if macro else "xlsx"
            if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIME:
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
        with path.open("rb") as handle:
            if _ENCRYPTED_PACKAGE in handle.read():
                raise KnownError(ErrorCode.WORKBOOK_ENCRYPTED, path=str(path))
        return "xls"
    if allow_csv and head.strip() and _looks_like_text(head):
        return "csv"
    if not head:
        raise KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(path), reason="empty file")
    raise not_a_spreadsheet(path, allow_csv=allow_csv)
