"""Sync use cases: what waits to be sent, the link with the platform."""
