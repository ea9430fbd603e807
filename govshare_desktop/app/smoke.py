"""`--smoke-test`: the start-up check a build, an installer or CI runs on the real program.

It must work with no display, no data directory and nobody watching: it starts offscreen
unless a platform is named, works in a temporary data directory unless `--home` (or
`$GOVSHARE_HOME`) names one, so a DB is created and migrated as at an officer's first start,
opens the main window, and ends with exit 0 and one line saying what it checked — or a
non-zero exit and the reason on stderr and in the log. A dialog that would wait for a click
(a start-up refusal, a crash) never blocks it: refusals are printed instead, and a watchdog
ends a run that never reaches its end. In a frozen Windows build it also checks that the
tokens would go to the Windows Credential Manager (DESIGN §2, Art. 18).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from dataclasses import dataclass, field

from govshare_desktop import __version__
from govshare_desktop.settings.paths import HOME_ENV

log = logging.getLogger(__name__)

WATCHDOG_MS = 120_000  # a cold first start on a slow CI disk takes seconds, never minutes
WINDOWS_KEYRING = "keyring.backends.Windows.WinVaultKeyring"


def report(text: str) -> None:
    """Say why the smoke test failed: stderr when there is one (a windowed exe has none)."""
    log.error("smoke test failed: %s", text)
    if sys.stderr is not None:
        print(f"smoke test failed: {text}", file=sys.stderr)


@dataclass
class SmokeRun:
    """The environment of one smoke test; `close` removes the temporary data directory."""

    home: str | None
    _temporary: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    @classmethod
    def prepare(cls, home: str | None) -> SmokeRun:
        """Before `QApplication`: choose the offscreen platform and a throwaway data directory."""
        if not os.environ.get("QT_QPA_PLATFORM", "").strip():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if home or os.environ.get(HOME_ENV, "").strip():
            return cls(home)
        temporary = tempfile.TemporaryDirectory(
            prefix="govshare-smoke-", ignore_cleanup_errors=True
        )
        return cls(temporary.name, temporary)

    def close(self) -> None:
        if self._temporary is not None:
            # the log file stays open in our own handler: close it so Windows can delete it
            for handler in logging.getLogger().handlers[:]:
                if isinstance(handler, logging.FileHandler):
                    handler.close()
                    logging.getLogger().removeHandler(handler)
            self._temporary.cleanup()


def keyring_problem(frozen: bool, platform: str = sys.platform) -> str | None:
    """In a frozen Windows build the backend must be the Credential Manager's; else None."""
    if not (frozen and platform == "win32"):
        return None
    try:
        import keyring  # noqa: PLC0415 - only the frozen Windows build asks

        backend = keyring.get_keyring()
    except Exception as error:
        return f"keyring did not load: {type(error).__name__}: {error}"
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name != WINDOWS_KEYRING:
        return f"keyring resolved to {name}, not {WINDOWS_KEYRING}"
    return None


@dataclass(frozen=True, slots=True)
class Seen:
    """What a finished run saw."""

    exit_code: int
    schema: str | None
    crashes: int
    platform_name: str
    language: str
    translations: int  # catalogs installed: Qt's qtbase and ours for Chinese


def verdict(seen: Seen, head: str) -> tuple[int, str]:
    """The smoke test's exit code and its one line, from what the run saw."""
    exit_code, schema, crashes = seen.exit_code, seen.schema, seen.crashes
    if exit_code != 0:
        return exit_code, f"the application ended with exit code {exit_code}"
    if crashes:
        return 1, f"{crashes} uncaught exception(s) while running; see the log"
    if schema != head:
        return 1, f"the database is at schema {schema}, not at this build's {head}"
    if seen.language != "en" and seen.translations < 2:
        return 1, (
            f"{seen.language}: {seen.translations} of 2 translation catalogs (Qt's qtbase and "
            "ours) loaded; see the log"
        )
    problem = keyring_problem(bool(getattr(sys, "frozen", False)))
    if problem is not None:
        return 1, problem
    return 0, (
        f"smoke test passed: govshare-desktop {__version__}, schema {schema}, "
        f"language {seen.language} ({seen.translations} catalogs), "
        f"Qt platform {seen.platform_name}, frozen={bool(getattr(sys, 'frozen', False))}"
    )
