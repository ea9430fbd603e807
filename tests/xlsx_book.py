"""A minimal xlsx writer for tests: one sheet from raw XML, so a test can give calamine what
no office suite writes (attributes out of order, other quoting, prefixes, cells and rows
without `r`) as well as what they all write."""

from __future__ import annotations

import zipfile
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TYPES = (
    _DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
    '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
    '.worksheet+xml"/></Types>'
)
_RELS = (
    _DECLARATION + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/{kind}" Target="{target}"/></Relationships>'
)
_WORKBOOK = (
    _DECLARATION + f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
    "</sheets></workbook>"
)


def worksheet(sheet_data: str, prefix: str = "") -> str:
    """The sheet part around `sheet_data` (the rows), every element under `prefix` if one
    is given (`x` gives `<x:worksheet xmlns:x=...>`)."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f"xmlns:{prefix}" if prefix else "xmlns"
    return (
        f'{_DECLARATION}<{p}worksheet {xmlns}="{MAIN}"><{p}sheetData>{sheet_data}'
        f"</{p}sheetData></{p}worksheet>"
    )


def write_xlsx(path: Path, sheet: str | bytes) -> Path:
    """An xlsx with the one sheet "Sheet1" whose part is `sheet` (see `worksheet`)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr(
            "_rels/.rels", _RELS.format(kind="officeDocument", target="xl/workbook.xml")
        )
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            _RELS.format(kind="worksheet", target="worksheets/sheet1.xml"),
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path
