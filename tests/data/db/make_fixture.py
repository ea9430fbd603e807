"""Build the fixture DB of a released schema: `python tests/data/db/make_fixture.py 0001`.

Each released schema revision gets one committed file, `schema-<rev>.db`, made by running
the migrations up to that revision and filling every table with raw SQL written for that
revision (so the fixture does not change when the models do). tests/unit/store/
test_migrations.py upgrades each fixture to head and checks that no row was lost. When you
release a new revision, add its fill function here and commit its fixture.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from govshare_desktop.store.engine import make_engine
from govshare_desktop.store.migrate import run_upgrade

HERE = Path(__file__).resolve().parent


def fill_0001(db: sqlite3.Connection) -> None:
    now = "2026-11-20 08:30:00.000000"
    sync = "server_version, base_json, local_rev, sync_state, deleted, server_updated_at, created_at, updated_at"
    db.executescript(
        f"""
        INSERT INTO units (id, code, name, parent_code, credit_code, {sync}) VALUES
          ('u-1', '130000', '河北省人民政府', NULL, '11130000000013527P', 3, NULL, 0, 'read_only', 0, '{now}', '{now}', '{now}'),
          ('u-2', '130000-SCJ', '河北省市场监督管理局', '130000', '11130000MB0000000X', 4, NULL, 0, 'read_only', 0, '{now}', '{now}', '{now}');
        INSERT INTO resources (id, unit_code, class_category, class_item, class_subject, class_detail,
          sequence, code, name, provider_name, provider_code, abstract, format_category,
          format_detail, share_type, share_conditions, share_method, legal_basis, open_to_society,
          open_conditions, update_cycle, published_on, related_codes_json, secret,
          source_resource_id, source_version, one_source_note, extra_json, {sync}) VALUES
          ('r-1', '130000-SCJ', '3', '01', '001', '', '000001', '301001/000001', '企业登记信息',
           '河北省市场监督管理局', '91350100M000100Y43', '全省企业登记基本信息', 'database', 'MySQL',
           'conditional', '仅用于行政审批', 'platform_interface', '', 1, '注明来源', 'daily',
           '2025-06-01', '["301001/000002"]', 0, NULL, NULL, '', '{{"省级扩展":"是"}}',
           7, '{{"name":"企业登记信息"}}', 2, 'pending', 0, '{now}', '{now}', '{now}'),
          ('r-2', '130000-SCJ', '3', '01', '001', '', '000002', '301001/000002', '涉密名录',
           '河北省市场监督管理局', '91350100M000100Y43', '不对外', 'electronic_file', 'PDF',
           'not_shared', '', 'mail_or_media', '《保密法》', 0, '', 'yearly', NULL, '[]', 1,
           NULL, NULL, '', '{{}}', NULL, NULL, 1, 'pending', 1, NULL, '{now}', '{now}');
        INSERT INTO data_items (id, resource_id, position, name, data_type, length, share_type,
          share_conditions, open_to_society, description, extra_json) VALUES
          ('d-1', 'r-1', 0, '统一社会信用代码', 'C', 18, 'unconditional', '', 1, '', '{{}}'),
          ('d-2', 'r-1', 1, '注册资本', 'Y', NULL, NULL, '', NULL, '万元', '{{}}');
        INSERT INTO catalog_versions (id, unit_code, number, state, reason, authority_comment,
          snapshot_json, frozen_at, {sync}) VALUES
          ('v-1', '130000-SCJ', 1, 'filed', '', '同意备案', '{{"resources":[]}}', '{now}',
           1, NULL, 1, 'synced', 0, '{now}', '{now}', '{now}');
        INSERT INTO catalog_filings (id, version_id, action, actor, at, comment) VALUES
          ('f-1', 'v-1', 'filed', '主管部门', '{now}', '同意');
        INSERT INTO share_requests (id, requester_unit_code, provider_unit_code, resource_code,
          data_item_names_json, purpose, legal_basis, state, explanation_due, coordination_due, {sync}) VALUES
          ('s-1', '130000-SCJ', '130000-GAT', '302001/000009', '["姓名"]', '行政审批核验', '',
           'explanation_requested', '2026-12-05', NULL, 2, NULL, 1, 'synced', 0, '{now}', '{now}', '{now}');
        INSERT INTO share_request_events (id, request_id, seq, action, actor, actor_unit_code,
          at, text, from_state, to_state) VALUES
          ('e-1', 's-1', 1, 'decline', '王五', '130000-GAT', '{now}', '涉及个人隐私', 'submitted', 'declined');
        INSERT INTO grants (id, request_id, resource_code, provider_unit_code, data_item_names_json,
          purpose, valid_from, valid_to, allow_offline_cache, allow_export, revoked_at, {sync}) VALUES
          ('g-1', 's-0', '302001/000001', '130000-GAT', '["姓名"]', '核验', '2026-01-01',
           '2026-12-31', 1, 0, NULL, 1, NULL, 0, 'read_only', 0, '{now}', '{now}', '{now}');
        INSERT INTO objections (id, resource_code, data_item_name, description, state, response, {sync}) VALUES
          ('o-1', '302001/000001', '姓名', '存在错别字', 'submitted', '', 1, NULL, 1, 'synced', 0, NULL, '{now}', '{now}');
        INSERT INTO notices (id, title, body, issued_at, read_at, {sync}) VALUES
          ('n-1', '关于按期更新目录的通报', '请于月底前完成更新', '{now}', NULL, 1, NULL, 0, 'read_only', 0, NULL, '{now}', '{now}');
        INSERT INTO audit_events (seq, id, at, actor, action, subject_type, subject_id,
          details_json, prev_hash, hash, uploaded) VALUES
          (1, 'a-1', '{now}', '张三', 'resource.save', 'resource', 'r-1', '{{}}', '', 'h1', 0);
        INSERT INTO sync_outbox (seq, op_id, entity_type, entity_id, op, payload_json, base_version,
          snapshot_rev, status, attempts, next_attempt_at, last_http_status, last_error, created_at) VALUES
          (1, 'op-1', 'resource', 'r-1', 'patch', '{{"name":"企业登记信息"}}', 7, 2, 'pending', 1,
           NULL, 503, '服务不可用', '{now}');
        INSERT INTO sync_meta (key, value) VALUES ('cursor', 'c-42'), ('last_sync_at', '2026-11-19T10:00:00');
        INSERT INTO sync_conflicts (id, entity_type, entity_id, kind, base_json, local_json,
          remote_json, fields_json, created_at, resolved_at) VALUES
          ('c-1', 'resource', 'r-1', 'hard', '{{}}', '{{}}', '{{}}', '["name"]', '{now}', NULL);
        INSERT INTO purge_queue (id, path, reason, created_at) VALUES (1, 'cache/g-0.bin', 'revoked', '{now}');
        """
    )


def fill_0002(db: sqlite3.Connection) -> None:
    """0002 added the search index; the migration fills it from the resources. An Excel
    import's `import_batch` op lists the resources it created in its payload."""
    fill_0001(db)
    db.execute(
        "INSERT INTO resource_search (resource_id, name, abstract, item_names) "
        "VALUES ('r-1', '企业登记信息', '全省企业登记基本信息', '统一社会信用代码 注册资本')"
    )
    db.execute(
        "INSERT INTO sync_outbox (seq, op_id, entity_type, entity_id, op, payload_json,"
        " base_version, snapshot_rev, status, attempts, next_attempt_at, last_http_status,"
        " last_error, created_at) VALUES (2, 'op-2', 'resource', 'batch-1', 'import_batch',"
        ' \'{"file": "目录.xlsx", "sha256": "ab12", "resources": ["r-1", "r-3"]}\','
        " NULL, 1, 'pending', 0, NULL, NULL, '', '2026-11-24 09:00:00.000000')"
    )


