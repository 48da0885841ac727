"""Alembic migration line of the head-office PostgreSQL database (separate from the till's)."""
