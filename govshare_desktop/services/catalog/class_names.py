"""The names a unit gives its own classes (项 / 目), beside the names its profile knows.

The national profile names the three categories (基础 / 主题 / 部门信息资源类); what a
unit files under 301 or 301001 is its own affair, so it names those classes itself. The
names stay on this PC: the platform's catalog carries codes only.
"""

from __future__ import annotations

from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Service
from govshare_desktop.store.repositories.class_names import ClassNameRepository

MAX_NAME = 200


class ClassNameService(Service):
    def names(self, unit_code: str) -> dict[str, str]:
        """Class code → the unit's name for it."""
        with self._db.read() as session:
            return ClassNameRepository(session).for_unit(unit_code)

    @writes
    def name(self, unit_code: str, code: str, name: str) -> str:
        """Give class `code` a name (blank clears it); returns the name it had before, so
        the editor can take the step back."""
        cleaned = " ".join(name.split())[:MAX_NAME]
        with self._db.write() as session:
            old = ClassNameRepository(session).set(unit_code, code, cleaned)
            if old != cleaned:
                self._rt.audit(
                    session, "class.name", "class_name", f"{unit_code}/{code}",
                    {"code": code, "name": cleaned},
                )  # fmt: skip
        return old
