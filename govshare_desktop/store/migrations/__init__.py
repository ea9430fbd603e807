"""Alembic migrations of the local store: the only way its schema changes."""
