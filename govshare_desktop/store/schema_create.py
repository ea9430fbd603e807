"""A new, empty DB file made at this build's schema in one step, exactly as migrating would make it.

Running every migration on a new file imports Alembic and replays the schema's history:
about half a second of a new data directory's first start (or an officer's first
`govshare import-catalog`). A file that holds no table yet gets instead, in one
transaction:

- the models' tables and indexes (`Base.metadata.create_all`);
- the tables the models do not describe, as the newest migration leaves them (`UNMODELLED`:
  the FTS5 search indexes of migrations 0002 and 0006);
- Alembic's version table, created as Alembic creates it, stamped `HEAD_REVISION`.

`tests/unit/store/test_schema_create.py` proves the result identical to migrating a new
file: every table, index and trigger with its exact SQL, the stamp, no rows. A file that
already holds a table (an older schema, a foreign file) is migrated, backed up first, as
before (`store.migrate`).
"""

from __future__ import annotations

import logging

from sqlalchemy import Column, Engine, MetaData, PrimaryKeyConstraint, String, Table

from govshare_desktop.store.models import Base
from govshare_desktop.store.schema_version import HEAD_REVISION

log = logging.getLogger(__name__)

# What the migrations create that the models do not declare, as of HEAD_REVISION; a
# migration that changes these changes this list too (the identity test fails until then).
UNMODELLED = (
    "CREATE VIRTUAL TABLE resource_search USING fts5("
    "resource_id UNINDEXED, name, abstract, item_names, tokenize = 'trigram')",
    "CREATE VIRTUAL TABLE directory_search USING fts5("
    "entry_id UNINDEXED, name, abstract, item_names, tokenize = 'trigram')",
)

# Alembic's own version table (alembic.runtime.migration.MigrationContext), so the stamp
# reads and upgrades exactly as one Alembic wrote.
_VERSION = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


def create_at_head(engine: Engine) -> bool:
    """Make the schema in a file that has no table yet; False (nothing done) otherwise.

    One transaction: a failure leaves the file as empty as it was.
    """
    with engine.begin() as connection:
        if connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
            return False
        Base.metadata.create_all(connection, checkfirst=False)
        for statement in UNMODELLED:
            connection.exec_driver_sql(statement)
        _VERSION.create(connection, checkfirst=False)
        connection.execute(_VERSION.insert().values(version_num=HEAD_REVISION))
    log.info("created %s at schema %s", engine.url.database, HEAD_REVISION)
    return True
