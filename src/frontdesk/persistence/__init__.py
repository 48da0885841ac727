"""SQLite storage of the till: tables, migrations, the unit of work and its repositories."""
