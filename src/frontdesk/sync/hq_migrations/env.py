"""Alembic environment for head office: runs on the connection `hq init` hands in."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, version_table="hq_alembic_version")
with context.begin_transaction():
    context.run_migrations()
