"""A minimal ods writer for tests: rows of cells with ODF's repeat attributes, so a test can
build what LibreOffice writes (padding runs of empty cells) or a repeat bomb no office
suite would write."""

from __future__ import annotations

import zipfile
from pathlib import Path

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Sheet1">'
)
_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument'
    '.spreadsheet"/></manifest:manifest>'
)


def cell(text: str = "", repeat: int = 1) -> str:
    """A text cell (or an empty one), `repeat` times over."""
    times = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if not text:
        return f"<table:table-cell{times}/>"
    return (
        f'<table:table-cell office:value-type="string"{times}><text:p>{text}</text:p>'
        "</table:table-cell>"
    )


def number(value: float, repeat: int = 1) -> str:
    """A number cell written as LibreOffice may: self-closed, its value in attributes."""
    times = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="float" office:value="{value}"{times}/>'


def row(*cells: str, repeat: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{times}>{''.join(cells)}</table:table-row>"


def write_ods(path: Path, *rows: str, table: str = '<table:table table:name="Sheet1">') -> Path:
    """An ods of one table holding `rows`, its start tag written as `table`."""
    head = _HEAD.replace('<table:table table:name="Sheet1">', table)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", head + "".join(rows) + _TAIL, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
    return path
