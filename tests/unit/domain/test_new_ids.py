"""Batch ids: valid version-7 UUIDs, unique, and ordered as they were made."""

from __future__ import annotations

import time
import uuid

import pytest

from govshare_desktop.domain import entities
from govshare_desktop.domain.entities import new_ids


def test_ids_are_version_7_uuids_in_their_canonical_text() -> None:
    for text in new_ids(50):
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant) == (7, uuid.RFC_4122)
        assert str(parsed) == text


def test_a_batch_is_ordered_and_later_batches_sort_after_it() -> None:
    first, second = new_ids(5000), new_ids(5000)
    assert first == sorted(first)
    assert second == sorted(second)
    assert len(set(first) | set(second)) == 10_000
    # the millisecond stamp leads: a later batch never sorts before an earlier one's start
    assert uuid.UUID(second[0]).int >> 80 >= uuid.UUID(first[-1]).int >> 80


def test_the_stamp_is_the_current_unix_time_in_milliseconds() -> None:
    before = time.time_ns() // 1_000_000
    stamp = uuid.UUID(new_ids(1)[0]).int >> 80
    assert before <= stamp <= time.time_ns() // 1_000_000


@pytest.mark.parametrize("start", [0, 0xFF, 0xFFFF - 3, (1 << 62) - 300, (1 << 73) - 20, 123456789])
@pytest.mark.parametrize("count", [1, 255, 256, 257, 5000])
def test_ids_are_the_counter_written_out_whatever_the_start(
    start: int, count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text is made 256 ids at a time: across a run's edge and the 62-bit carry into
    rand_a it must still be each counter value's own UUID."""
    ms = 1_733_000_000_000
    monkeypatch.setattr(entities.os, "urandom", lambda _n: (start << 7).to_bytes(10))
    monkeypatch.setattr(entities.time, "time_ns", lambda: ms * 1_000_000)
    expected = [
        str(uuid.UUID(int=ms << 80 | 7 << 76 | (v >> 62) << 64 | 0b10 << 62 | v & (1 << 62) - 1))
        for v in range(start, start + count)
    ]
    assert new_ids(count) == expected
