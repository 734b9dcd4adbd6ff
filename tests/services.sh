#!/usr/bin/env bash
# Start PostgreSQL when it is down, create the test database, and fail loudly if it
# still does not answer: the suite must not quietly skip it. (Redis is not used yet:
# it comes with cross-worker rate limits and the agent desk's live-chat fan-out.)
set -euo pipefail

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='labbaik_test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE labbaik_test" >/dev/null

echo "PostgreSQL is up"
