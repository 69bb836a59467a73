#!/usr/bin/env bash
# Fault drill: the application is killed with SIGKILL under sign-on load and started again.
#
#   bench/faults/sigkill-restart.sh     (about 1 minute)
#
# Expects: every sign-on that got a success answer before the kill is in the database with its
# outbox email, nothing is duplicated, and the restarted app accepts sign-ons again. Prints its
# figures and exits non-zero when a check fails.
source "$(dirname "$0")/drill.sh"
LOAD_S=${FAULTS_LOAD_SECONDS:-30}
BEFORE_S=10

drill_setup drill-sigkill
say "sign-on load for ${LOAD_S}s; SIGKILL after ${BEFORE_S}s, then a restart"
start_load "$LOAD_S"
sleep "$BEFORE_S"
JAVA_PID=$(app_java_pid)
ACKED_BEFORE_KILL=$(wc -l <"$WORK/acked.txt")
kill -KILL "$JAVA_PID"
wait "$APP_PID" 2>/dev/null || true
say "killed the application (pid $JAVA_PID) after ~$ACKED_BEFORE_KILL acknowledged sign-ons; restarting"
start_app
mark_fault_ended
say "ready again in ${READY_S}s"
wait "$LOAD_PID"

say "load: $(cat "$WORK/load.json")"
expect "restarted and ready in ${READY_S}s; sign-ons accepted $(json '["recovered_after_s"]')s after" \
  "$([ "$(json '["recovered_after_s"]')" != None ] && echo 0 || echo 1)"
expect "only 2xx/303 answers, or no answer while the app was down: $(json '["statuses"]'), no answer: $(json '["no_answer"]')" \
  "$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['statuses']; print(0 if set(s) <= {'202','303'} else 1)" "$WORK/load.json")"
expect "no stack trace, SQL or class name in any answer" "$([ "$(json '["leaks"]')" = "[]" ] && echo 0 || echo 1)"
check_database
say "raw outputs kept in $WORK"
exit "$FAILED"
