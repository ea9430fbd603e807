"""A notice on the wire (`Notice`), to the domain's notice; the read mark has no body."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from govshare_desktop.domain.notices import Notice, subjects_of
from govshare_desktop.platform.wire.share_requests import moment

ENTITY_TYPE = "notice"  # the change feed's item type


def from_wire(document: Mapping[str, Any]) -> tuple[Notice, int]:
    """The notice as the unit holds it, and its version; KeyError/TypeError/ValueError when
    the document is not one. `subjects` is optional (a platform from before it)."""
    issued = moment(document["issued_at"])
    notice = Notice(
        id=str(document["id"]),
        title=str(document["title"]),
        body=str(document.get("body") or ""),
        issued_at=issued if issued is not None else datetime(1970, 1, 1),
        issuer_unit_code=str(document.get("issuer_unit_code") or ""),
        issued_by=str(document.get("issued_by") or ""),
        read_at=moment(document.get("read_at")),
        read_by=str(document.get("read_by") or ""),
        subjects=subjects_of(document.get("subjects")),
    )
    return notice, int(document["version"])
