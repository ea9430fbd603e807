"""Hypothesis strategies for sheet XML in every spelling calamine accepts: the same cells
written with attributes in any order, either quote, odd whitespace, a namespace prefix,
lowercase references, and `r` left out wherever ECMA-376 lets it be implied (a cell
without `r` takes the next column, a row without `r` the next row).

A drawn `Sheet` knows its cells' true positions, so a test can compare what the safety
check measures, and what calamine reads, with what the sheet holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from tests.xlsx_book import worksheet

MAX_ROW, MAX_COLUMN = 1_048_576, 16_384


@dataclass(frozen=True)
class Cell:
    column: int  # from 1
    value: str  # "" for an empty (formatted) cell
    text: str  # how it is written


@dataclass(frozen=True)
class Row:
    number: int  # from 1
    cells: tuple[Cell, ...]
    text: str


@dataclass(frozen=True)
class Sheet:
    rows: tuple[Row, ...]
    xml: str

    @property
    def extent(self) -> tuple[int, int]:
        """Rows to the last one holding a value; columns to the rightmost cell of any kind
        up to the last value (what `excel.sheet_xml.extent` promises: never less than
        calamine's block)."""
        cells = [(r.number, c) for r in self.rows for c in r.cells]
        valued = [at for at, (_, c) in enumerate(cells) if c.value]
        if not valued:
            return 0, 0
        rows = max(number for number, c in cells if c.value)
        return rows, max(c.column for _, c in cells[: valued[-1] + 1])


def letters(column: int) -> str:
    word = ""
    while column:
        column, digit = divmod(column - 1, 26)
        word = chr(65 + digit) + word
    return word


@dataclass(frozen=True)
class Style:
    """One document's spelling: its prefix, and the choices each tag draws from."""

    prefix: str
    quote: st.SearchStrategy[str]
    space: st.SearchStrategy[str]
    canonical: bool  # as producers write: r first, in capitals, never left out


def _attributes(draw: st.DrawFn, style: Style, pairs: list[tuple[str, str]]) -> str:
    order = pairs if style.canonical else draw(st.permutations(pairs))
    out = ""
    for name, value in order:
        quote = draw(style.quote)
        out += f"{draw(style.space)}{name}={quote}{value}{quote}"
    return out


@st.composite
def _cell(draw: st.DrawFn, style: Style, row: int, column: int, implicit: bool) -> Cell:
    p = f"{style.prefix}:" if style.prefix else ""
    kind = draw(st.sampled_from(["number", "inline", "shared-like", "empty", "closed", "formula"]))
    pairs: list[tuple[str, str]] = []
    if style.canonical or not (implicit and draw(st.booleans())):
        reference = letters(column) + str(row)
        lower = not style.canonical and draw(st.booleans())
        pairs.append(("r", reference.lower() if lower else reference))
    if draw(st.booleans()):
        pairs.append(("s", str(draw(st.integers(0, 9)))))
    body, value = "", ""
    if kind == "number":
        body, value = f"<{p}v>{column}</{p}v>", str(column)
    elif kind == "inline":
        pairs.append(("t", "inlineStr"))
        body, value = f"<{p}is><{p}t>x{column}</{p}t></{p}is>", f"x{column}"
    elif kind == "shared-like":  # a text formula result: a value calamine keeps
        pairs.append(("t", "str"))
        body, value = f"<{p}v>y{column}</{p}v>", f"y{column}"
    elif kind == "formula":  # a formula with no cached value: calamine keeps nothing
        body = f"<{p}f>1+1</{p}f>"
    attributes = _attributes(draw, style, pairs)
    if kind == "closed":
        return Cell(column, "", f"<{p}c{attributes}{draw(st.sampled_from(['', ' ']))}/>")
    return Cell(column, value, f"<{p}c{attributes}>{body}</{p}c>")


@st.composite
def _row(draw: st.DrawFn, style: Style, number: int, implicit: bool, far: bool) -> Row:
    p = f"{style.prefix}:" if style.prefix else ""
    high = MAX_COLUMN if far else 40
    columns = sorted(draw(st.sets(st.integers(1, high), min_size=0, max_size=6)))
    cells, at = [], 1
    for column in columns:
        cells.append(draw(_cell(style, number, column, implicit=column == at)))
        at = column + 1
    omit = implicit and not style.canonical and draw(st.booleans())
    pairs = [] if omit else [("r", str(number))]
    attributes = _attributes(draw, style, pairs)
    text = "".join(c.text for c in cells)
    if not cells and draw(st.booleans()):
        return Row(number, (), f"<{p}row{attributes}/>")
    return Row(number, tuple(cells), f"<{p}row{attributes}>{text}</{p}row>")


@st.composite
def sheets(draw: st.DrawFn) -> Sheet:
    """A sheet of a few rows, some far down or far right, each tag spelled its own way."""
    if draw(st.booleans()):
        style = Style("", quote=st.just('"'), space=st.just(" "), canonical=True)
    else:
        style = Style(
            draw(st.sampled_from(["", "", "x", "main"])),
            quote=st.sampled_from(['"', '"', "'"]),
            space=st.sampled_from([" ", " ", "  ", "\t", "\n", "\r\n "]),
            canonical=False,
        )
    far = draw(st.booleans())
    high = MAX_ROW if far else 60
    numbers = sorted(draw(st.sets(st.integers(1, high), min_size=1, max_size=6)))
    rows, at = [], 1
    for number in numbers:
        rows.append(draw(_row(style, number, implicit=number == at, far=far)))
        at = number + 1
    return Sheet(tuple(rows), worksheet("".join(r.text for r in rows), style.prefix))
