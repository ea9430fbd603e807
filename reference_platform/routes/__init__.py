"""HTTP endpoints under /api/v1, one module per part of the contract."""
