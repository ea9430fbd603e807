"""Nothing outside the granted columns is requested or shown: whatever a served page holds,
only the grant's items come through, in the grant's order; a filter or sort on anything
else is refused before any request."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from govshare_desktop.domain.entities import Grant, GrantedItem
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.grant_data import RowFilter, RowQuery
from govshare_desktop.services.grant_data.rows import CachedRows, PlatformRows, granted_rows

GRANT = Grant(
    id="g", request_id=None, grantee_unit_code="U", provider_unit_code="P",
    authority_unit_code="A", resource_id="r", resource_code="101001/000001", resource_name="人口",
    data_items=(GrantedItem("it-name", "姓名", "C"), GrantedItem("it-addr", "户籍地址", "C")),
    purpose="", valid_from=date(2026, 1, 1), valid_to=None,
)  # fmt: skip


def test_a_column_the_grant_does_not_name_is_dropped_whatever_is_served() -> None:
    body = {
        "columns": [{"id": "it-addr"}, {"id": "it-secret"}, {"id": "it-name"}],
        "items": [{"row": 7, "values": ["长安区", "不该出现", "王伟"]}],
        "next_cursor": None,
    }
    rows, cursor = granted_rows(GRANT, body)
    assert rows == [(7, ("王伟", "长安区"))] and cursor is None
    assert "不该出现" not in repr(rows)


def test_a_granted_column_missing_from_the_page_shows_empty() -> None:
    rows, _ = granted_rows(GRANT, {"columns": [{"id": "it-name"}],
                                   "items": [{"row": 1, "values": ["王伟"]}]})  # fmt: skip
    assert rows == [(1, ("王伟", None))]


def test_a_page_that_is_not_one_is_a_known_error() -> None:
    with pytest.raises(KnownError):
        granted_rows(GRANT, {"items": "x"})


class NoCalls:
    def request(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("no request may be made")


def test_a_filter_outside_the_grant_is_refused_before_any_request() -> None:
    query = RowQuery((RowFilter("it-secret", "x"),))
    with pytest.raises(KnownError) as caught:
        PlatformRows(GRANT, query, NoCalls)  # type: ignore[arg-type]
    assert caught.value.code is ErrorCode.GRANT_COLUMN_NOT_GRANTED


def test_a_sort_outside_the_grant_is_refused_before_the_copy_is_read() -> None:
    with pytest.raises(KnownError) as caught:
        CachedRows(GRANT, RowQuery(sort="it-secret"), None)  # type: ignore[arg-type]
    assert caught.value.code is ErrorCode.GRANT_COLUMN_NOT_GRANTED
