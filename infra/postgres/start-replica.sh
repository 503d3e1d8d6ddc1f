#!/usr/bin/env bash
# Start a throwaway streaming replica (hot standby) of a PostgreSQL started by start-local.sh.
#
#   URL=$(infra/postgres/start-replica.sh PRIMARY_DATA_DIR PRIMARY_PORT)
#   infra/postgres/stop-local.sh <replica data dir printed on stderr> --remove
#
# - On the primary (over its Unix socket, inside its data directory): creates role
#   `coproduce_replication` (REPLICATION LOGIN, password `coproduce_replication`). initdb's
#   pg_hba.conf already allows `host replication all 127.0.0.1/32 scram-sha-256`, and PostgreSQL
#   15's defaults (wal_level=replica, max_wal_senders=10) allow streaming.
# - Copies it with `pg_basebackup -R -X stream` (which writes standby.signal and primary_conninfo)
#   into $REPLICA_DATA_DIR if set (must be empty or missing), otherwise a fresh
#   `mktemp -d /tmp/coproduce-pgr.XXXXXX`; the copy keeps start-local.sh's marker, so
#   stop-local.sh stops and removes it.
# - Starts it with hot_standby=on on 127.0.0.1, first free port from $PG_PORT_START (default
#   55320), and waits until the primary's pg_stat_replication shows it `streaming`.
# - As root, everything runs as the OS user owning the primary's data directory (as start-local.sh).
#
# stdout: only the replica's DATABASE_URL (same role, password and database as the primary's).
set -euo pipefail

PGBIN="/usr/lib/postgresql/15/bin"
REPL_USER="coproduce_replication"
REPL_PASSWORD="coproduce_replication"
PORT_START="${PG_PORT_START:-55320}"
PORT_TRIES="${PG_PORT_TRIES:-100}"

log() { printf '[start-replica-pg] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
exec 3>&1 1>&2

PRIMARY_DIR="${1:-}"
PRIMARY_PORT="${2:-}"
[[ -n "$PRIMARY_DIR" && -n "$PRIMARY_PORT" ]] || die "usage: $0 PRIMARY_DATA_DIR PRIMARY_PORT"
[[ -f "$PRIMARY_DIR/coproduce-throwaway" ]] || die "$PRIMARY_DIR is not a cluster made by start-local.sh"
[[ -x "$PGBIN/pg_basebackup" ]] || die "$PGBIN/pg_basebackup not found (install postgresql-15)"

if [[ $EUID -eq 0 ]]; then
  PG_OS_USER="$(stat -c %U "$PRIMARY_DIR")"
  as_pg() { (cd / && runuser -u "$PG_OS_USER" -- "$@") 3>&-; }
else
  PG_OS_USER="$(id -un)"
  as_pg() { (cd / && "$@") 3>&-; }
fi

if [[ -n "${REPLICA_DATA_DIR:-}" ]]; then
  DATA_DIR="$REPLICA_DATA_DIR"
  mkdir -p "$DATA_DIR"
else
  DATA_DIR="$(mktemp -d /tmp/coproduce-pgr.XXXXXX)"
fi
DATA_DIR="$(cd "$DATA_DIR" && pwd -P)"
(( ${#DATA_DIR} <= 80 )) || die "data directory path too long for a Unix socket: $DATA_DIR"
[[ -z "$(ls -A "$DATA_DIR")" ]] || die "$DATA_DIR is not empty"
chmod 700 "$DATA_DIR"
[[ $EUID -eq 0 ]] && chown "$PG_OS_USER:" "$DATA_DIR"
log "replica data directory: $DATA_DIR"
log "export REPLICA_DATA_DIR=$DATA_DIR"

# --- 1. replication role on the primary ---------------------------------------------------
as_pg "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PRIMARY_DIR" -p "$PRIMARY_PORT" -U postgres -d postgres <<SQL
SELECT format('CREATE ROLE %I REPLICATION LOGIN PASSWORD %L', '$REPL_USER', '$REPL_PASSWORD')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$REPL_USER') \gexec
SQL

# --- 2. base backup (-R: standby.signal + primary_conninfo) ---------------------------------
SLOT="coproduce_$(basename "$DATA_DIR" | tr -c 'a-zA-Z0-9_\n' '_' | tr 'A-Z' 'a-z')"
log "pg_basebackup from 127.0.0.1:$PRIMARY_PORT (slot $SLOT)"
as_pg "$PGBIN/pg_basebackup" -D "$DATA_DIR" -R -X stream -C -S "$SLOT" --checkpoint=fast \
  -d "host=127.0.0.1 port=$PRIMARY_PORT user=$REPL_USER password=$REPL_PASSWORD application_name=$SLOT" >&2
# The copy carries the primary's settings; the replica's socket lives in its own directory.
as_pg rm -f "$DATA_DIR/server.log" "$DATA_DIR/postmaster.opts"
as_pg tee -a "$DATA_DIR/postgresql.conf" >/dev/null <<CONF

# --- added by infra/postgres/start-replica.sh (throwaway streaming replica) ---
unix_socket_directories = '$DATA_DIR'
hot_standby = on
hot_standby_feedback = on
CONF

# --- 3. start on a free port ----------------------------------------------------------------
port_free() {
  python3 - "$1" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}
LOG_FILE="$DATA_DIR/server.log"
PORT=""
for ((p = PORT_START; p < PORT_START + PORT_TRIES; p++)); do
  port_free "$p" || continue
  log "starting the replica on 127.0.0.1:$p (log: $LOG_FILE)"
  if as_pg "$PGBIN/pg_ctl" start -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 -o "-p $p" >/dev/null; then
    PORT=$p
    break
  fi
  grep -q 'Address already in use' "$LOG_FILE" || die "the replica failed to start; see $LOG_FILE"
done
[[ -n "$PORT" ]] || die "no free port in $PORT_START..$((PORT_START + PORT_TRIES - 1))"

# --- 4. wait until it streams -----------------------------------------------------------------
for _ in $(seq 1 100); do
  state="$(as_pg "$PGBIN/psql" -X -At -h "$PRIMARY_DIR" -p "$PRIMARY_PORT" -U postgres -d postgres \
    -c "select state from pg_stat_replication where application_name = '$SLOT'")"
  [[ "$state" == "streaming" ]] && break
  sleep 0.2
done
[[ "${state:-}" == "streaming" ]] || die "the replica is not streaming (state: ${state:-none}); see $LOG_FILE"

log "streaming; stop with: infra/postgres/stop-local.sh $DATA_DIR --remove"
log "the primary keeps replication slot $SLOT; drop it when the replica is gone:"
log "  select pg_drop_replication_slot('$SLOT');"
echo "postgres://coproduce:coproduce@127.0.0.1:${PORT}/coproduce" >&3
