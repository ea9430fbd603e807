"""`seed --demo`: the demo world in a DB, built through the same services the API uses.

Units, officers (with fresh random passwords), catalogs with data rows, then share requests
taken through the Art. 13 steps, grants (one revoked), an objection and a notice.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reference_platform.auth.passwords import hash_password
from reference_platform.catalog.schemas import ResourceCreate
from reference_platform.catalog.service import create_resource
from reference_platform.context import Principal
from reference_platform.db.database import Database
from reference_platform.db.models import Officer, Resource, ResourceCell, Unit
from reference_platform.demo_data import (
    NOTICE,
    OBJECTION,
    OFFICERS,
    RESOURCES,
    ROWS_PER_RESOURCE,
    SHARE_REQUESTS,
    UNITS,
    DemoResource,
)
from reference_platform.demo_rows import demo_rows
from reference_platform.settings import Clock
from reference_platform.sharing import requests
from reference_platform.sharing.grants import revoke_grant
from reference_platform.sharing.notices import issue_notice
from reference_platform.sharing.objections import raise_objection
from reference_platform.sharing.schemas import (
    COMMAND_BODIES,
    NoticeCreate,
    ObjectionCreate,
    ShareRequestCreate,
)


class AlreadySeeded(Exception):
    """The database already holds units; seeding twice would mix two demo worlds."""


@dataclass(frozen=True, slots=True)
class SeededOfficer:
    username: str
    password: str
    unit_code: str
    unit_name: str
    roles: tuple[str, ...]


def _create_body(resource: DemoResource, unit: Unit) -> ResourceCreate:
    category, item, subject = resource.classification
    return ResourceCreate.model_validate(
        {
            "code": resource.code,
            "name": resource.name,
            "classification": {"category": category, "item": item, "subject": subject},
            "provider_name": unit.name,
            "provider_code": unit.credit_code,
            "abstract": resource.abstract,
            "format_category": resource.format_category,
            "format_detail": resource.format_detail,
            "share_type": resource.share_type,
            "share_conditions": resource.share_conditions,
            "share_method": resource.share_method,
            "open_to_society": resource.open_to_society,
            "update_cycle": resource.update_cycle,
            "data_items": [
                {"id": str(uuid.uuid4()), "name": name, "data_type": data_type, "length": length}
                for name, data_type, length in resource.data_items
            ],
        }
    )


def seed_demo(db: Database, clock: Clock) -> list[SeededOfficer]:
    """Create the demo world; each officer gets a new random password, returned once."""
    db.create_schema()
    now = clock()
    seeded: list[SeededOfficer] = []
    with db.write() as session:
        if session.scalar(select(Unit.code).limit(1)) is not None:
            raise AlreadySeeded("the database already has units; seed an empty database")
        units = {}
        for demo in UNITS:
            units[demo.code] = Unit(
                code=demo.code,
                name=demo.name,
                parent_code=demo.parent_code,
                credit_code=demo.credit_code,
                authority_of=demo.authority_of,
            )
            session.add(units[demo.code])
            session.flush()
        for officer in OFFICERS:
            password = secrets.token_urlsafe(12)
            session.add(
                Officer(
                    username=officer.username,
                    display_name=officer.display_name,
                    unit_code=officer.unit_code,
                    password_hash=hash_password(password),
                    roles=list(officer.roles),
                    active=True,
                )
            )
            unit = units[officer.unit_code]
            seeded.append(
                SeededOfficer(officer.username, password, unit.code, unit.name, officer.roles)
            )
        session.flush()
    for resource in RESOURCES:
        author = next(
            o for o in OFFICERS if o.unit_code == resource.unit_code and "compiler" in o.roles
        )
        with db.write() as session:
            body = _create_body(resource, units[resource.unit_code])
            row = create_resource(
                session,
                _principal(author.username),
                str(uuid.uuid4()),
                body=body,
                op_id=None,
                now=now,
            )
            _add_rows(session, row)
    _seed_sharing(db, now)
    return seeded


def _principal(username: str) -> Principal:
    officer = next(o for o in OFFICERS if o.username == username)
    return Principal(officer.username, officer.display_name, officer.unit_code, officer.roles)


def _add_rows(session: Session, resource: Resource) -> None:
    """The resource's made-up data rows, one cell per data item."""
    items = list(resource.data_items)
    values = demo_rows(resource.code, [(i.name, i.data_type) for i in items], ROWS_PER_RESOURCE)
    for row_no, row in enumerate(values, start=1):
        for item, value in zip(items, row, strict=True):
            session.add(
                ResourceCell(resource_id=resource.id, row_no=row_no, item_id=item.id, value=value)
            )


def _seed_sharing(db: Database, now: datetime) -> None:
    """Requests through their steps, a revoked grant, an objection and a notice."""
    grants: list[str | None] = []
    for demo in SHARE_REQUESTS:
        request_id = str(uuid.uuid4())
        body = ShareRequestCreate(
            provider_unit_code=demo.provider_unit_code,
            resource_code=demo.resource_code,
            data_items=list(demo.data_items),
            purpose=demo.purpose,
            legal_basis=demo.legal_basis,
        )
        with db.write() as session:
            requests.create_request(
                session, _principal(demo.requester), request_id, body=body, op_id=None, now=now
            )
        for action, username, document in demo.steps:
            command = COMMAND_BODIES[action].model_validate(document)
            with db.write() as session:
                row = requests.act(
                    session, _principal(username), request_id, action, command, op_id=None, now=now
                )
        grant_id = row.grant_id if demo.steps else None
        if demo.revoke and grant_id:
            authority = next(o.username for o in OFFICERS if "authority" in o.roles)
            with db.write() as session:
                revoke_grant(session, _principal(authority), grant_id, reason=demo.revoke, now=now)
        grants.append(grant_id)
    grant_id = grants[int(str(OBJECTION["request"]))]
    objection = ObjectionCreate.model_validate(
        {k: v for k, v in OBJECTION.items() if k not in {"raiser", "request"}}
        | {"grant_id": grant_id}
    )
    with db.write() as session:
        raise_objection(
            session,
            _principal(str(OBJECTION["raiser"])),
            str(uuid.uuid4()),
            body=objection,
            op_id=None,
            now=now,
        )
    notice = NoticeCreate.model_validate({k: v for k, v in NOTICE.items() if k != "issuer"})
    with db.write() as session:
        issue_notice(
            session,
            _principal(str(NOTICE["issuer"])),
            str(uuid.uuid4()),
            body=notice,
            op_id=None,
            now=now,
        )
