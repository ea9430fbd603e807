"""附件 on the product's own path against the real reference platform: a PDF attached to a
draft offline goes out after the draft and before its submission, once, even when the
answer is lost; the provider's PC lists it and downloads the same bytes; bad files are
refused in the officer's words before anything is stored."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from govshare_desktop.domain.attachments import MAX_ATTACHMENT_BYTES
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.messages import error_text
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.domain.sync_result import SyncOutcome
from govshare_desktop.services.share_requests.attachments import AttachmentService
from tests.platform.conftest import Platform, assert_clean_log, seed, start_platform
from tests.support.proxy import Proxy
from tests.sync.conftest import OpenOfficer
from tests.sync.officer import OfficerPc
from tests.sync.test_share_requests import RESIDENTS, requests_of, synced

PDF = (
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Title (negotiation) >> endobj\n"
    + bytes(range(256)) * 64
    + b"\n%%EOF\n"
)


SERVER_CAP = 64 * 1024  # this module's platform takes attachments up to 64 KiB


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """The module's platform (faults enabled, as tests/sync's), with a smaller attachment
    cap than this PC's: an upload it refuses shows how a refusal is held and let go."""
    directory = tmp_path_factory.mktemp("platform")
    db_url = f"sqlite:///{directory / 'platform.db'}"
    officers = seed(db_url)
    server = start_platform(
        directory, "--enable-faults", "--max-attachment-bytes", str(SERVER_CAP), db_url=db_url
    )
    server.officers = officers
    yield server
    server.stop()
    assert_clean_log(server)


def attachments_of(pc: OfficerPc) -> AttachmentService:
    return pc.ctx.services.request_attachments


