"""Checks a real HTTP response against openapi.yaml: status, media type, headers and body."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
import schemathesis

SPEC = Path(__file__).resolve().parents[2] / "reference_platform" / "openapi.yaml"
BASE_PATH = "/api/v1"


class ContractViolation(AssertionError):
    """A response the contract does not allow."""


@cache
def loaded_schema() -> Any:
    return schemathesis.openapi.from_path(SPEC)


def raw_spec() -> dict[str, Any]:
    raw: dict[str, Any] = loaded_schema().raw_schema
    return raw


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = raw_spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def check_response(response: requests.Response) -> None:
    """Raise ContractViolation unless the contract documents exactly this response."""
    request = response.request
    path = urlsplit(request.url or "").path
    if not path.startswith(BASE_PATH):
        raise ContractViolation(f"{path} is outside {BASE_PATH}")
    method = str(request.method)
    where = f"{method} {path} → {response.status_code}"
    if response.headers.get("API-Version") != "1":
        raise ContractViolation(f"{where}: API-Version header missing")
    operation = loaded_schema().find_operation_by_path(method, path.removeprefix(BASE_PATH))
    if operation is None:
        raise ContractViolation(f"{where}: no such operation in the contract")
    documented = operation.definition.raw["responses"].get(str(response.status_code))
    if documented is None:
        raise ContractViolation(f"{where}: status not documented")
    documented = _resolve(documented)
    for name, header in documented.get("headers", {}).items():
        if _resolve(header).get("required") and name not in response.headers:
            raise ContractViolation(f"{where}: required header {name} missing")
    content = documented.get("content")
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
    if content is None:
        if response.content:
            raise ContractViolation(f"{where}: a body where none is documented")
        return
    if media_type not in content:
        raise ContractViolation(f"{where}: media type {media_type!r} not in {sorted(content)}")
    try:
        operation.validate_response(response)
    except (Exception, BaseExceptionGroup) as exc:  # a FailureGroup is a BaseExceptionGroup
        raise ContractViolation(f"{where}: {exc}") from exc