def fill_0003(db: sqlite3.Connection) -> None:
    """0003 names each op's entities in sync_outbox_entities (one per resource of a batch)."""
    fill_0002(db)
    db.executescript(
        """
        INSERT INTO sync_outbox_entities (seq, entity_id, entity_type, snapshot_rev) VALUES
          (1, 'r-1', 'resource', 2), (2, 'r-1', 'resource', 1), (2, 'r-3', 'resource', 1);
        """
    )


def fill_0004(db: sqlite3.Connection) -> None:
    """0004 keeps a record of each stored import (what it created and what it replaced),
    so the import can be undone as one step."""
    fill_0003(db)
    db.execute(
        "INSERT INTO catalog_imports (id, file, sha256, at, batch_seq, created_json,"
        " changed_json) VALUES ('i-1', '目录.xlsx', 'ab12', '2026-11-24 09:00:00.000000', 2,"
        """ '["r-3"]', '[{"id": "r-1", "before": {"name": "企业登记信息"},"""
        """ "after": {"name": "城乡低保对象信息"}, "rev": 2, "server_version": 7,"""
        """ "op_seq": 1, "revived": false}]')"""
    )


def fill_0005(db: sqlite3.Connection) -> None:
    """0005 keeps the names a unit gives its own classes (项 / 目)."""
    fill_0004(db)
    db.executescript(
        """
        INSERT INTO class_names (unit_code, code, name, updated_at) VALUES
          ('130000-SCJ', '301', '市场监管', '2026-12-02 10:00:00.000000'),
          ('130000-SCJ', '301001', '企业登记', '2026-12-02 10:00:00.000000');
        """
    )


