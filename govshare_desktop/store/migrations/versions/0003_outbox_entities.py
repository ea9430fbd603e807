"""which entities each outbox op speaks for, so the outbox rules never scan JSON

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Until now an Excel import's one `import_batch` op listed the resources it created inside
its JSON payload, and every save scanned those lists to learn whether a resource had been
queued for creation. The new table names each op's entities (one row for an ordinary
op, one per resource for a batch), indexed by entity. Existing ops are linked from their
own columns and, for batches, from their payload's list; the payloads stay as they were
(an attempted op's payload is frozen). Each link also carries the entity's revision the op
speaks for, so a batch that absorbed a later edit still knows which revision it sends.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox_entities",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("entity_type", sa.String(length=32), nullable=False),
        sa.Column("snapshot_rev", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["seq"],
            ["sync_outbox.seq"],
            name=op.f("fk_sync_outbox_entities_seq_sync_outbox"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", "entity_id", name=op.f("pk_sync_outbox_entities")),
    )
    with op.batch_alter_table("sync_outbox_entities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_outbox_entities_entity_id"), ["entity_id"], unique=False
        )
    op.execute(
        "INSERT INTO sync_outbox_entities (seq, entity_id, entity_type, snapshot_rev) "
        "SELECT seq, entity_id, entity_type, snapshot_rev FROM sync_outbox "
        "WHERE op != 'import_batch'"
    )
    op.execute(
        "INSERT OR IGNORE INTO sync_outbox_entities (seq, entity_id, entity_type, snapshot_rev) "
        "SELECT o.seq, CAST(j.value AS TEXT), o.entity_type, o.snapshot_rev "
        "FROM sync_outbox o, json_each(o.payload_json, '$.resources') j "
        "WHERE o.op = 'import_batch' AND json_valid(o.payload_json)"
    )


def downgrade() -> None:
    with op.batch_alter_table("sync_outbox_entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_outbox_entities_entity_id"))
    op.drop_table("sync_outbox_entities")
