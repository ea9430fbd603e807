"""Opaque cursors: a keyset position for lists, and a signed commit position for the feed."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json

from reference_platform.problems import ProblemError


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_list_cursor(last_id: str) -> str:
    """The position after `last_id` in id order."""
    return _b64(json.dumps({"after": last_id}).encode("utf-8"))


def decode_list_cursor(cursor: str) -> str:
    """The id to continue after; 400 problem when the cursor is not one of ours."""
    try:
        value = json.loads(_unb64(cursor))
        after = value["after"]
    except (ValueError, KeyError, TypeError, binascii.Error):
        after = None
    # Record ids are UUIDs and row numbers: visible ASCII (no NUL, which PostgreSQL refuses).
    if (
        not isinstance(after, str)
        or not 1 <= len(after) <= 64
        or not all(33 <= ord(ch) <= 126 for ch in after)
    ):
        raise ProblemError(400, "invalid_cursor", "The cursor is not one this server issued.")
    return after


def _mac(secret: str, payload: bytes) -> str:
    return _b64(hmac.new(secret.encode("ascii"), payload, hashlib.sha256).digest()[:16])


def encode_feed_cursor(epoch: str, seq: int, secret: str) -> str:
    """`<payload>.<mac>`: the epoch and commit sequence, signed so clients cannot forge one."""
    payload = json.dumps({"e": epoch, "s": seq}, separators=(",", ":")).encode("ascii")
    return f"{_b64(payload)}.{_mac(secret, payload)}"


def decode_feed_cursor(cursor: str, secret: str) -> tuple[str, int] | None:
    """(epoch, seq) of a cursor this server signed, or None for anything else."""
    payload_text, _, mac = cursor.partition(".")
    try:
        payload = _unb64(payload_text)
        if not hmac.compare_digest(_mac(secret, payload), mac):
            return None
        value = json.loads(payload)
        epoch, seq = value["e"], value["s"]
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError):
        return None
    if not isinstance(epoch, str) or not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        return None
    return epoch, seq
