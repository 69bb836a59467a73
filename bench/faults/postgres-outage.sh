#!/usr/bin/env bash
# Fault drill: PostgreSQL stops in the middle of sign-on traffic, then comes back.
#
#   bench/faults/postgres-outage.sh     (as root or the owner of the local cluster; about 1 minute)
#
# Expects: while the database is away every sign-on gets a clear 503 (an HTML page for browsers,
# problem+json for the API, both with Retry-After) and never a stack trace; the public letter page
# is still served from its cache; sign-ons are accepted again within seconds of PostgreSQL
# returning, with no restart; every acknowledged sign-on is in the database with its outbox email.
# Prints its figures and exits non-zero when a check fails.
source "$(dirname "$0")/drill.sh"
LOAD_S=${FAULTS_LOAD_SECONDS:-30}
BEFORE_S=8
OUTAGE_S=${FAULTS_OUTAGE_SECONDS:-8}

drill_setup drill-postgres-outage
say "sign-on load for ${LOAD_S}s; PostgreSQL stops after ${BEFORE_S}s for ${OUTAGE_S}s"
start_load "$LOAD_S"
sleep "$BEFORE_S"
postgres_server stop; PG_STOPPED=1
say "PostgreSQL stopped"
sleep 2
PAGE_DURING=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/letters/$SLUG")
READY_DURING=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$((PORT + 1000))/q/health/ready")
sleep $((OUTAGE_S - 2))
postgres_server start; PG_STOPPED=0
mark_fault_ended
say "PostgreSQL is back"
READY_AFTER=""
for _ in $(seq 1 100); do
  READY_AFTER=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$((PORT + 1000))/q/health/ready")
  [ "$READY_AFTER" = 200 ] && break
  sleep 0.1
done
wait "$LOAD_PID"

say "load: $(cat "$WORK/load.json")"
RECOVERED=$(json '["recovered_after_s"]')
expect "sign-ons refused with 503 while the database was away: $(json '["statuses"].get("503", 0)')" \
  "$([ "$(json '["statuses"].get("503", 0)')" -gt 0 ] && echo 0 || echo 1)"
expect "no other error status: $(json '["statuses"]')" \
  "$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['statuses']; print(0 if set(s) <= {'202','303','503'} else 1)" "$WORK/load.json")"
expect "503s explain themselves (HTML page: $(json '["friendly_html_503"]'), problem+json: $(json '["problem_json_503"]'))" \
  "$([ "$(json '["friendly_html_503"]')" -gt 0 ] && [ "$(json '["problem_json_503"]')" -gt 0 ] && echo 0 || echo 1)"
expect "no stack trace, SQL or class name in any answer" "$([ "$(json '["leaks"]')" = "[]" ] && echo 0 || echo 1)"
expect "letter page served from cache during the outage ($PAGE_DURING); readiness reported down ($READY_DURING)" \
  "$([ "$PAGE_DURING" = 200 ] && [ "$READY_DURING" = 503 ] && echo 0 || echo 1)"
expect "sign-ons accepted again ${RECOVERED}s after PostgreSQL returned (no restart)" \
  "$(python3 -c "import sys; print(0 if sys.argv[1] != 'None' and float(sys.argv[1]) < 10 else 1)" "$RECOVERED")"
check_database
say "raw outputs kept in $WORK"
exit "$FAILED"
