#!/usr/bin/env bash
# `labbaik run --workers N` on PostgreSQL for N = 1, 2, 4 (or WORKERS="1 2"), each under the
# closed-loop load of the shared side-by-side benchmark (../shared/bench/loadgen.py: N users, each
# a 6-turn report-then-status conversation through the signed WhatsApp webhook, the real NLU).
# Run from the project's root after `make setup`, on a quiet machine:
#   LABBAIK_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/labbaik_bench bash bench/workers.sh
# (PERF_USERS=8 PERF_SECONDS=20 by default). The NLU server is started once for every run, or
# reused when one already answers at nlu.url. Prints one JSON line per N, with "workers".
set -u
loadgen=${LOADGEN:-../shared/bench/loadgen.py}
users=${PERF_USERS:-8}; secs=${PERF_SECONDS:-20}; port=${PERF_PORT:-18091}
case "${LABBAIK_DATABASE_URL:-}" in
  postgresql*) ;;
  *) echo "set LABBAIK_DATABASE_URL to a PostgreSQL database: --workers N needs one"; exit 1 ;;
esac
[ -x .venv/bin/labbaik ] && [ -f "$loadgen" ] || { echo "run from the project root after make setup ($loadgen)"; exit 1; }
nlu_url=$(.venv/bin/python -c 'from bot.app.config import load_settings; print(load_settings().nlu.url)')
nlu=""
if ! curl -sf "$nlu_url/" >/dev/null; then
  setsid .venv/bin/labbaik nlu serve >var/bench-nlu.log 2>&1 &
  nlu=$!
  for _ in $(seq 1 240); do curl -sf "$nlu_url/" >/dev/null && break; sleep 1; done
fi
tok=perf-$RANDOM$RANDOM
for n in ${WORKERS:-1 2 4}; do
  log=var/bench-workers-$n.log
  TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000 TWILIO_AUTH_TOKEN=$tok \
    PUBLIC_URL=http://127.0.0.1:$port \
    setsid .venv/bin/labbaik run --host 127.0.0.1 --port "$port" --workers "$n" >"$log" 2>&1 &
  lb=$!
  for _ in $(seq 1 240); do
    up=$(grep -c -e "is up" "$log" 2>/dev/null)
    [ "${up:-0}" -ge "$n" ] && curl -sf "localhost:$port/healthz" >/dev/null && break
    sleep 1
  done
  out=$(.venv/bin/python "$loadgen" twilio "http://127.0.0.1:$port/webhooks/whatsapp" "$tok" \
        --users "$users" --seconds "$secs")
  kill -- -$lb 2>/dev/null; wait $lb 2>/dev/null
  echo "{\"workers\": $n, ${out#\{}"
done
[ -n "$nlu" ] && { kill -- -$nlu 2>/dev/null; wait $nlu 2>/dev/null; }
exit 0
