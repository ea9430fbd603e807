"""The platform's address: how the officer may type it, and its one normal form.

Standard library only, so the composition root can name an address (the key of the
officer's credentials) without importing the HTTP client.
"""

from __future__ import annotations

from urllib.parse import urlsplit

API_PREFIX = "/api/v1"


def normalise_url(url: str) -> str:
    """Scheme and host in lower case, no trailing slash, no API prefix: the same platform
    typed as `HTTPS://Platform.example.gov/api/v1/` or `https://platform.example.gov` is
    one address (and one sign-in)."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/").removesuffix(API_PREFIX).rstrip("/")
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}"


def api_root(url: str) -> str:
    """Where the API answers: the address plus `/api/v1`."""
    return normalise_url(url) + API_PREFIX
