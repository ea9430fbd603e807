"""Batch ids: valid version-7 UUIDs, unique, and ordered as they were made."""

from __future__ import annotations

import time
import uuid

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
