"""The platform's own database: typed SQLAlchemy 2.x models and transaction helpers."""
