"""The SQLite store of plans: one database, many years; its schema and migrations."""
