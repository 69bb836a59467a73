# Shared by the fault drills: a scratch database and app, a sign-on letter, steady load, and the
# database check that every acknowledged sign-on is stored exactly once with its outbox email.
# shellcheck shell=bash
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
SAY_AS=faults
DB=${FAULTS_DB:-undersigned_faults}
PORT=${FAULTS_PORT:-8095}
HEAP=${FAULTS_HEAP:-512m}
WORK=$(mktemp -d /tmp/undersigned-faults.XXXXXX)
APP_PID=""
FAILED=0
# shellcheck source=../lib.sh
source bench/lib.sh

drill_setup() { # slug
  trap 'stop_app; if [ "${PG_STOPPED:-0}" = 1 ]; then postgres_server start || true; fi' EXIT
  prepare_database python3 openssl psql
  build_app
  say "starting the application"
  start_app
  admin_token
  LETTER_ID=$(letter "$1" false)
  STAMP=$(form_stamp "$1")
  SLUG=$1
  sleep 3 # the stamp must be older than the minimum time to fill in the form, as a person's would be
}

start_load() { # seconds
  python3 bench/faults/signon_load.py --port "$PORT" --slug "$SLUG" --stamp "$STAMP" --seconds "$1" \
    --workers "${FAULTS_WORKERS:-8}" --acked "$WORK/acked.txt" --mark-file "$WORK/fault-ended" >"$WORK/load.json" &
  LOAD_PID=$!
}

mark_fault_ended() { date +%s.%N >"$WORK/fault-ended"; }

expect() { # description condition-result(0/1)
  if [ "$2" = 0 ]; then say "ok    $1"; else say "FAIL  $1"; FAILED=1; fi
}

json() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))$1)" "$WORK/load.json"; }

# Every acknowledged address has exactly one signature with exactly one outbox email; nothing
# is duplicated anywhere on the drill's letter.
check_database() {
  psql -X -q -At -d "$DB" -v letter="$LETTER_ID" >"$WORK/check.txt" <<SQL
create temp table acked (email text);
\\copy acked from '$WORK/acked.txt'
select count(*) from acked;
select count(*) from acked a where not exists (select 1 from signature s where s.letter_id = :letter and s.email = a.email);
select count(*) from acked a where not exists (select 1 from signature s join outbox_email o on o.signature_id = s.id
                                               where s.letter_id = :letter and s.email = a.email);
select count(*) from (select email from signature where letter_id = :letter group by email having count(*) > 1) d;
select count(*) from (select o.signature_id from outbox_email o join signature s on s.id = o.signature_id
                      where s.letter_id = :letter group by o.signature_id having count(*) > 1) d;
select count(*) from signature s where s.letter_id = :letter
   and not exists (select 1 from outbox_email o where o.signature_id = s.id);
SQL
  mapfile -t C <"$WORK/check.txt"
  ACKED=${C[0]}; MISSING=${C[1]}; NO_OUTBOX=${C[2]}; DUP_SIGNATURES=${C[3]}; DUP_OUTBOX=${C[4]}; ORPHANS=${C[5]}
  expect "all $ACKED acknowledged sign-ons are stored (missing: $MISSING)" "$([ "$MISSING" = 0 ] && echo 0 || echo 1)"
  expect "each has its outbox email (without: $NO_OUTBOX)" "$([ "$NO_OUTBOX" = 0 ] && echo 0 || echo 1)"
  expect "nothing duplicated (signatures: $DUP_SIGNATURES, outbox emails: $DUP_OUTBOX)" \
    "$([ "$DUP_SIGNATURES" = 0 ] && [ "$DUP_OUTBOX" = 0 ] && echo 0 || echo 1)"
  expect "no signature without its outbox email, acknowledged or not ($ORPHANS)" "$([ "$ORPHANS" = 0 ] && echo 0 || echo 1)"
}
