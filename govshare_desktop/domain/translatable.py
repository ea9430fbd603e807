"""A marker for user-visible strings declared as data outside the Qt layers.

`pyside6-lupdate` extracts every `QT_TRANSLATE_NOOP(context, text)` call by name, so declaring
labels with this function puts them in the `.ts` files while keeping this package Qt-free;
`ui` translates them with `QCoreApplication.translate(context, text)` at display time.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return `text` unchanged; its only job is to be found by lupdate under `context`."""
    del context
    return text
