"""Cases, conversations, messages and the human side (teams, agents, sessions, audit,
live chats, API clients): SQLAlchemy 2 models, Alembic migrations, write functions
(`storage.service`), access checks (`storage.access`) and live updates (`storage.bus`)."""
