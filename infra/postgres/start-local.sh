#!/usr/bin/env bash
# Start a throwaway local PostgreSQL 15 for tests and CI.
#
#   DATABASE_URL=$(infra/postgres/start-local.sh) npm test
#   infra/postgres/stop-local.sh <data dir printed on stderr> --remove
#
# - Binaries: /usr/lib/postgresql/15/bin (Debian package postgresql-15; installed with
#   apt-get when missing, which needs root).
# - Data directory: $PGDATA_DIR if set (created if missing; an existing cluster made by this
#   script is reused), otherwise a fresh `mktemp -d /tmp/coproduce-pg.XXXXXX`.
# - As root, initdb/pg_ctl/psql run as the `postgres` OS user (initdb refuses root).
# - Listens on 127.0.0.1 only, on the first free port from $PG_PORT_START (default 54320).
#   The Unix socket lives inside the data directory (mode 0700, so only its owner can use it).
# - TCP logins need a password (scram-sha-256). Creates role `coproduce` (password
#   `coproduce`, LOGIN CREATEDB) owning database `coproduce`.
# - Durability is switched off (fsync etc.): this server is for tests only.
#
# stdout: only the DATABASE_URL, as the last (and only) line. Everything else goes to stderr,
# including `export PGDATA_DIR=...` so the caller can stop it later.
set -euo pipefail

PG_MAJOR=15
PGBIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
DB_USER="coproduce"
DB_PASSWORD="coproduce"
DB_NAME="coproduce"
PORT_START="${PG_PORT_START:-54320}"
PORT_TRIES="${PG_PORT_TRIES:-100}"

