"""Request bodies of the catalog endpoints, validated by pydantic against the national profile.

The server accepts drafts: only `name` is needed to create, enumerations must be known codes
(or null), and lengths follow the profile. Completeness is checked at filing, not here.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    return value


ShareType = Literal["unconditional", "conditional", "not_shared"]
ResourceFormat = Literal[
    "electronic_file",
    "spreadsheet",
    "database",
    "image",
    "streaming_media",
    "self_describing",
    "service_interface",
    "other",
]
ShareMethod = Literal["platform_database", "platform_interface", "platform_file", "mail_or_media"]
UpdateCycle = Literal[
    "real_time", "daily", "weekly", "monthly", "quarterly", "half_yearly", "yearly", "other"
]
DataTypeCode = Literal["C", "N", "Y", "D", "T", "L", "M", "G", "B", "I", "F"]

Name200 = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_no_nul)]
Name100 = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_no_nul)]
Str18 = Annotated[str, Field(max_length=18), AfterValidator(_no_nul)]
Str64 = Annotated[str, Field(max_length=64), AfterValidator(_no_nul)]
Str100 = Annotated[str, Field(max_length=100), AfterValidator(_no_nul)]
Str200 = Annotated[str, Field(max_length=200), AfterValidator(_no_nul)]
Str2000 = Annotated[str, Field(max_length=2000), AfterValidator(_no_nul)]

_STRICT = ConfigDict(extra="forbid")


class ClassificationIn(BaseModel):
    """信息资源分类: 类 / 项 / 目 / 细目, each empty while undecided."""

    model_config = _STRICT

    category: Annotated[str, Field(pattern=r"^[123]?$")] = ""
    item: Annotated[str, Field(pattern=r"^(?:[0-9]{2})?$")] = ""
    subject: Annotated[str, Field(pattern=r"^(?:[0-9]{3})?$")] = ""
    detail: Annotated[str, Field(pattern=r"^[0-9]{0,32}$")] = ""


class DataItemIn(BaseModel):
    """信息项 as sent by a client; a missing id is assigned by the server."""

    model_config = _STRICT

    id: uuid.UUID | None = None
    name: Name100
    data_type: DataTypeCode
    length: Annotated[int, Field(ge=1, le=1_000_000)] | None = None
    share_type: ShareType | None = None
    share_conditions: Str2000 = ""
    open_to_society: bool | None = None
    description: Str2000 = ""


class ResourceFields(BaseModel):
    """Every client-owned field of a resource, with the defaults a create starts from.

    For PATCH only the fields present in the body (`model_fields_set`) are applied.
    """

    model_config = _STRICT

    code: Str64 = ""
    name: Name200 = "-"  # never applied: a create requires it, a patch applies only what it sent
    classification: ClassificationIn = Field(default_factory=ClassificationIn)
    provider_name: Str200 = ""
    provider_code: Str18 = ""
    abstract: Str2000 = ""
    format_category: ResourceFormat | None = None
    format_detail: Str100 = ""
    share_type: ShareType | None = None
    share_conditions: Str2000 = ""
    share_method: ShareMethod | None = None
    legal_basis: Str2000 = ""
    open_to_society: bool = False
    open_conditions: Str2000 = ""
    update_cycle: UpdateCycle | None = None
    published_on: date | None = None
    related_codes: Annotated[list[Str64], Field(max_length=100)] = Field(default_factory=list)
    data_items: Annotated[list[DataItemIn], Field(max_length=2000)] = Field(default_factory=list)

    @model_validator(mode="after")
    def _data_item_ids_unique(self) -> ResourceFields:
        ids = [item.id for item in self.data_items if item.id is not None]
        if len(ids) != len(set(ids)):
            raise ValueError("data item ids must be unique within a resource")
        return self


class ResourceCreate(ResourceFields):
    """Body of `PUT /catalog/resources/{id}`: `name` is required."""

    name: Name200


class ResourcePatch(ResourceFields):
    """Body of `PATCH /catalog/resources/{id}`: any subset of the fields."""
