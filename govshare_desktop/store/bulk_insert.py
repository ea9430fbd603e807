"""Rows by the thousand into one table, on a session's own connection and transaction.

The ORM (and SQLAlchemy Core's executemany) costs microseconds a row in Python before
SQLite sees it; an Excel import writes 110,000 content rows and thousands of outbox links
at once. These go to the DB-API cursor of the session's connection, so they commit or roll
back with everything else the transaction did, in multi-row INSERT statements: SQLite binds
and steps once a statement, half the time `executemany` takes (100,000 data items: 0.2 s
against 0.38 s, measured here, for an import's one transaction). A pull's pages are many
transactions on a growing store, where a multi-row statement's journal costs more than it
saves: they go by `insert_each`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from typing import Any

from sqlalchemy.orm import Session

_ROWS_PER_STATEMENT = 500


@contextmanager
def raw_cursor(session: Session) -> Iterator[sqlite3.Cursor]:
    """The DB-API cursor of the session's connection: same transaction, no ORM cost."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        yield cursor
    finally:
        cursor.close()


def insert_rows(
    cursor: sqlite3.Cursor, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """`rows` into `table` by multi-row INSERT statements of up to 500 rows, within the
    connection's bound-parameter limit. `table` and `columns` are the caller's constants."""
    limit = cursor.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(_ROWS_PER_STATEMENT, limit // len(columns)))
    one = f"({', '.join('?' * len(columns))})"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "  # noqa: S608 - constants only
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        cursor.execute(head + ", ".join([one] * len(chunk)), list(chain.from_iterable(chunk)))


def insert_each(
    cursor: sqlite3.Cursor, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """`rows` into `table` by one prepared single-row INSERT run for each (`executemany`),
    for transactions that follow others on a growing store (a pull's pages). A multi-row
    INSERT may fail halfway, so SQLite keeps a statement journal of the pages it changes
    that the transaction had already changed, and spills it to a temporary file: on a
    first pull of 10,000 resources that was 25 MB a page (714 MB written for a 68 MB
    store, 340 MB this way), and its CPU cost more than the single statements'.
    `table` and `columns` are the caller's constants."""
    one = ", ".join("?" * len(columns))
    cursor.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({one})",  # noqa: S608 - constants
        rows,
    )
