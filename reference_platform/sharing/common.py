"""What the sharing services share: 404s that reveal nothing, role checks, resource look-ups."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reference_platform.db.models import Resource
from reference_platform.problems import ProblemError


def not_found(what: str, record_id: str) -> ProblemError:
    # The same answer for unknown ids and for ids the unit may not see.
    return ProblemError(404, "not_found", f"No {what} {record_id} is visible to your unit.")


def conflict(code: str, detail: str, **extra: object) -> ProblemError:
    return ProblemError(409, code, detail, extra=extra)


def live_resource_by_code(session: Session, unit_code: str, code: str) -> Resource | None:
    """The unit's live resource with this code (the oldest id if codes were duplicated)."""
    return session.scalars(
        select(Resource)
        .where(Resource.unit_code == unit_code, Resource.code == code, Resource.deleted.is_(False))
        .order_by(Resource.id)
        .limit(1)
    ).first()


def item_ids_by_name(resource: Resource, names: list[str]) -> list[str]:
    """The ids of the named data items, in the order named; 422 for a name the resource lacks."""
    by_name: dict[str, str] = {}
    for item in resource.data_items:
        by_name.setdefault(item.name, item.id)
    missing = [name for name in names if name not in by_name]
    if missing:
        raise ProblemError(
            422,
            "unknown_data_item",
            f"Resource {resource.code} has no data item named {', '.join(missing)}.",
        )
    return [by_name[name] for name in names]
