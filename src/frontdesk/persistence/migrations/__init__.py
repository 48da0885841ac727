"""Alembic migrations of the till database, applied by the application itself on start."""
