# Shared by bench/run.sh and the fault drills in bench/faults: a scratch database, a production
# build, the application started with production settings, and the admin API. Source it from the
# repository root after setting DB, PORT and WORK.
# shellcheck shell=bash

say() { printf '[%s] %s\n' "${SAY_AS:-bench}" "$*" >&2; }

# Starts (or finds) PostgreSQL, installs the client tools if missing, recreates database $DB and
# exports the PG* variables for psql, pgbench and pg_dump.
prepare_database() {
  # shellcheck source=../deploy/lib/postgres.sh
  source deploy/lib/postgres.sh
  # shellcheck source=../deploy/lib/smtp.sh
  source deploy/lib/smtp.sh
  ensure_postgres
  local tool
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      if [ "$(id -u)" = 0 ]; then
        say "installing $tool"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk postgresql-client openssl python3 >&2
      else
        say "$tool is missing: sudo apt-get install wrk postgresql-client openssl python3"; exit 1
      fi
    fi
  done
  if [ "$(id -u)" = 0 ] && [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    runuser -u postgres -- psql -X -q -p "${UNDERSIGNED_DB_PORT:-5432}" -d postgres -c "drop database if exists $DB with (force)" \
      -c "create database $DB owner $UNDERSIGNED_DB_ROLE encoding 'UTF8' template template0" >/dev/null 2>&1
  fi
  export PGPASSWORD=$UNDERSIGNED_DB_PASSWORD PGHOST=${UNDERSIGNED_DB_HOST:-localhost} PGPORT=${UNDERSIGNED_DB_PORT:-5432} PGUSER=$UNDERSIGNED_DB_ROLE
  if [ "$(id -u)" != 0 ]; then
    dropdb --if-exists "$DB" 2>/dev/null || true
    createdb -E UTF8 -T template0 "$DB"
  fi
}

sql() { psql -X -At -d "$DB" -c "$1"; }

# Compresses the full-page images PostgreSQL writes to its WAL after each checkpoint. Durability is
# unchanged (fsync and synchronous commit stay on); on this machine WAL volume, not CPU, limited
# sign-ons once the signature table held a few hundred thousand rows (docs/operations.md
# recommends the same for production). Set on the database, so it applies to the app and to the
# pgbench ceiling alike; needs a superuser, and is skipped with a note otherwise.
compress_wal() {
  local setting="alter database $DB set wal_compression = lz4"
  if [ "$(id -u)" = 0 ] && [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    runuser -u postgres -- env -u PGUSER -u PGHOST -u PGPASSWORD psql -X -q -p "$PGPORT" -d postgres -c "$setting" >/dev/null
  else
    psql -X -q -d postgres -c "$setting" >/dev/null 2>&1 || say "could not enable wal_compression (needs a superuser)"
  fi
}

# Production build; reused when BENCH_REUSE_BUILD=1 and a build exists.
build_app() {
  if [ "${BENCH_REUSE_BUILD:-0}" = 1 ] && [ -f target/quarkus-app/quarkus-run.jar ]; then
    say "reusing the existing build in target/quarkus-app"
  else
    say "building (production profile)"
    mvn -B -q -Pbench -DskipTests package
  fi
  if [ ! -f "$WORK/private.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
    openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
  fi
  mkdir -p "$WORK/static"
}

ADMIN=bench-admin@bench.invalid
ADMIN_PASSWORD=bench-admin-password

# JVM options recommended for production on small machines (docs/operations.md): on two cores the
# C2 compiler's threads compete with the application at start-up and under load, and C1 alone
# gave the same sign-on throughput with less memory. BENCH_JVM_OPTS overrides.
JVM_OPTS=${BENCH_JVM_OPTS:--XX:TieredStopAtLevel=1}

# Starts the app in the background; sets APP_PID and READY_S (seconds from launch to ready).
# Load comes from one address here, so the per-address rate limits are lifted; everything else is
# the production configuration. Extra environment can be passed as arguments (NAME=value).
start_app() {
  local t0 t1 cds=()
  # The class-data archive written by train_class_data (if any): classes load already parsed.
  [ -f "$WORK/app.jsa" ] && cds=(-XX:SharedArchiveFile="$WORK/app.jsa")
  t0=$(date +%s%N)
  # A class-data archive is only valid for the JVM that wrote it and the same relative class
  # path, hence the cd.
  ( cd target/quarkus-app && \
    exec env UNDERSIGNED_AUTH_PRIVATE_KEY_LOCATION="$WORK/private.pem" UNDERSIGNED_AUTH_PUBLIC_KEY_LOCATION="$WORK/public.pem" \
    UNDERSIGNED_AUTH_FIRST_ADMIN_EMAIL=$ADMIN UNDERSIGNED_AUTH_FIRST_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    UNDERSIGNED_DB_NAME="$DB" UNDERSIGNED_BENCH_STATIC_DIR="$WORK/static" \
    UNDERSIGNED_SITE_PUBLIC_URL="http://localhost:$PORT" \
    UNDERSIGNED_MAIL_SEND_EVERY="${MAIL_SEND_EVERY:-1h}" \
    UNDERSIGNED_RATE_LIMIT_SIGN_ON_PER_MINUTE=1000000 UNDERSIGNED_RATE_LIMIT_SIGN_ON_BURST=1000000 \
    UNDERSIGNED_ABUSE_SIGNER_MAIL_PER_LETTER=100000000 UNDERSIGNED_ABUSE_SIGNER_MAIL_TOTAL=100000000 \
    UNDERSIGNED_DB_HOST="${UNDERSIGNED_DB_HOST:-localhost}" UNDERSIGNED_DB_USERNAME="$UNDERSIGNED_DB_ROLE" \
    UNDERSIGNED_DB_PASSWORD="$UNDERSIGNED_DB_PASSWORD" UNDERSIGNED_MAIL_FROM="Bench <bench@undersigned.org>" \
    UNDERSIGNED_MAIL_SMTP_HOST=localhost \
    UNDERSIGNED_PRODUCTION_CHECKS_ACCEPT_UNSAFE=quarkus.datasource.password,undersigned.site.public-url \
    QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT="$((PORT + 1000))" QUARKUS_LOG_LEVEL=WARN QUARKUS_LOG_CATEGORY__ORG_UNDERSIGNED__LEVEL=INFO \
    "$@" java -Xms64m -Xmx"${HEAP:-768m}" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError $JVM_OPTS "${cds[@]}" \
      -jar quarkus-run.jar >>"$WORK/app.log" 2>&1 ) &
  APP_PID=$!
  # Health and metrics are on the management interface: the HTTP port + 1000 here.
  until curl -sf -o /dev/null "http://localhost:$((PORT + 1000))/q/health/ready"; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then cat "$WORK/app.log" >&2; exit 1; fi
    sleep 0.02
  done
  t1=$(date +%s%N)
  READY_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
}

# A training run: start, serve the main pages and a sign-on, stop; the JVM writes every class it
# loaded into $WORK/app.jsa (dynamic AppCDS, JDK 13+), which later starts map instead of parsing
# jars. The same two steps work in a deployment (docs/operations.md).
train_class_data() { # slug of an open letter
  rm -f "$WORK/app.jsa"
  start_app JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$WORK/app.jsa"
  local stamp
  stamp=$(form_stamp "$1")
  curl -s -o /dev/null "http://localhost:$PORT/"
  curl -s -o /dev/null "http://localhost:$PORT/letters/$1/signatories"
  curl -s -o /dev/null "http://localhost:$PORT/api/letters/$1"
  curl -s -o /dev/null -X POST -d "formStamp=$stamp" -d 'kind=ORGANIZATION&organizationName=Training+Run&city=A&country=US&orgType=ADVOCACY&contactName=A&contactTitle=B&email=training%40bench.invalid&consentPublic=yes' "http://localhost:$PORT/letters/$1/sign"
  admin_token
  stop_app
  [ -f "$WORK/app.jsa" ] || { say "no class-data archive was written"; return 1; }
}

# The java process itself (start_app's APP_PID is the subshell that execs it).
app_java_pid() { pgrep -f -- "-jar quarkus-run.jar" | while read -r p; do
  if grep -qz "UNDERSIGNED_DB_NAME=$DB" "/proc/$p/environ" 2>/dev/null; then echo "$p"; fi; done | head -n 1; }

stop_app() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

admin_token() {
  TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$ADMIN\",\"password\":\"$ADMIN_PASSWORD\"}" \
    "http://localhost:$PORT/api/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
}

api() { # method path [json]
  curl -sf -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"} \
    "http://localhost:$PORT$2"
}

letter() { # slug individuals → id of a published letter with the demo text
  local body="{\"slug\":\"$1\",\"title\":\"Bench letter $1\",\"addressees\":\"Mr. Bezos and Mr. Jassy\",\"bodyMarkdown\":\"$(sed ':a;N;$!ba;s/\n/\\n/g;s/"/\\"/g' src/main/resources/dev/demo-letter.md)\",\"coalitionName\":\"Bench Coalition\",\"coalitionContact\":\"press@bench.invalid\",\"organizationsMaySign\":true,\"individualsMaySign\":$2}"
  local id
  id=$(api POST /api/admin/letters "$body" | sed 's/^{"id":\([0-9]*\).*/\1/')
  api POST "/api/admin/letters/$id/publish" >/dev/null
  echo "$id"
}

# The form stamp a browser gets with the sign-on form (signed, reusable until it expires).
form_stamp() { # slug
  curl -sf "http://localhost:$PORT/letters/$1" | sed -n 's/.*name="formStamp" value="\([^"]*\)".*/\1/p' | head -n 1
}
