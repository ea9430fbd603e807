"""The reference sharing platform: the API contract (openapi.yaml) and a runnable server.

Development, integration tests and training run against it; it shares nothing with
`govshare_desktop` but the contract, and is never packaged into the MSI.
"""

from __future__ import annotations

API_VERSION = "1"
API_PREFIX = "/api/v1"
