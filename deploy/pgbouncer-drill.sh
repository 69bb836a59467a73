#!/usr/bin/env bash
# PgBouncer drill: runs the tests that exercise every kind of database work (sign-on in
# autocommit, the outbox and jobs claimed with SKIP LOCKED, advisory transaction locks for the
# PDF and the cluster lock, server-side cursors for exports, Flyway's migration) through a local
# PgBouncer in transaction pooling, as the application reaches PostgreSQL through the
# CloudNativePG Pooler in production (deploy/kubernetes/base/postgres-pooler.yaml).
#
#   deploy/pgbouncer-drill.sh            (as root: installs pgbouncer if missing; about 4 minutes)
#
# Debian 12 ships PgBouncer 1.18, which cannot keep protocol-level prepared statements in
# transaction mode (1.21 can: the Pooler sets max_prepared_statements), so the JDBC driver runs
# here with prepareThreshold=0 (no server-side prepared statements). Everything else — no session
# state between transactions — is what the drill shows.
# shellcheck source=lib/postgres.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib/postgres.sh
ensure_postgres
command -v pgbouncer >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null
DIR=$(mktemp -d /tmp/pgbouncer-drill.XXXXXX)
PORT=${PGBOUNCER_PORT:-6432}
DB=undersigned_test_pgbouncer
cat >"$DIR/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=${UNDERSIGNED_DB_PORT:-5432}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PORT
auth_type = scram-sha-256
auth_file = $DIR/userlist.txt
pool_mode = transaction
max_client_conn = 500
default_pool_size = 20
logfile = $DIR/pgbouncer.log
pidfile = $DIR/pgbouncer.pid
unix_socket_dir =
ignore_startup_parameters = extra_float_digits,options
INI
printf '"%s" "%s"\n' "$UNDERSIGNED_DB_ROLE" "$UNDERSIGNED_DB_PASSWORD" >"$DIR/userlist.txt"
chown -R postgres "$DIR"
runuser -u postgres -- psql -X -q -c "drop database if exists $DB with (force)" \
  -c "create database $DB owner $UNDERSIGNED_DB_ROLE encoding 'UTF8' template template0"
runuser -u postgres -- pgbouncer -d "$DIR/pgbouncer.ini"
trap 'kill "$(cat "$DIR/pgbouncer.pid")" 2>/dev/null || true' EXIT
export _TEST_UNDERSIGNED_DB_NAME=$DB
export _TEST_QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PORT/$DB?prepareThreshold=0"
mvn -B -o test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='SignOnFlowTest,DuplicateSignOnTest,OutboxTest,MailingTest,ImportJobTest,ImportTest,LetterPdfTest,JobRunnerTest,VettingTest,PageCacheTest,CountsConvergeTest,SessionsTest,WebhookTest,PartnerTest,TranslationTest,AdminAtScaleTest'
echo "Transactions through PgBouncer (its own statistics):"
grep 'stats:' "$DIR/pgbouncer.log" | tail -n 3
