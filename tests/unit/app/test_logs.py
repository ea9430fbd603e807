from __future__ import annotations

import errno
import logging
from pathlib import Path

import pytest

from govshare_desktop.app.logs import configure_logging, log_failure, mask_secrets


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Authorization: Bearer eyJhbGciOi.abc.def", "eyJhbGciOi"),
        ('{"access_token": "tok-123", "expires_in": 3600}', "tok-123"),
        ("password=hunter2&username=li", "hunter2"),
        ("refresh_token=r-999", "r-999"),
        ("{'access_token': 'tok-456', 'token_type': 'bearer'}", "tok-456"),  # a dict's repr
        ("Tokens(refresh_token='r-777')", "r-777"),
    ],
)
def test_secrets_are_masked(text: str, secret: str) -> None:
    masked = mask_secrets(text)
    assert secret not in masked
    assert "***" in masked


def test_ordinary_text_is_untouched() -> None:
    assert mask_secrets("upgraded schema 0001 -> 0002") == "upgraded schema 0001 -> 0002"


def test_log_file_never_receives_a_secret(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "govshare.log"
    configure_logging(log_file)
    configure_logging(log_file)  # twice: one handler, not two
    logging.getLogger("test").warning("sign-in failed for %s with password=%s", "li", "s3cret!")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = log_file.read_text(encoding="utf-8")
    assert "s3cret!" not in content
    assert content.count("sign-in failed") == 1


def test_a_traceback_never_carries_a_secret_into_the_log(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "govshare.log"
    configure_logging(log_file)
    try:
        raise ValueError("header refused: Authorization: Bearer tok-abc123")
    except ValueError:
        logging.getLogger("test").warning("the call failed", exc_info=True)
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = log_file.read_text(encoding="utf-8")
    assert "tok-abc123" not in content
    assert "ValueError: header refused" in content  # the traceback itself is kept


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs the /dev/full device")
def test_a_log_the_disk_refuses_loses_the_line_quietly(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """No "--- Logging error ---" traceback per line; the failure waits for Preflight."""
    log_file = tmp_path / "logs" / "govshare.log"
    log_file.parent.mkdir()
    log_file.symlink_to("/dev/full")  # every write: ENOSPC, as on a full disk
    configure_logging(log_file)
    try:
        assert log_failure() is None
        logging.getLogger("test").info("a line the disk has no room for")
        failure = log_failure()
        assert failure is not None and failure.errno == errno.ENOSPC
        assert capfd.readouterr().err == ""
    finally:
        root = logging.getLogger()
        for handler in [
            h for h in root.handlers if getattr(h, "baseFilename", "") == str(log_file)
        ]:
            root.removeHandler(handler)
            handler.close()
