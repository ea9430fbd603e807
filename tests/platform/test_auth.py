"""Sign-in over real HTTP: 401s as problem+json, refresh rotation, expiry, roles, /me."""

from __future__ import annotations

import json
import uuid

import requests

from reference_platform.credit_code import is_valid
from reference_platform.settings import DEFAULT_PROFILE, SignInLimits
from tests.platform.conftest import BOTH_BACKENDS, Client, Platform
from tests.platform.contract import check_response

PLATFORM_BACKENDS = BOTH_BACKENDS  # each test runs on SQLite and on PostgreSQL

PROTECTED = [
    ("GET", "/me"),
    ("GET", "/units"),
    ("GET", "/profile"),
    ("GET", "/catalog/resources"),
    ("GET", f"/catalog/resources/{uuid.uuid4()}"),
    ("PUT", f"/catalog/resources/{uuid.uuid4()}"),
    ("PATCH", f"/catalog/resources/{uuid.uuid4()}"),
    ("DELETE", f"/catalog/resources/{uuid.uuid4()}"),
    ("GET", "/changes"),
]


def assert_problem(response: requests.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    body: dict[str, object] = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:govshare:problem:{code}"
    assert body["title"] and body["detail"]
    return body


def sign_in(platform: Platform, username: str, password: str) -> requests.Response:
    return requests.post(
        platform.api + "/auth/token",
        data={"grant_type": "password", "username": username, "password": password},
        timeout=30,
    )


def test_health_needs_no_sign_in(platform: Platform) -> None:
    response = platform.anonymous().get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.headers["API-Version"] == "1"


def test_anonymous_calls_are_refused_with_a_problem(platform: Platform) -> None:
    anonymous = platform.anonymous()
    for method, path in PROTECTED:
        kwargs = {"json": {"name": "x"}} if method in {"PUT", "PATCH"} else {}
        response = anonymous.request(method, path, **kwargs)
        assert_problem(response, 401, "unauthenticated")
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_an_unknown_token_is_refused(platform: Platform) -> None:
    client = Client(platform.api, "not-a-token")
    assert_problem(client.get("/me"), 401, "token_expired")


def test_a_wrong_password_and_an_unknown_user_look_the_same(platform: Platform) -> None:
    wrong = sign_in(platform, "ga-compiler", "wrong password")
    unknown = sign_in(platform, "nobody", "wrong password")
    for response in (wrong, unknown):
        body = assert_problem(response, 401, "invalid_grant")
        assert body["error"] == "invalid_grant"
    assert wrong.json() == unknown.json()


def test_forty_wrong_passwords_in_a_row_are_throttled_by_default(platform: Platform) -> None:
    """As reported: 40 wrong passwords were all 401, and then the right one worked."""
    limits = SignInLimits()
    forwarded = {"X-Forwarded-For": "192.0.2.40"}  # an address no other test signs in from

    def attempt(password: str) -> requests.Response:
        form = {"grant_type": "password", "username": "scjg-compiler", "password": password}
        response = requests.post(
            platform.api + "/auth/token", data=form, headers=forwarded, timeout=30
        )
        check_response(response)
        return response

    statuses = [attempt("wrong password").status_code for _ in range(40)]
    per_pair = limits.per_account_address
    assert statuses == [401] * per_pair + [429] * (40 - per_pair)
    right = attempt(platform.officers["scjg-compiler"]["password"])
    assert_problem(right, 429, "sign_in_throttled")
    assert limits.lockout - 5 <= int(right.headers["Retry-After"]) <= limits.lockout
    assert platform.token("scjg-compiler")["access_token"]  # from its own desk: not locked out


def test_malformed_token_requests_are_400(platform: Platform) -> None:
    url = platform.api + "/auth/token"
    cases = [
        ({"username": "ga-compiler", "password": "x"}, "invalid_request"),
        ({"grant_type": "password", "username": "ga-compiler"}, "invalid_request"),
        ({"grant_type": "refresh_token"}, "invalid_request"),
        ({"grant_type": "client_credentials"}, "unsupported_grant_type"),
    ]
    for form, code in cases:
        assert_problem(requests.post(url, data=form, timeout=30), 400, code)
    as_json = requests.post(url, json={"grant_type": "password"}, timeout=30)
    assert_problem(as_json, 415, "unsupported_media_type")


def test_sign_in_returns_tokens_and_me_names_the_officer(platform: Platform) -> None:
    tokens = platform.token("ga-compiler")
    assert tokens["token_type"] == "Bearer"  # noqa: S105 - a token type, not a secret
    assert tokens["expires_in"] == 15 * 60
    assert tokens["access_token"] != tokens["refresh_token"]
    me = Client(platform.api, tokens["access_token"]).get("/me").json()
    assert me["username"] == "ga-compiler"
    assert me["roles"] == ["compiler"]
    assert me["unit"]["code"] == "SJZ-GA"
    assert me["unit"]["parent_code"] == "SJZ-ZF"
    assert is_valid(me["unit"]["credit_code"])


def test_refresh_rotates_and_a_reused_refresh_token_revokes_the_sign_in(
    platform: Platform,
) -> None:
    url = platform.api + "/auth/token"
    first = platform.token("mz-compiler")
    response = requests.post(
        url,
        data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    second = response.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    client = Client(platform.api, second["access_token"])
    assert client.get("/me").status_code == 200

    replay = requests.post(
        url,
        data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
        timeout=30,
    )
    assert_problem(replay, 401, "invalid_grant")
    # The reuse revoked the whole sign-in: the rotated tokens die with it.
    assert_problem(client.get("/me"), 401, "token_expired")
    after = requests.post(
        url,
        data={"grant_type": "refresh_token", "refresh_token": second["refresh_token"]},
        timeout=30,
    )
    assert_problem(after, 401, "invalid_grant")


def test_an_expired_access_token_is_401_and_refresh_recovers(faults: Platform) -> None:
    tokens = faults.token("ga-compiler")
    client = Client(faults.api, tokens["access_token"])
    assert client.get("/me").status_code == 200
    faults.fault(action="expire_tokens")
    assert_problem(client.get("/me"), 401, "token_expired")
    refreshed = requests.post(
        faults.api + "/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        timeout=30,
    )
    assert refreshed.status_code == 200
    client.use_token(refreshed.json()["access_token"])
    assert client.get("/me").status_code == 200


def test_expiring_refresh_tokens_too_forces_a_new_sign_in(faults: Platform) -> None:
    tokens = faults.token("ga-reviewer")
    faults.fault(action="expire_tokens", refresh=True)
    refreshed = requests.post(
        faults.api + "/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        timeout=30,
    )
    assert_problem(refreshed, 401, "invalid_grant")
    assert faults.login("ga-reviewer").get("/me").status_code == 200


def test_units_form_a_tree_with_valid_credit_codes(ga: Client) -> None:
    units = {u["code"]: u for u in ga.get("/units").json()["items"]}
    assert units["SJZ-ZF"]["parent_code"] is None
    children = {code for code, u in units.items() if u["parent_code"] == "SJZ-ZF"}
    assert {"SJZ-GA", "SJZ-MZ"} <= children
    assert all(is_valid(u["credit_code"]) for u in units.values())
    assert len({u["credit_code"] for u in units.values()}) == len(units)


def test_the_profile_is_the_configured_file_and_revalidates_with_304(ga: Client) -> None:
    response = ga.get("/profile")
    assert response.status_code == 200
    assert response.json() == json.loads(DEFAULT_PROFILE.read_text(encoding="utf-8"))
    etag = response.headers["ETag"]
    again = ga.get("/profile", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == etag
    assert ga.get("/profile", headers={"If-None-Match": '"stale"'}).status_code == 200


def test_the_unit_list_revalidates_with_304(ga: Client) -> None:
    etag = ga.get("/units").headers["ETag"]
    assert ga.get("/units", headers={"If-None-Match": etag}).status_code == 304


def test_a_reviewer_cannot_write_the_catalog(platform: Platform) -> None:
    reviewer = platform.login("ga-reviewer")
    response = reviewer.put(
        f"/catalog/resources/{uuid.uuid4()}", json={"name": "x"}, headers={"If-None-Match": "*"}
    )
    assert_problem(response, 403, "role_required")
    assert reviewer.get("/catalog/resources").status_code == 200
