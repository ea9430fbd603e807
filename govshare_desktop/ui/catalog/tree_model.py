"""The catalog as a tree (类 › 项 › 目 › resources) or, while searching, a flat list of hits.

One model over plain summaries, no widget per row: ten thousand resources are ten thousand
small Python objects, and Qt asks only for the rows it shows.

A class row reads its code and its name: the profile's (3 部门信息资源类) or the one the unit
gave it (301 市场监管); a class nobody named says so, and that it can be named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from govshare_desktop.domain.entities import ResourceSummary
from govshare_desktop.domain.profile import CatalogProfile

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAMEABLE = ("item", "subject")  # the levels a unit names (the profile names the 类)


def class_label(
    profile: CatalogProfile, names: dict[str, str], code: str, level: str, *, english: bool
) -> str:
    """ "301 市场监管": a class's code and name (the unit's, else the profile's), or its code
    and that it has no name yet."""
    name = names.get(code) or profile.class_name(code, english=english)
    if name:
        return f"{code} {name}"
    spec = profile.classification.get(level)
    word = spec.display(english=english) if spec else level
    return QCoreApplication.translate("CatalogTreeModel", "{code} (unnamed {level})").format(
        code=code, level=word
    )


@dataclass(eq=False)
class Node:
    label: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    summary: ResourceSummary | None = None
    key: str = ""  # the group's classification prefix, for "new resource here"
    level: str = ""  # the group's classification level (category, item, subject)
    position: int = 0  # its row under its parent (rows never move: a change rebuilds)

    def row(self) -> int:
        return self.position

    def add(self, child: Node) -> Node:
        child.position = len(self.children)
        self.children.append(child)
        return child


class CatalogTreeModel(QAbstractItemModel):
    COLUMNS = 3  # name, code, share type

    def __init__(self, profile: CatalogProfile, english: bool = False) -> None:
        super().__init__()
        self._profile = profile
        self._english = english
        self._root = Node("")
        self._by_id: dict[str, Node] = {}
        self._groups: dict[str, Node] = {}
        self._names: dict[str, str] = {}  # class code → the unit's name for it
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
                for key, level in self._levels(summary, by_provider):
                    node = groups.get(key)
                    if node is None:
                        label = self._group_label(key, level)
                        node = groups[key] = parent.add(Node(label, parent, key=key, level=level))
                    parent = node
            self._by_id[summary.id] = parent.add(Node(summary.name, parent, summary=summary))
        self._groups = groups
        self.endResetModel()

    @staticmethod
    def _levels(summary: ResourceSummary, by_provider: bool) -> list[tuple[str, str]]:
        """(key, level) of the groups `summary` sits in; a provider group's key is p:name."""
        if by_provider:
            return [("p:" + (summary.provider_name or summary.unit_code or "—"), "")]
        cls = summary.classification
        return [
            (cls.category, "category"),
            (cls.category + cls.item, "item"),
            (cls.category + cls.item + cls.subject, "subject"),
        ]

    def _group_label(self, key: str, level: str) -> str:
        if not level:
            return key.removeprefix("p:")
        return class_label(self._profile, self._names, key, level, english=self._english)

    def set_class_names(self, names: dict[str, str]) -> None:
        """The unit's names for its classes: the class rows say them at once, in place."""
        self._names = dict(names)
        self._relabel()

    def _relabel(self) -> None:
        for node in self._groups.values():
            label = self._group_label(node.key, node.level)
            if label != node.label:
                node.label = label
                index = self._index_of(node)
                self.dataChanged.emit(index, index)

    def class_of(self, index: Index) -> tuple[str, str] | None:
        """(level, code) of the class row at `index`, if it is one a unit may name."""
        node = self.node(index)
        if node is None or node.summary is not None or node.level not in NAMEABLE:
            return None
        return node.level, node.key

    def class_names(self) -> dict[str, str]:
        return dict(self._names)

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
        self._relabel()
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
        elif role == Qt.ItemDataRole.ToolTipRole and node.level in NAMEABLE:
            value = QCoreApplication.translate(
                "CatalogTreeModel", "Right-click to name this class or change its name"
            )
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
