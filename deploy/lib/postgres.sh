# shellcheck shell=bash
# Makes sure a PostgreSQL server that the app can use is running, and exports
# UNDERSIGNED_DB_HOST / UNDERSIGNED_DB_PORT for application.properties to pick up.
#
# - If QUARKUS_DATASOURCE_JDBC_URL is set, that database is used and nothing local is touched.
# - As root: the Debian cluster is used (installed with apt-get if missing, started if stopped),
#   and the `undersigned` role plus the dev and test databases are created in it.
# - As any other user: an existing server on localhost:5432 that already knows the role is used;
#   otherwise a private cluster is created under ~/.local/share/undersigned (PostgreSQL refuses
#   to run as root, which is why root takes the system cluster instead).

UNDERSIGNED_DB_ROLE=undersigned
UNDERSIGNED_DB_PASSWORD=undersigned   # local development only; production takes its own from env
UNDERSIGNED_DATABASES="undersigned_dev undersigned_test"

_pg_say() { printf '[postgres] %s\n' "$*" >&2; }

_pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/postgres" ] && printf '%s' "$dir"
}

_pg_sql_as_postgres() { # port, sql
  runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$1" -d postgres -Atc "$2"
}

_pg_provision_as_superuser() { # port; idempotent
  local port=$1 db
  if [ "$(_pg_sql_as_postgres "$port" "select 1 from pg_roles where rolname='$UNDERSIGNED_DB_ROLE'")" != 1 ]; then
    _pg_sql_as_postgres "$port" "create role $UNDERSIGNED_DB_ROLE login password '$UNDERSIGNED_DB_PASSWORD'"
    _pg_say "created role $UNDERSIGNED_DB_ROLE"
  fi
  for db in $UNDERSIGNED_DATABASES; do
    if [ "$(_pg_sql_as_postgres "$port" "select 1 from pg_database where datname='$db'")" != 1 ]; then
      _pg_sql_as_postgres "$port" "create database $db owner $UNDERSIGNED_DB_ROLE encoding 'UTF8' template template0"
      _pg_say "created database $db"
    fi
  done
}

_pg_ensure_as_root() {
  local bindir version port status
  bindir=$(_pg_bindir)
  if [ -z "$bindir" ]; then
    _pg_say "PostgreSQL is not installed; installing it with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bindir=$(_pg_bindir)
  fi
  version=$(basename "$(dirname "$bindir")")
  if ! pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1==v && $2=="main"' | grep -q .; then
    _pg_say "creating cluster $version/main"
    pg_createcluster "$version" main >&2
  fi
  read -r port status < <(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3, $4}')
  if [ "$status" != online ]; then
    _pg_say "starting cluster $version/main on port $port"
    pg_ctlcluster "$version" main start >&2
  fi
  _pg_provision_as_superuser "$port"
  export UNDERSIGNED_DB_HOST=localhost UNDERSIGNED_DB_PORT=$port
  export UNDERSIGNED_PG_CONTROL="cluster $version main"
}

_pg_can_login() { # port
  PGPASSWORD=$UNDERSIGNED_DB_PASSWORD psql -X -q -h localhost -p "$1" -U "$UNDERSIGNED_DB_ROLE" \
    -d undersigned_test -Atc 'select 1' >/dev/null 2>&1
}

_pg_ensure_private_cluster() {
  local bindir=$1 port=${UNDERSIGNED_PRIVATE_PG_PORT:-54329}
  local data=${UNDERSIGNED_PGDATA:-${XDG_DATA_HOME:-$HOME/.local/share}/undersigned/postgres}
  if [ ! -f "$data/PG_VERSION" ]; then
    _pg_say "creating a private PostgreSQL cluster in $data"
    mkdir -p "$data"
    local pwfile
    pwfile=$(mktemp)
    printf '%s\n' "$UNDERSIGNED_DB_PASSWORD" >"$pwfile"
    "$bindir/initdb" -D "$data" -U "$UNDERSIGNED_DB_ROLE" --pwfile="$pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if ! "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    _pg_say "starting the private cluster on port $port"
    "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $port -k $data -c listen_addresses=localhost" start >/dev/null
  fi
  local db
  for db in $UNDERSIGNED_DATABASES; do
    PGPASSWORD=$UNDERSIGNED_DB_PASSWORD psql -X -q -h localhost -p "$port" -U "$UNDERSIGNED_DB_ROLE" -d postgres -Atc \
      "select 1 from pg_database where datname='$db'" | grep -q 1 ||
      PGPASSWORD=$UNDERSIGNED_DB_PASSWORD createdb -h localhost -p "$port" -U "$UNDERSIGNED_DB_ROLE" -E UTF8 -T template0 "$db"
  done
  export UNDERSIGNED_DB_HOST=localhost UNDERSIGNED_DB_PORT=$port
  export UNDERSIGNED_PG_CONTROL="private $bindir $data $port"
}

# Stops or starts the server ensure_postgres started (the fault drills in bench/faults use these).
postgres_server() { # stop|start
  local kind a b c
  read -r kind a b c <<<"${UNDERSIGNED_PG_CONTROL:-}"
  case "$kind" in
    cluster)
      if [ "$1" = start ]; then pg_ctlcluster "$a" "$b" start >&2; else pg_ctlcluster -m fast "$a" "$b" stop >&2; fi ;;
    private)
      if [ "$1" = start ]; then
        "$a/pg_ctl" -D "$b" -l "$b/server.log" -w -o "-p $c -k $b -c listen_addresses=localhost" start >/dev/null
      else
        "$a/pg_ctl" -D "$b" -w -m fast stop >/dev/null
      fi ;;
    *) _pg_say "this PostgreSQL was not started here (QUARKUS_DATASOURCE_JDBC_URL); cannot $1 it"; return 1 ;;
  esac
}

ensure_postgres() {
  if [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    _pg_say "using the database at QUARKUS_DATASOURCE_JDBC_URL; nothing local is started"
    return 0
  fi
  if [ "$(id -u)" = 0 ]; then
    _pg_ensure_as_root
    return 0
  fi
  local bindir
  bindir=$(_pg_bindir)
  if [ -z "$bindir" ] || ! command -v psql >/dev/null; then
    cat >&2 <<'MSG'
[postgres] PostgreSQL is not installed, and installing it needs root.
[postgres] Install it with:   sudo apt-get install postgresql
[postgres] or point the app at an existing server:
[postgres]   export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://host:5432/dbname
[postgres]   export QUARKUS_DATASOURCE_USERNAME=... QUARKUS_DATASOURCE_PASSWORD=...
MSG
    return 1
  fi
  if _pg_can_login 5432; then
    export UNDERSIGNED_DB_HOST=localhost UNDERSIGNED_DB_PORT=5432
    return 0
  fi
  _pg_ensure_private_cluster "$bindir"
}
