"""Local store: SQLAlchemy models, repositories returning domain objects, Alembic migrations."""
