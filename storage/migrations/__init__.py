"""Alembic migrations for the storage schema (a package so it ships with `storage`)."""
