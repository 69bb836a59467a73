#!/usr/bin/env bash
# Restore drill: proves a backup can be restored, as docs/operations.md asks of every operator.
#
#   deploy/restore-drill.sh [database]      (default: $UNDERSIGNED_DB_NAME, else undersigned_dev)
#
# Backs the database up with pg_dump (custom format, the same command as the nightly backup in
# docs/operations.md), restores it with pg_restore into a scratch database, compares the row count
# of every table and the schema version, prints the figures, and drops the scratch database
# (KEEP_SCRATCH=1 keeps it). Exits non-zero on any difference. It never writes to the source.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=${1:-${UNDERSIGNED_DB_NAME:-undersigned_dev}}
SCRATCH=${SOURCE}_restore_drill
WORK=$(mktemp -d /tmp/undersigned-restore.XXXXXX)
say() { printf '[restore-drill] %s\n' "$*" >&2; }

# shellcheck source=lib/postgres.sh
source deploy/lib/postgres.sh
ensure_postgres
export PGPASSWORD=${PGPASSWORD:-$UNDERSIGNED_DB_PASSWORD} PGHOST=${UNDERSIGNED_DB_HOST:-localhost} \
  PGPORT=${UNDERSIGNED_DB_PORT:-5432} PGUSER=${PGUSER:-$UNDERSIGNED_DB_ROLE}

as_admin() { # psql arguments, run by a role allowed to create databases
  if [ "$(id -u)" = 0 ] && [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    runuser -u postgres -- env -u PGUSER -u PGHOST -u PGPASSWORD psql -X -q -p "$PGPORT" -d postgres "$@"
  else
    psql -X -q -d postgres "$@"
  fi
}
drop_scratch() { as_admin -c "drop database if exists $SCRATCH" >/dev/null 2>&1; }
trap '[ "${KEEP_SCRATCH:-0}" = 1 ] || drop_scratch' EXIT

seconds_since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
counts() { # database → "table count" lines, sorted
  psql -X -At -F ' ' -d "$1" <<'SQL' | sort
select format('select %L, count(*) from %I.%I', table_name, table_schema, table_name)
from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' \gexec
SQL
}

say "backing up $SOURCE with pg_dump"
t0=$(date +%s%N)
pg_dump -Fc -Z 6 -d "$SOURCE" -f "$WORK/backup.dump"
DUMP_S=$(seconds_since "$t0")
counts "$SOURCE" >"$WORK/source.counts"

say "restoring into the scratch database $SCRATCH"
drop_scratch
as_admin -c "create database $SCRATCH owner $PGUSER encoding 'UTF8' template template0" >/dev/null
t0=$(date +%s%N)
pg_restore --no-owner --exit-on-error -j 2 -d "$SCRATCH" "$WORK/backup.dump"
RESTORE_S=$(seconds_since "$t0")
counts "$SCRATCH" >"$WORK/restored.counts"

# The newest applied migration (versions such as 8.1 are not integers: Flyway orders by installed_rank).
version() { psql -X -At -d "$1" -c "select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1"; }
TABLES=$(wc -l <"$WORK/source.counts")
ROWS=$(awk '{ s += $2 } END { print s + 0 }' "$WORK/source.counts")
SIGNATURES=$(awk '$1 == "signature" { print $2 }' "$WORK/source.counts")
SIZE_MB=$(awk -v b="$(stat -c %s "$WORK/backup.dump")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "Restore drill of $SOURCE on $(date -u '+%Y-%m-%d %H:%M UTC'):"
echo "  backup:  ${DUMP_S}s, ${SIZE_MB} MB ($TABLES tables, $ROWS rows, ${SIGNATURES:-0} signatures)"
echo "  restore: ${RESTORE_S}s into $SCRATCH"
if ! diff -u "$WORK/source.counts" "$WORK/restored.counts" >"$WORK/counts.diff"; then
  echo "  MISMATCH in row counts:"; cat "$WORK/counts.diff"; exit 1
fi
if [ "$(version "$SOURCE")" != "$(version "$SCRATCH")" ]; then
  echo "  MISMATCH in schema version: $(version "$SOURCE") vs $(version "$SCRATCH")"; exit 1
fi
echo "  ok: every table has the same row count, schema version $(version "$SCRATCH")"
rm -rf "$WORK"
