"""What another page asks a page to show: a record selected, or a list filtered.

The 概览 opens the item behind a to-do or a figure this way: the window shows the page
(`MainWindow.reveal`) and hands it a `Reveal`; the page selects the record or sets its
filters (`Page.reveal`), now if its list is read, else as soon as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RevealKind(StrEnum):
    REQUEST = "request"  # one share request (subject: its id)
    REQUESTS = "requests"  # the list of one direction, maybe of one state
    OBJECTION = "objection"  # one objection (subject: its id)
    OBJECTIONS = "objections"  # the objections of one direction
    GRANT = "grant"  # one grant held (subject: its id)
    RESOURCE = "resource"  # one resource of the unit's catalog (subject: its id)
    CONFLICT = "conflict"  # one open sync conflict (subject: its id)
    CHANGE = "change"  # one change waiting to be sent (subject: its outbox seq)
    NOTICE = "notice"  # one notice (通报) on the 概览 (subject: its id; "" for the list)
    PAGE = "page"  # the page as it is


@dataclass(frozen=True, slots=True)
class Reveal:
    page: str  # the page's key
    kind: RevealKind = RevealKind.PAGE
    subject: str = ""
    direction: str = ""  # a `Direction` / `ObjectionDirection` value
    state: str = ""  # a `ShareRequestState` value; "" for every state
