"""ETags `"v<n>"` and the `If-Match` / `If-None-Match` checks of RFC 9110 §13."""

from __future__ import annotations

from reference_platform.problems import ProblemError


def version_etag(version: int) -> str:
    return f'"v{version}"'


def _tags(header: str) -> list[str]:
    return [part.strip() for part in header.split(",") if part.strip()]


def check_if_match(header: str | None, current_version: int) -> None:
    """428 without `If-Match` or with `*`; 412 unless it names the current version (strong).

    `If-Match: *` is valid HTTP ("any version"), but it would let an edit of an old copy
    overwrite whatever was changed since: the lost update these versions exist to prevent.
    So it counts as no precondition at all.
    """
    if header is None or not header.strip():
        raise ProblemError(
            428, "precondition_required", 'Send If-Match: "v<version>" of the copy you edited.'
        )
    tags = _tags(header)
    if "*" in tags:
        raise ProblemError(
            428,
            "precondition_required",
            'If-Match: * skips the version check; send If-Match: "v<version>" of the copy'
            " you edited.",
        )
    if version_etag(current_version) in tags:
        return
    raise ProblemError(
        412,
        "version_mismatch",
        f"The resource is at version {current_version}; fetch it and merge your changes.",
        headers={"ETag": version_etag(current_version)},
        extra={"current_version": current_version},
    )


def require_create_precondition(header: str | None) -> None:
    """A create by PUT must say `If-None-Match: *` so it can never overwrite."""
    if header is None or _tags(header) != ["*"]:
        raise ProblemError(
            428, "precondition_required", "Create with If-None-Match: * (and a new client UUID)."
        )


def none_match(header: str | None, etag: str) -> bool:
    """True when `If-None-Match` lists `etag` (weak comparison), i.e. answer 304."""
    if header is None:
        return False
    tags = [tag.removeprefix("W/") for tag in _tags(header)]
    return "*" in tags or etag.removeprefix("W/") in tags
