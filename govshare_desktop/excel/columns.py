"""The catalog template's columns, derived from the profile, and tolerant header matching.

The reader and the template writer share this one list, so a template we export is always
a workbook we can import. Headers are matched after normalisation (full-width to
half-width, no spaces or line breaks, no required-marks), by label or by a synonym the
profile declares, alone or under a group header (共享属性 › 共享类型, 信息资源分类（类）).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from dataclasses import dataclass

from govshare_desktop.domain.profile import CatalogProfile, FieldSpec

# Groups of a two-row header, as national and provincial templates write them.
CLASSIFICATION = "信息资源分类"
ITEMS = "信息项"
SHARING = "共享属性"
OPENING = "开放属性"
FORMAT = "信息资源格式"
METHOD = "共享方式"

ITEM_PREFIX = "item."


@dataclass(frozen=True, slots=True)
class Column:
    """One template column. `key` is a Resource field, `class_*` for a classification level,
    `item.*` for a data-item field; `part` 0/1 marks the two halves of a split composite
    column (信息资源格式 › 分类 / 类型)."""

    key: str
    label: str
    group: str = ""
    required: bool = False
    enum: str | None = None
    type: str = "text"
    synonyms: tuple[str, ...] = ()
    width: int = 14
    part: int | None = None

    @property
    def is_item(self) -> bool:
        return self.key.startswith(ITEM_PREFIX)


_SPACES = re.compile(r"\s+")
_MARKS = re.compile(r"^[*※★]+|[*※★]+$")


@functools.lru_cache(maxsize=16384)
def normalize(text: object) -> str:
    """A header or value reduced to what identifies it: NFKC, no whitespace, no * marks."""
    folded = unicodedata.normalize("NFKC", str(text))
    return _MARKS.sub("", _SPACES.sub("", folded)).rstrip(":").lower()


_GROUPS = {
    "classification": CLASSIFICATION,
    "share_type": SHARING,
    "share_conditions": SHARING,
    "share_method": SHARING,
    "open_to_society": OPENING,
    "open_conditions": OPENING,
}
_WIDTHS = {
    "name": 28,
    "abstract": 40,
    "provider_name": 22,
    "provider_code": 22,
    "code": 18,
    "share_conditions": 24,
    "legal_basis": 24,
    "open_conditions": 20,
    "related_codes": 20,
    "format_category": 18,
    "share_method": 18,
}


def _from_spec(spec: FieldSpec, key: str | None = None, group: str = "") -> Column:
    return Column(
        key=key or spec.key,
        label=spec.label,
        group=group or _GROUPS.get(spec.key, ""),
        required=spec.required,
        enum=spec.enum,
        type=spec.type,
        synonyms=spec.synonyms,
        width=_WIDTHS.get(spec.key, 14),
    )


def resource_columns(profile: CatalogProfile) -> tuple[Column, ...]:
    """The resource columns in template order: 序号, the classification levels, the fields."""
    columns = [Column("sequence_no", "序号", width=6, synonyms=("编号",))]
    for level, class_spec in profile.classification.items():
        columns.append(
            Column(
                f"class_{level}",
                class_spec.label,
                group=CLASSIFICATION,
                required=level != "detail",
                type="code",
                width=6,
            )
        )
    for spec in profile.fields:
        if spec.key == "classification":
            continue
        column = _from_spec(spec)
        if spec.key in {"code", "provider_code", "related_codes"}:
            column = dataclasses.replace(column, type="code")
        columns.append(column)
    columns.append(Column("secret", "是否涉密", type="bool", width=8, synonyms=("涉密",)))
    return tuple(columns)


def item_columns(profile: CatalogProfile) -> tuple[Column, ...]:
    """The data-item columns; a data-items sheet also carries 信息资源代码 to link them."""
    columns = [_from_spec(spec, ITEM_PREFIX + spec.key, ITEMS) for spec in profile.data_item_fields]
    columns.append(
        Column(
            "item.description",
            "信息项说明",
            group=ITEMS,
            width=24,
            synonyms=("信息项描述", "说明", "备注"),
        )
    )
    # whether the data files of the resource must fill this item (Art. 7 data-file check)
    columns.append(Column("item.required", "是否必填", group=ITEMS, type="bool", width=8))
    return tuple(columns)


def split_columns() -> tuple[Column, ...]:
    """Halves of composite columns some templates split under a group header."""
    return (
        Column("format_category", "分类", group=FORMAT, part=0, enum="resource_format"),
        Column("format_category", "类型", group=FORMAT, part=1),
        Column("share_method", "分类", group=METHOD, part=0, enum="share_method"),
        Column("share_method", "类型", group=METHOD, part=1),
    )


class HeaderMatcher:
    """Finds the column a header (and its group header, if any) stands for."""

    def __init__(self, columns: tuple[Column, ...]) -> None:
        self.columns = columns
        self._by_name: dict[str, Column] = {}
        self._by_group: dict[tuple[str, str], Column] = {}
        for column in columns:
            group = normalize(column.group)
            for name in (column.label, *column.synonyms):
                if column.part is None:
                    self._by_name.setdefault(normalize(name), column)
                self._by_group[(group, normalize(name))] = column
        self._groups = {normalize(c.group) for c in columns if c.group}

    def match(self, header: object, group: object = "") -> Column | None:
        """The column for a header cell, or None when the header is not the template's."""
        leaf, top = normalize(header), normalize(group)
        if not leaf:
            return None
        if top and (top, leaf) in self._by_group:
            return self._by_group[(top, leaf)]
        if (found := self._by_name.get(leaf)) is not None:
            return found
        # "信息资源分类（类）": the group written into the header itself
        if leaf.endswith(")") and "(" in leaf:
            outer, _, inner = leaf[:-1].partition("(")
            return self._by_group.get((outer, inner)) or self._by_name.get(outer)
        return None

    def is_group(self, header: object) -> bool:
        return normalize(header) in self._groups