log() { printf '[start-local-pg] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Everything below except the final echo writes to stderr.
exec 3>&1 1>&2

# --- 1. binaries ----------------------------------------------------------------------
if [[ ! -x "$PGBIN/initdb" || ! -x "$PGBIN/pg_ctl" || ! -x "$PGBIN/psql" ]]; then
  [[ $EUID -eq 0 ]] || die "$PGBIN/initdb not found and not root: install postgresql-${PG_MAJOR} first"
  log "PostgreSQL ${PG_MAJOR} not found; installing postgresql-${PG_MAJOR} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "postgresql-${PG_MAJOR}"
  [[ -x "$PGBIN/initdb" ]] || die "postgresql-${PG_MAJOR} installed but $PGBIN/initdb is missing"
fi

# --- 2. who runs the server -------------------------------------------------------------
if [[ $EUID -eq 0 ]]; then
  PG_OS_USER=postgres
  if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    log "creating system user $PG_OS_USER"
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash "$PG_OS_USER"
  fi
  # fd 3 (our real stdout) is closed so the server does not hold it open: otherwise
  # URL=$(start-local.sh) would wait for the server to exit.
  as_pg() { (cd / && runuser -u "$PG_OS_USER" -- "$@") 3>&-; }
else
  PG_OS_USER="$(id -un)"
  as_pg() { (cd / && "$@") 3>&-; }
fi

# --- 3. data directory ------------------------------------------------------------------
if [[ -n "${PGDATA_DIR:-}" ]]; then
  DATA_DIR="$PGDATA_DIR"
  mkdir -p "$DATA_DIR"
else
  DATA_DIR="$(mktemp -d /tmp/coproduce-pg.XXXXXX)"
fi
DATA_DIR="$(cd "$DATA_DIR" && pwd -P)"
# Unix socket paths are limited to ~107 bytes ("<dir>/.s.PGSQL.<port>").
(( ${#DATA_DIR} <= 80 )) || die "data directory path too long for a Unix socket (${#DATA_DIR} > 80 chars): $DATA_DIR"
chmod 700 "$DATA_DIR"
[[ $EUID -eq 0 ]] && chown "$PG_OS_USER:" "$DATA_DIR"
as_pg test -w "$DATA_DIR" || die "$PG_OS_USER cannot write $DATA_DIR (are its parent directories traversable?)"

log "data directory: $DATA_DIR"
log "export PGDATA_DIR=$DATA_DIR"

if [[ -f "$DATA_DIR/PG_VERSION" ]]; then
  [[ -f "$DATA_DIR/coproduce-throwaway" ]] || die "$DATA_DIR holds a cluster not created by this script; refusing to touch it"
  as_pg "$PGBIN/pg_ctl" status -D "$DATA_DIR" >/dev/null 2>&1 && die "a server is already running on $DATA_DIR"
  log "reusing existing cluster"
else
  [[ -z "$(ls -A "$DATA_DIR")" ]] || die "$DATA_DIR is not empty"
  log "initdb"
  if ! out="$(as_pg "$PGBIN/initdb" -D "$DATA_DIR" -U postgres --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "initdb failed"
  fi
  as_pg tee -a "$DATA_DIR/postgresql.conf" >/dev/null <<CONF

# --- added by infra/postgres/start-local.sh (throwaway test server) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DATA_DIR'
password_encryption = 'scram-sha-256'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
# Test databases live for seconds; an autovacuum worker in one makes DROP DATABASE … (FORCE)
# fail for a role that may not signal it.
autovacuum = off
CONF
  # pg_hba.conf as written by initdb: Unix socket (inside the 0700 data directory) trust,
  # TCP scram-sha-256.
  as_pg touch "$DATA_DIR/coproduce-throwaway"
fi

# --- 4. pick a free port and start ------------------------------------------------------
HAVE_PYTHON=0
python3 -c 'import socket' >/dev/null 2>&1 && HAVE_PYTHON=1
port_free() {
  local p=$1
  if ((HAVE_PYTHON)); then
    python3 - "$p" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# As PostgreSQL binds: connections of a server just stopped (TIME_WAIT) do not hold the port.
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
  else
    # Nothing accepts a connection there (bash /dev/tcp). pg_ctl below still retries.
    ! (exec 9<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
  fi
}

LOG_FILE="$DATA_DIR/server.log"
PORT=""
STARTED=0
# If anything below fails after the server started, stop it again.
cleanup_on_failure() {
  local rc=$?
  if ((rc != 0 && STARTED)); then
    log "setup failed; stopping the server"
    as_pg "$PGBIN/pg_ctl" stop -D "$DATA_DIR" -m immediate >/dev/null 2>&1 || true
  fi
}
trap cleanup_on_failure EXIT

for ((p = PORT_START; p < PORT_START + PORT_TRIES; p++)); do
  port_free "$p" || continue
  log "starting PostgreSQL ${PG_MAJOR} on 127.0.0.1:$p (log: $LOG_FILE)"
  log_lines=0
  [[ -f "$LOG_FILE" ]] && log_lines=$(wc -l <"$LOG_FILE")
  if as_pg "$PGBIN/pg_ctl" start -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 -o "-p $p" >/dev/null; then
    PORT=$p
    STARTED=1
    break
  fi
  # Lost a race for the port: try the next one. Any other failure is fatal.
  new_log="$(tail -n +"$((log_lines + 1))" "$LOG_FILE" 2>/dev/null || true)"
  printf '%s\n' "$new_log" | tail -n 5 >&2
  grep -q 'Address already in use' <<<"$new_log" || die "PostgreSQL failed to start; see $LOG_FILE"
done
[[ -n "$PORT" ]] || die "no free port in $PORT_START..$((PORT_START + PORT_TRIES - 1))"

# --- 5. role and database ---------------------------------------------------------------
psql_super() { as_pg "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DATA_DIR" -p "$PORT" -U postgres -d postgres "$@"; }

psql_super <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', '$DB_USER', '$DB_PASSWORD')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER') \gexec
ALTER ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I', '$DB_NAME', '$DB_USER')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB_NAME') \gexec
SQL

URL="postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${PORT}/${DB_NAME}"
log "ready; stop with: infra/postgres/stop-local.sh $DATA_DIR --remove"
echo "$URL" >&3
