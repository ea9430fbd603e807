"""`seed --demo`: demo units, officers (with fresh random passwords) and catalogs in a DB."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from reference_platform.auth.passwords import hash_password
from reference_platform.catalog.schemas import ResourceCreate
from reference_platform.catalog.service import create_resource
from reference_platform.context import Principal
from reference_platform.db.database import Database
from reference_platform.db.models import Officer, Unit
from reference_platform.demo_data import OFFICERS, RESOURCES, UNITS, DemoResource
from reference_platform.settings import Clock


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
        principal = Principal(author.username, author.display_name, author.unit_code, author.roles)
        with db.write() as session:
            body = _create_body(resource, units[resource.unit_code])
            create_resource(session, principal, str(uuid.uuid4()), body=body, op_id=None, now=now)
    return seeded
