"""Alembic environment: runs every pending migration inside one transaction on our connection.

`store/migrate.py` passes the connection in `config.attributes["connection"]` with foreign
keys switched off (so SQLite batch table rebuilds cannot cascade-delete rows) and checks
`PRAGMA foreign_key_check` before it commits.
"""

from __future__ import annotations

from alembic import context

from govshare_desktop.store.migrations.env_support import include_object
from govshare_desktop.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic runner is supported
    raise RuntimeError("run migrations through govshare_desktop.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=True,
    transaction_per_migration=False,
    compare_type=True,
)
context.run_migrations()
