"""What a page receives once the store has loaded: every service, the task runner and the
change relay. Built by the composition root (app/gui.py) and handed to each page as is,
so a new capability's page needs no new wiring anywhere but its own `attach`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from govshare_desktop.settings.resolver import Settings
from govshare_desktop.tasks.changes import ChangeRelay
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.about_dialog import AboutInfo

if TYPE_CHECKING:  # the store loads behind the window: services are named, not imported
    from govshare_desktop.services.registry import Services


@dataclass(frozen=True)
class ShellContext:
    services: Services
    runner: Runner
    changes: ChangeRelay
    settings: Settings
    about: AboutInfo
