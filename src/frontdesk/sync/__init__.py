"""Head-office sync: the PostgreSQL schema, its migrations, and the adapter tills push through."""
