"""A Qt-free reader of the committed Qt Linguist `.ts` files, for the headless CLI.

The GUI loads compiled `.qm` files through QTranslator; the CLI must not need Qt, so it
reads the same source of truth directly. Unfinished and obsolete entries are ignored, as
QTranslator ignores them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path


class TsCatalog:
    """Translations of one language, looked up like `QCoreApplication.translate`."""

    def __init__(self, entries: dict[tuple[str, str], str]) -> None:
        self._entries = entries

    @classmethod
    def load(cls, path: Path) -> TsCatalog:
        """Read `path`; a missing file gives an empty catalog (source text is shown)."""
        if not path.is_file():
            return cls({})
        entries: dict[tuple[str, str], str] = {}
        root = ET.parse(path).getroot()  # noqa: S314 - our own committed file
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in {
                    "unfinished",
                    "obsolete",
                    "vanished",
                }:
                    continue
                source = message.findtext("source", "")
                if translation.text:
                    entries[(name, source)] = translation.text
        return cls(entries)

    def translate(self, context: str, text: str) -> str:
        return self._entries.get((context, text), text)

    def __len__(self) -> int:
        return len(self._entries)
