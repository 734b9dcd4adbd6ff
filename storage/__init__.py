"""Cases, conversations and messages: SQLAlchemy 2 models, Alembic migrations, write functions."""
