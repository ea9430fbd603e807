"""`GET /openapi.yaml`: the contract this server implements, served byte for byte."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from starlette.responses import Response

router = APIRouter()

CONTRACT = Path(__file__).resolve().parent.parent / "openapi.yaml"


@router.get("/openapi.yaml")
def contract() -> Response:
    return Response(CONTRACT.read_bytes(), media_type="application/yaml")