def a_pdf(tmp_path: Path, name: str = "协商记录.pdf", content: bytes = PDF) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_attached_offline_sent_once_before_the_submit_and_downloaded_by_the_provider(
    officer: OpenOfficer, proxy: Proxy, platform: Platform, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where copies to open go
    requester, provider = officer("mz-requester", "mz"), officer("ga-provider", "ga")
    proxy.add("refuse", count=None)  # offline from the start
    draft = requests_of(requester).new_draft(*RESIDENTS)
    added = attachments_of(requester).add(draft.id, a_pdf(tmp_path))
    assert (added.name, added.size, added.sha256) == (
        "协商记录.pdf", len(PDF), hashlib.sha256(PDF).hexdigest(),
    )  # fmt: skip
    requests_of(requester).take_step(draft.id, RequestAction.SUBMIT)
    with pytest.raises(KnownError) as caught:  # the submission fixed the set
        attachments_of(requester).add(draft.id, a_pdf(tmp_path, "第二份.pdf"))
    assert caught.value.code is ErrorCode.ATTACHMENT_NOT_EDITABLE
    assert requester.sync().outcome is SyncOutcome.OFFLINE

    # a restart while offline: the attachment and its op are both there
    requester.reopen()
    assert [a.id for a in attachments_of(requester).attachments(draft.id)] == [added.id]
    assert requester.waiting() == {"in_flight": 1, "pending": 2}

    proxy.clear()
    # the platform stores the upload, and its answer is lost: resent with the same key
    proxy.add("drop", f"/api/v1/share-requests/{draft.id}/attachments/*", method="PUT")
    assert not requester.sync().complete
    synced(requester)
    sent = [
        (c.method, c.path.rsplit("/", 1)[-1], c.status)
        for c in proxy.calls
        if c.method != "GET" and not c.path.endswith("/audit-events")  # the log's own upload
    ]
    assert sent == [
        ("PUT", draft.id, 201),
        ("PUT", added.id, 201),  # stored; the answer dropped
        ("PUT", added.id, 201),  # the same key: the stored answer replayed
        ("POST", "submit", 200),
    ]
    served = platform.login("mz-requester").get(f"/share-requests/{draft.id}").json()
    assert [(a["id"], a["sha256"]) for a in served["attachments"]] == [(added.id, added.sha256)]
    mine = attachments_of(requester).attachments(draft.id)
    assert [(a.id, a.local, a.held) for a in mine] == [(added.id, False, True)]

    synced(provider)
    listed = attachments_of(provider).attachments(draft.id)
    assert [(a.id, a.name, a.size, a.held) for a in listed] == [
        (added.id, "协商记录.pdf", len(PDF), False),
    ]
    proxy.clear()
    found, content = attachments_of(provider).content(added.id)
    assert found.name == "协商记录.pdf"
    assert hashlib.sha256(content).hexdigest() == hashlib.sha256(PDF).hexdigest()
    copy = attachments_of(provider).save_copy(added.id, tmp_path / "saved" / "记录.pdf")
    assert copy.read_bytes() == PDF
    opened = attachments_of(provider).open_copy(added.id)
    assert opened.name == "协商记录.pdf" and opened.read_bytes() == PDF
    assert opened.is_relative_to(tmp_path)
    downloads = [c for c in proxy.calls if c.method == "GET" and added.id in c.path]
    assert len(downloads) == 1  # fetched once, then read from the store
    assert attachments_of(provider).attachments(draft.id)[0].held
    with pytest.raises(KnownError) as caught:  # the provider cannot change them
        attachments_of(provider).remove(added.id)
    assert caught.value.code is ErrorCode.ATTACHMENT_NOT_EDITABLE


def test_bad_files_are_refused_in_words_and_nothing_is_stored(
    officer: OpenOfficer, tmp_path: Path
) -> None:
    requester = officer("mz-requester", "mz")
    draft = requests_of(requester).new_draft(*RESIDENTS)
    waiting = requester.waiting()
    oversize = a_pdf(tmp_path, "大.pdf", PDF + b"0" * MAX_ATTACHMENT_BYTES)
    cases = [
        (
            a_pdf(tmp_path, "记录.docx", b"PK\x03\x04word"),
            ErrorCode.ATTACHMENT_NOT_PDF,
            "记录.docx",
        ),
        (a_pdf(tmp_path, "空.pdf", b""), ErrorCode.ATTACHMENT_NOT_PDF, "空.pdf"),
        (oversize, ErrorCode.ATTACHMENT_TOO_LARGE, "20"),
        (tmp_path / "不存在.pdf", ErrorCode.ATTACHMENT_UNREADABLE, "不存在.pdf"),
        (tmp_path, ErrorCode.ATTACHMENT_UNREADABLE, str(tmp_path)),  # a folder
    ]
    for path, code, shown in cases:
        with pytest.raises(KnownError) as caught:
            attachments_of(requester).add(draft.id, path)
        assert caught.value.code is code, path
        words = error_text(caught.value, lambda _context, text: text)
        assert shown in words, words
    assert attachments_of(requester).attachments(draft.id) == []
    assert requester.waiting() == waiting


def test_removed_before_sending_is_never_sent_and_after_is_removed_there(
    officer: OpenOfficer, proxy: Proxy, platform: Platform, tmp_path: Path
) -> None:
    requester = officer("mz-requester", "mz")
    service = attachments_of(requester)
    draft = requests_of(requester).new_draft(*RESIDENTS)
    dropped = service.add(draft.id, a_pdf(tmp_path, "作废.pdf"))
    kept = service.add(draft.id, a_pdf(tmp_path, "协商记录.pdf"))
    service.remove(dropped.id)
    synced(requester)
    assert [c.path.rsplit("/", 1)[-1] for c in proxy.calls if c.method == "PUT"] == [
        draft.id, kept.id,
    ]  # fmt: skip
    service.remove(kept.id)
    assert service.attachments(draft.id) == []
    synced(requester)
    assert [c.method for c in proxy.calls if kept.id in c.path] == ["PUT", "DELETE"]
    served = platform.login("mz-requester").get(f"/share-requests/{draft.id}").json()
    assert served["attachments"] == []
    assert requester.waiting() == {}


def test_an_upload_the_platform_refuses_is_held_until_let_go_and_the_submit_then_goes(
    officer: OpenOfficer, proxy: Proxy, platform: Platform, tmp_path: Path
) -> None:
    requester = officer("mz-requester", "mz")
    draft = requests_of(requester).new_draft(*RESIDENTS)
    big = attachments_of(requester).add(
        draft.id,
        a_pdf(tmp_path, "扫描件.pdf", PDF + b"0" * SERVER_CAP),  # fine here, not there
    )
    requests_of(requester).take_step(draft.id, RequestAction.SUBMIT)
    result = requester.sync()
    assert result.refused == 1
    (refused,) = [c for c in requester.ctx.services.outbox.waiting() if c.refused]
    assert (refused.step, refused.discardable) == ("attach", True)
    assert "submit" not in [c.path.rsplit("/", 1)[-1] for c in proxy.calls]  # held behind it

    requests_of(requester).discard_refused(refused.seq)
    assert attachments_of(requester).attachments(draft.id) == []  # let go with its op
    synced(requester)
    served = platform.login("mz-requester").get(f"/share-requests/{draft.id}").json()
    assert (served["state"], served["attachments"]) == ("submitted", [])
    assert requester.waiting() == {}
    assert big.size > SERVER_CAP
