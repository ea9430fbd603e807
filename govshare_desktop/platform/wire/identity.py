"""Sign-in on the wire: `TokenResponse`, `Me` and `Unit` (openapi.yaml), to domain values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from govshare_desktop.domain.identity import Identity, Tokens


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """A unit of the platform's unit tree (`Unit`)."""

    code: str
    name: str
    parent_code: str | None
    credit_code: str


def tokens_from_wire(document: Mapping[str, Any]) -> Tokens:
    """The pair a password or refresh grant returned; KeyError/TypeError when it is not one."""
    access, refresh = document["access_token"], document["refresh_token"]
    if not isinstance(access, str) or not isinstance(refresh, str) or not access or not refresh:
        raise TypeError("the token response holds no tokens")
    return Tokens(access_token=access, refresh_token=refresh)


def unit_from_wire(document: Mapping[str, Any]) -> UnitInfo:
    parent = document.get("parent_code")
    return UnitInfo(
        code=str(document["code"]),
        name=str(document.get("name") or ""),
        parent_code=str(parent) if parent else None,
        credit_code=str(document.get("credit_code") or ""),
    )


def units_from_wire(document: Mapping[str, Any]) -> list[UnitInfo]:
    return [unit_from_wire(item) for item in document.get("items") or ()]


def identity_from_wire(document: Mapping[str, Any]) -> Identity:
    """The signed-in officer (`Me`): who, which unit (with its credit code), which roles."""
    unit = unit_from_wire(document["unit"])
    return Identity(
        officer=str(document["username"]),
        display_name=str(document.get("display_name") or ""),
        unit_code=unit.code,
        unit_name=unit.name,
        roles=frozenset(str(role) for role in document.get("roles") or ()),
        unit_credit_code=unit.credit_code,
    )
