"""Sharing authorities (信息共享主管部门, Art. 5) and the units each one is competent for.

A unit with `authority_of = G` is the sharing authority of government unit G's level; it is
competent for G and every unit below G. A unit's competent authority is the one of its
nearest level: its own government unit, or the closest superior that has an authority.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reference_platform.context import Principal
from reference_platform.db.models import Unit
from reference_platform.problems import ProblemError

AUTHORITY_ROLE = "authority"


def _chain(session: Session, unit_code: str) -> list[str]:
    """The unit and its superiors, nearest first."""
    chain: list[str] = []
    code: str | None = unit_code
    while code is not None and code not in chain:
        chain.append(code)
        unit = session.get(Unit, code)
        code = unit.parent_code if unit is not None else None
    return chain


def competent_authority(session: Session, unit_code: str) -> str:
    """The code of the sharing authority competent for `unit_code`; 422 if there is none."""
    authorities = {
        row.authority_of: row.code
        for row in session.scalars(select(Unit).where(Unit.authority_of.is_not(None)))
    }
    for code in _chain(session, unit_code):
        if code in authorities:
            return authorities[code]
    raise ProblemError(
        422, "no_authority", f"No sharing authority is competent for unit {unit_code}."
    )


def in_jurisdiction(session: Session, authority_unit_code: str, unit_code: str) -> bool:
    """True when the authority is competent for the unit."""
    authority = session.get(Unit, authority_unit_code)
    if authority is None or authority.authority_of is None:
        return False
    return authority.authority_of in _chain(session, unit_code)


def acting_authority(principal: Principal) -> str | None:
    """The authority unit the officer acts for, or None without the authority role."""
    return principal.unit_code if AUTHORITY_ROLE in principal.roles else None
