#!/usr/bin/env bash
# Stop a PostgreSQL started by infra/postgres/start-local.sh.
#
#   infra/postgres/stop-local.sh DATA_DIR [--remove]
#
# DATA_DIR defaults to $PGDATA_DIR. With --remove, the data directory is deleted afterwards
# (only if it holds a cluster created by start-local.sh). Stopping a server that is not
# running is not an error.
set -euo pipefail

PGBIN="/usr/lib/postgresql/15/bin"
log() { printf '[stop-local-pg] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

DATA_DIR=""
REMOVE=0
for arg in "$@"; do
  case "$arg" in
    --remove) REMOVE=1 ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) die "unknown option: $arg" ;;
    *) [[ -z "$DATA_DIR" ]] || die "more than one data directory given"; DATA_DIR="$arg" ;;
  esac
done
DATA_DIR="${DATA_DIR:-${PGDATA_DIR:-}}"
[[ -n "$DATA_DIR" ]] || die "usage: $0 DATA_DIR [--remove]"
[[ -d "$DATA_DIR" ]] || { log "$DATA_DIR does not exist; nothing to stop"; exit 0; }
[[ -f "$DATA_DIR/PG_VERSION" && -f "$DATA_DIR/coproduce-throwaway" ]] \
  || die "$DATA_DIR is not a data directory created by start-local.sh"

if [[ $EUID -eq 0 ]]; then
  as_pg() { (cd / && runuser -u "$(stat -c %U "$DATA_DIR")" -- "$@"); }
else
  as_pg() { (cd / && "$@"); }
fi

if as_pg "$PGBIN/pg_ctl" status -D "$DATA_DIR" >/dev/null 2>&1; then
  log "stopping PostgreSQL in $DATA_DIR"
  as_pg "$PGBIN/pg_ctl" stop -D "$DATA_DIR" -m fast -w -t 60 >&2
else
  log "no server running in $DATA_DIR"
fi

if ((REMOVE)); then
  log "removing $DATA_DIR"
  rm -rf -- "$DATA_DIR"
fi
