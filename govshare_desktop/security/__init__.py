"""Credentials over keyring (no plaintext fallback), the cache key, the audit chain."""
