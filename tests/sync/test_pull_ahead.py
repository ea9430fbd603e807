"""The pull asks for the next feed page while the writer stores the current one, so the
platform's time to build a page hides behind the store's; pages still commit one by one,
in order, each with its cursor (a failed write leaves the cursor at the last page stored,
and the next cycle resumes there)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pytest

from govshare_desktop.domain.clock import utc_naive
from govshare_desktop.domain.progress import Progress
from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository
from govshare_desktop.sync.engine import Outcome
from govshare_desktop.sync.pull import Puller
from govshare_desktop.sync.transport import Reply
from tests.sync.conftest import OpenClient
from tests.sync.support import Client

T = TypeVar("T")
PAGE = 4  # the demo feed of a unit is some twenty items: several pages


class Recording:
    """The client's transport, noting each feed page asked for."""

    def __init__(self, pc: Client) -> None:
        self._inner = pc.transport
        self.asked: list[str | None] = []
        self._news = threading.Condition()

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None,
        content: bytes | None = None,
    ) -> Reply:
        with self._news:
            self.asked.append((params or {}).get("since"))
            self._news.notify_all()
        return self._inner.request(
            method, path, json=json, headers=headers, params=params, content=content
        )

    def wait_for(self, pages: int) -> bool:
        with self._news:
            return self._news.wait_for(lambda: len(self.asked) >= pages, timeout=30)


def puller(pc: Client, transport: Recording, write: Callable[[Callable[[], Any]], Any]) -> Puller:
    return Puller(
        pc.ctx.database, transport, write, lambda: utc_naive(pc.ctx.services.runtime.clock),
        page_size=PAGE,
    )  # fmt: skip


def cursor_of(pc: Client) -> str | None:
    with pc.ctx.database.read() as session:
        return SyncMetaRepository(session).cursor()


def test_the_next_page_is_asked_for_while_this_one_is_stored(client: OpenClient) -> None:
    pc = client()
    transport = Recording(pc)
    stored: list[int] = []

    def write(fn: Callable[[], T]) -> T:
        # the first page's write returns only once the second page has been asked for
        result = pc.ctx.executor.write(fn)
        stored.append(len(transport.asked))
        if len(stored) == 1:
            assert transport.wait_for(2), "the next page was not read ahead"
        return result

    report = puller(pc, transport, write).pull_all(Progress.silent())
    assert len(stored) >= 3 and report.applied + report.skipped > 2 * PAGE
    assert transport.asked[0] is None and len(set(transport.asked)) == len(transport.asked)
    # and everything is there, as a sync reading page after page leaves it
    other = client(pc="page-by-page")
    assert other.sync().outcome is Outcome.DONE
    mine = {r.id: r for r in pc.ctx.services.catalog.list_resources()}
    theirs = {r.id: r for r in other.ctx.services.catalog.list_resources()}
    assert mine == theirs and cursor_of(pc) == cursor_of(other)


def test_a_failed_write_keeps_the_cursor_of_the_last_page_stored(client: OpenClient) -> None:
    pc = client()
    transport = Recording(pc)
    writes = 0

    def failing_second(fn: Callable[[], T]) -> T:
        nonlocal writes
        writes += 1
        if writes == 2:
            raise OSError("disk full")
        return pc.ctx.executor.write(fn)

    with pytest.raises(OSError):
        puller(pc, transport, failing_second).pull_all(Progress.silent())
    first_page = transport.asked[1]  # the cursor after the first page, read ahead with it
    assert cursor_of(pc) == first_page
    assert len(pc.ctx.services.catalog.list_resources()) <= PAGE

    again = Recording(pc)
    report = puller(pc, again, pc.ctx.executor.write).pull_all(Progress.silent())
    assert again.asked[0] == first_page and report.applied + report.skipped > 0
    other = client(pc="in-one-go")
    assert other.sync().outcome is Outcome.DONE
    assert {r.id for r in pc.ctx.services.catalog.list_resources()} == {
        r.id for r in other.ctx.services.catalog.list_resources()
    }