def fill_0006(db: sqlite3.Connection) -> None:
    """0006 caches the shared directory (共享目录): other units' filed resources, searchable."""
    fill_0005(db)
    content = (
        '{"unit_code": "130000", "code": "101001/000001", "name": "人口基础信息",'
        ' "abstract": "全省人口基础信息", "class_category": "1", "class_item": "01",'
        ' "class_subject": "001", "class_detail": "", "share_type": "conditional",'
        ' "data_items": [{"id": "di-1", "name": "公民身份号码", "data_type": "C", "length": 18}]}'
    )
    db.execute(
        "INSERT INTO directory_entries (id, version, unit_code, unit_name, superior, code, name,"
        " class_category, class_item, class_subject, class_detail, share_type, filing_id,"
        " filed_at, content_json) VALUES ('de-1', 3, '130000', '河北省人民政府', 1,"
        " '101001/000001', '人口基础信息', '1', '01', '001', '', 'conditional', 'pf-1',"
        " '2026-12-03 09:00:00.000000', ?)",
        (content,),
    )
    db.execute(
        "INSERT INTO directory_search (entry_id, name, abstract, item_names) "
        "VALUES ('de-1', '人口基础信息', '全省人口基础信息', '公民身份号码')"
    )


def fill_0007(db: sqlite3.Connection) -> None:
    """0007 keeps share requests as the platform serves them, with their history."""
    fill_0006(db)
    db.execute(
        "INSERT INTO share_requests (id, requester_unit_code, provider_unit_code,"
        " authority_unit_code, resource_code, data_item_names_json, purpose, legal_basis, state,"
        " explanation_due, allowed_actions_json, created_by, server_version, base_json,"
        " local_rev, sync_state) VALUES ('sr-1', 'SJZ-MZ', 'SJZ-GA', 'SJZ-XXGX',"
        " '101001/000001', '[\"公民身份号码\"]', '婚姻登记时核验当事人身份。', '', 'applied',"
        " '2026-12-20', '[\"withdraw\"]', 'mz-requester', 5, '{}', 3, 'synced')"
    )
    db.execute(
        "INSERT INTO share_request_events (id, request_id, seq, action, actor, actor_unit_code,"
        " at, text, from_state, to_state, details_json) VALUES ('ev-1', 'sr-1', 1, 'create',"
        " 'mz-requester', 'SJZ-MZ', '2026-12-03 09:00:00.000000', '', NULL, 'draft', '{}')"
    )


def fill_0008(db: sqlite3.Connection) -> None:
    """0008 keeps grants and objections as the platform serves them."""
    fill_0007(db)
    db.execute(
        "INSERT INTO grants (id, request_id, resource_code, provider_unit_code,"
        " data_item_names_json, purpose, valid_from, valid_to, allow_offline_cache,"
        " allow_export, revoked_at, grantee_unit_code, authority_unit_code, resource_id,"
        " resource_name, data_items_json, granted_at, granted_by, revoked_by,"
        " revocation_reason, server_version, local_rev, sync_state) VALUES ('g-8', 'sr-1',"
        " '101001/000001', 'SJZ-GA', '[\"姓名\"]', '核验身份。', '2026-12-01', '2027-12-01', 1,"
        " 0, NULL, 'SJZ-MZ', 'SJZ-XXGX', 'res-1', '人口基本信息',"
        ' \'[{"id": "it-1", "name": "姓名", "data_type": "C"}]\','
        " '2026-12-01 08:00:00.000000', 'sjz-authority', '', '', 1, 1, 'read_only')"
    )
    db.execute(
        "INSERT INTO objections (id, resource_code, data_item_name, description, state,"
        " response, grant_id, aspect, raiser_unit_code, provider_unit_code, resource_id,"
        " data_item_id, raised_at, raised_by, answered_at, answered_by, server_version,"
        " local_rev, sync_state) VALUES ('o-8', '101001/000001', '姓名', '姓名有错别字。',"
        " 'corrected', '已更正。', 'g-8', 'accuracy', 'SJZ-MZ', 'SJZ-GA', 'res-1', 'it-1',"
        " '2026-12-02 08:00:00.000000', 'mz-requester', '2026-12-03 08:00:00.000000',"
        " 'ga-provider', 2, 2, 'synced')"
    )


