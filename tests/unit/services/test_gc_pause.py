"""The collector pause: off for the job, back on after, never switched on early."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from govshare_desktop.services.gc_pause import collection_held, collection_paused


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_paused_for_the_block_and_on_again_after_it() -> None:
    gc.enable()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_inner_job_ending_first_leaves_the_outer_one_paused() -> None:
    gc.enable()
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off() -> None:
    gc.disable()
    with collection_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_error_in_the_job_still_turns_it_back_on() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_a_pause_is_known_as_held_even_where_the_collector_was_already_off() -> None:
    gc.disable()  # as the GUI has it: its own timer collects, and must wait for the job
    assert not collection_held()
    with collection_paused():
        assert collection_held()
    assert not collection_held()
