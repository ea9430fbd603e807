"""The catalog as a tree (类 › 项 › 目 › resources) or, while searching, a flat list of hits.

One model over plain summaries, no widget per row: ten thousand resources are ten thousand
small Python objects, and Qt asks only for the rows it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from govshare_desktop.domain.entities import ResourceSummary
from govshare_desktop.domain.profile import CatalogProfile

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(eq=False)
class Node:
    label: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    summary: ResourceSummary | None = None
    key: str = ""  # the group's classification prefix, for "new resource here"

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class CatalogTreeModel(QAbstractItemModel):
    COLUMNS = 3  # name, code, share type

    def __init__(self, profile: CatalogProfile, english: bool = False) -> None:
        super().__init__()
        self._profile = profile
        self._english = english
        self._root = Node("")
        self._by_id: dict[str, Node] = {}
        self.headers = ("", "", "")

    # ------------------------------------------------------------------ contents
    def set_summaries(
        self, summaries: list[ResourceSummary], *, grouped: bool, by_provider: bool = False
    ) -> None:
        """Group by classification (类 › 项 › 目), or by provider, or not at all (search hits)."""
        self.beginResetModel()
        self._root = Node("")
        self._by_id = {}
        groups: dict[str, Node] = {}
        for summary in summaries:
            parent = self._root
            if grouped:
                for key, label in self._levels(summary, by_provider):
                    node = groups.get(key)
                    if node is None:
                        node = Node(label, parent, key=key)
                        parent.children.append(node)
                        groups[key] = node
                    parent = node
            leaf = Node(summary.name, parent, summary=summary)
            parent.children.append(leaf)
            self._by_id[summary.id] = leaf
        self.endResetModel()

    def _levels(self, summary: ResourceSummary, by_provider: bool) -> list[tuple[str, str]]:
        if by_provider:
            name = summary.provider_name or summary.unit_code or "—"
            return [("p:" + name, name)]
        cls = summary.classification
        return [
            (cls.category, self._category_label(cls.category)),
            (cls.category + cls.item, cls.category + cls.item),
            (cls.category + cls.item + cls.subject, cls.category + cls.item + cls.subject),
        ]

    def _category_label(self, category: str) -> str:
        level = self._profile.classification.get("category")
        for option in level.options if level else ():
            if option.code == category:
                return f"{category} {option.label_en if self._english else option.label}"
        return category

    def update_summary(self, summary: ResourceSummary) -> None:
        """A saved edit: refresh its row in place (a moved classification waits for reload)."""
        node = self._by_id.get(summary.id)
        if node is None:
            return
        node.summary = summary
        node.label = summary.name
        index = self._index_of(node)
        self.dataChanged.emit(index, index.siblingAtColumn(self.COLUMNS - 1))

    def set_english(self, english: bool) -> None:
        self._english = english
        if self._root.children:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.COLUMNS - 1)
            )

    def index_of_id(self, resource_id: str) -> QModelIndex:
        node = self._by_id.get(resource_id)
        return self._index_of(node) if node else QModelIndex()

    def _index_of(self, node: Node) -> QModelIndex:
        return self.createIndex(node.row(), 0, node) if node.parent else QModelIndex()

    def first_resource_id(self) -> str | None:
        node = self._root
        while node.children:
            node = node.children[0]
        return node.summary.id if node.summary else None

    def resource_count(self) -> int:
        return len(self._by_id)

    @staticmethod
    def node(index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    # ------------------------------------------------------------------ Qt model API
    def _node_or_root(self, index: Index) -> Node:
        return self.node(index) or self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node_or_root(parent)
        if 0 <= row < len(node.children) and 0 <= column < self.COLUMNS:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row(), 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node_or_root(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        summary = node.summary if node else None
        if node is None:
            value: Any = None
        elif role == ID_ROLE:
            value = summary.id if summary else None
        elif role == Qt.ItemDataRole.DisplayRole:
            value = self._display(node, index.column())
        elif role == Qt.ItemDataRole.ToolTipRole and summary is not None:
            value = f"{summary.code} {summary.name}"
        else:
            value = None
        return value

    def _display(self, node: Node, column: int) -> str | None:
        summary = node.summary
        if summary is None:
            return node.label if column == 0 else None
        if column == 0:
            return ("🔒 " if summary.secret else "") + summary.name
        if column == 1:
            return summary.code
        return self._profile.enum_label("share_type", summary.share_type, english=self._english)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
