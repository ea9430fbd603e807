"""What a catalog search may be narrowed by; plain data shared by the UI, services and store."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SearchFilters:
    unit_code: str | None = None
    share_type: str | None = None
    provider_code: str | None = None
