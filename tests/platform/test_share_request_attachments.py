"""附件 of a share request over real HTTP: upload while a draft, list and download for every
party, the size cap (413), PDF only (415), the requester's unit only, idempotent retries."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.platform.conftest import (
    BOTH_BACKENDS,
    Client,
    Platform,
    assert_clean_log,
    seed,
    start_platform,
)
from tests.platform.test_auth import assert_problem
from tests.platform.workflow import GA_RESIDENTS, draft, ok

PLATFORM_BACKENDS = BOTH_BACKENDS
CAP = 64 * 1024  # this module's server takes attachments up to 64 KiB
PDF = b"%PDF-1.4\n% negotiation record\n" + bytes(range(256)) * 16 + b"\n%%EOF\n"


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory, new_db_url: Any) -> Iterator[Platform]:
    directory = tmp_path_factory.mktemp("attachments")
    db_url = new_db_url()
    officers = seed(db_url)
    server = start_platform(directory, "--max-attachment-bytes", str(CAP), db_url=db_url)
    server.officers = officers
    yield server
    server.stop()
    assert_clean_log(server)


def upload(
    client: Client,
    rid: str,
    content: bytes = PDF,
    *,
    aid: str | None = None,
    name: str = "协商记录.pdf",
    media_type: str = "application/pdf",
    key: str | None = None,
) -> Any:
    headers = {"Content-Type": media_type}
    if key:
        headers["Idempotency-Key"] = key
    return client.put(
        f"/share-requests/{rid}/attachments/{aid or uuid.uuid4()}",
        params={"name": name}, data=content, headers=headers,
    )  # fmt: skip


def test_an_attachment_travels_with_the_request_to_the_provider(platform: Platform) -> None:
    mz, ga = platform.login("mz-requester"), platform.login("ga-provider")
    rid = draft(mz)["id"]
    aid = str(uuid.uuid4())
    stored = upload(mz, rid, aid=aid, key="attach-1")
    assert stored.status_code == 201, stored.text
    listed = stored.json()
    assert listed == {
        "id": aid, "name": "协商记录.pdf", "media_type": "application/pdf", "size": len(PDF),
        "sha256": hashlib.sha256(PDF).hexdigest(), "uploaded_by": "mz-requester",
        "uploaded_at": listed["uploaded_at"],
    }  # fmt: skip
    # the request's document lists it, without making the draft's version stale
    document = mz.get(f"/share-requests/{rid}").json()
    assert document["attachments"] == [listed] and document["version"] == 1
    assert_problem(ga.get(f"/share-requests/{rid}/attachments/{aid}"), 404, "not_found")

    submitted = ok(mz, rid, "submit")
    assert submitted["attachments"] == [listed]
    assert ga.get(f"/share-requests/{rid}/attachments").json() == {"items": [listed]}
    fetched = ga.get(f"/share-requests/{rid}/attachments/{aid}")
    assert fetched.status_code == 200
    assert fetched.headers["Content-Type"] == "application/pdf"
    assert fetched.content == PDF
    feed = ga.feed_since(None)
    sent = [i for i in feed if i["type"] == "share_request" and i["id"] == rid]
    assert sent[-1]["data"]["attachments"] == [listed]

    # fixed with the content once submitted
    assert_problem(upload(mz, rid), 409, "invalid_transition")
    gone = mz.delete(f"/share-requests/{rid}/attachments/{aid}")
    assert_problem(gone, 409, "invalid_transition")


def test_the_same_upload_resent_with_its_key_is_stored_once(platform: Platform) -> None:
    mz = platform.login("mz-requester")
    rid = draft(mz)["id"]
    aid = str(uuid.uuid4())
    first = upload(mz, rid, aid=aid, key="same-key")
    again = upload(mz, rid, aid=aid, key="same-key")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    assert len(mz.get(f"/share-requests/{rid}/attachments").json()["items"]) == 1
    # another file under the same key is another request
    other = upload(mz, rid, PDF + b"x", aid=aid, key="same-key")
    assert_problem(other, 422, "idempotency_key_reused")
    # without a key, the id is taken
    assert_problem(upload(mz, rid, aid=aid), 412, "already_exists")


def test_too_large_and_not_pdf_are_refused(platform: Platform) -> None:
    mz = platform.login("mz-requester")
    rid = draft(mz)["id"]
    big = PDF + b"0" * CAP
    assert_problem(upload(mz, rid, big), 413, "content_too_large")
    assert_problem(upload(mz, rid, media_type="image/png"), 415, "unsupported_media_type")
    assert_problem(upload(mz, rid, b"PK\x03\x04 not a pdf"), 415, "not_a_pdf")
    assert_problem(upload(mz, rid, name="   "), 422, "invalid_attachment_name")
    assert mz.get(f"/share-requests/{rid}/attachments").json() == {"items": []}


def test_only_the_requesters_unit_changes_them_while_a_draft(platform: Platform) -> None:
    mz, ga, scjg = (platform.login(u) for u in ("mz-requester", "ga-requester", "scjg-sharing"))
    rid = draft(mz)["id"]
    assert_problem(upload(ga, rid), 404, "not_found")  # a draft is private to its unit
    aid = str(uuid.uuid4())
    assert upload(mz, rid, aid=aid).status_code == 201
    removed = mz.delete(
        f"/share-requests/{rid}/attachments/{aid}", headers={"Idempotency-Key": "rm"}
    )
    assert removed.status_code == 204
    again = mz.delete(f"/share-requests/{rid}/attachments/{aid}", headers={"Idempotency-Key": "rm"})
    assert again.status_code == 204 and again.headers.get("Idempotent-Replayed") == "true"
    assert mz.get(f"/share-requests/{rid}/attachments").json() == {"items": []}
    assert_problem(mz.delete(f"/share-requests/{rid}/attachments/{aid}"), 404, "not_found")
    assert_problem(platform.login("ga-provider").put(
        f"/share-requests/{rid}/attachments/{aid}", params={"name": "x.pdf"}, data=PDF,
        headers={"Content-Type": "application/pdf"},
    ), 403, "role_required")  # fmt: skip

    # the provider's unit, with the requester role, sees a submitted request it provides for
    # but may not add to it
    theirs = draft(scjg, {**GA_RESIDENTS})["id"]
    ok(scjg, theirs, "submit")
    assert_problem(upload(ga, theirs), 403, "wrong_party")