def fill_0009(db: sqlite3.Connection) -> None:
    """0009 keeps a share request's attachments, their bytes in the row."""
    fill_0008(db)
    db.execute(
        "INSERT INTO share_request_attachments (id, request_id, name, size, sha256,"
        " uploaded_by, uploaded_at, content, local, removed) VALUES ('at-9', 'sr-1',"
        " '协商记录.pdf', 9, 'd9f8b5e3c1a0f4e2b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9',"
        " 'mz-requester', '2026-12-03 09:00:00.000000', ?, 1, 0)",
        (b"%PDF-1.4\n",),
    )


def fill_0010(db: sqlite3.Connection) -> None:
    """0010 keeps what this PC alone knows of a grant (confirmation, acknowledgement)."""
    fill_0009(db)
    db.execute(
        "INSERT INTO grant_local (grant_id, confirmed_at, revocation_acknowledged_at)"
        " VALUES ('g-8', '2026-12-03 08:00:00.000000', NULL)"
    )


def fill_0011(db: sqlite3.Connection) -> None:
    """0011 seals the audit log with an HMAC chain and records its upload: one event sealed
    and uploaded, one written while no keyring was usable (unsealed)."""
    fill_0010(db)
    db.execute(
        "INSERT INTO audit_events (seq, id, at, actor, action, subject_type, subject_id,"
        " details_json, prev_hash, hash, uploaded, mac, uploaded_at, upload_conflict) VALUES"
        " (2, 'a-2', '2026-12-03 08:00:00.000000', 'mz-requester', 'grant.view', 'grant',"
        " 'g-8', '{\"rows\": 50}', 'h1', 'h2', 1, 'ab', '2026-12-03 09:00:00.000000', 0),"
        " (3, 'a-3', '2026-12-03 08:05:00.000000', 'mz-requester', 'grant.query', 'grant',"
        " 'g-8', '{}', 'h2', 'h3', 0, '', NULL, 1)"
    )


def fill_0012(db: sqlite3.Connection) -> None:
    """0012 keeps notices as the desktop shows them: one read here and sent, naming the
    records it concerns; one that arrived and has not been announced yet."""
    fill_0011(db)
    sync = "server_version, base_json, local_rev, sync_state, deleted, server_updated_at, created_at, updated_at"
    db.execute(
        "INSERT INTO notices (id, title, body, issued_at, read_at, issuer_unit_code, issued_by,"
        f" read_by, subjects_json, notified, {sync}) VALUES"
        " ('n-2', '关于授权使用情况的通报', '请核对。', '2026-12-03 08:00:00.000000',"
        " '2026-12-03 09:00:00.000000', 'SJZ-XXGX', 'sjz-authority', 'mz-requester',"
        ' \'[{"type": "grant", "id": "g-8"}]\', 1, 2, NULL, 2, \'synced\', 0, NULL,'
        " '2026-12-03 08:00:00.000000', '2026-12-03 09:00:00.000000'),"
        " ('n-3', '关于目录更新的通报', '请于月底前更新。', '2026-12-03 10:00:00.000000',"
        " NULL, 'SJZ-XXGX', 'sjz-authority', '', '[]', 0, 1, NULL, 1, 'read_only', 0, NULL,"
        " '2026-12-03 10:00:00.000000', '2026-12-03 10:00:00.000000')"
    )


FILLERS: dict[str, Callable[[sqlite3.Connection], None]] = {
    "0001": fill_0001,
    "0002": fill_0002,
    "0003": fill_0003,
    "0004": fill_0004,
    "0005": fill_0005,
    "0006": fill_0006,
    "0007": fill_0007,
    "0008": fill_0008,
    "0009": fill_0009,
    "0010": fill_0010,
    "0011": fill_0011,
    "0012": fill_0012,
}


def build(revision: str, target: Path) -> None:
    target.unlink(missing_ok=True)
    engine = make_engine(target)
    run_upgrade(engine, revision)
    engine.dispose()
    db = sqlite3.connect(target)
    with db:
        FILLERS[revision](db)
    db.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to commit
    db.execute("VACUUM")
    db.close()


if __name__ == "__main__":
    rev = sys.argv[1]
    build(rev, HERE / f"schema-{rev}.db")
    print(HERE / f"schema-{rev}.db")
