"""Schemathesis hooks of the contract test (SCHEMATHESIS_HOOKS): how to send a body this
version of schemathesis has no serializer for — an attachment's, `application/pdf`.

A small well-formed PDF every time: the server refuses anything else with 415 before it
looks further, so a real file is what lets the fuzzer reach the route's other answers
(404 for an unknown request, 403 for a unit that may not attach, 409 once submitted)."""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis.core.file_samples import FILE_SAMPLES


@schemathesis.serializer("application/pdf")
def pdf_file(_ctx: Any, _value: Any) -> bytes:
    return FILE_SAMPLES["pdf"]
