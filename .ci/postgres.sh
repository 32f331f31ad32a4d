#!/usr/bin/env bash
# Start a throw-away PostgreSQL for the store tests: a cluster in a temporary folder,
# listening on a Unix socket only, owned by the postgres user. Prints the SQLAlchemy URL.
# Usage: url="$(.ci/postgres.sh start DIR)"; ...; .ci/postgres.sh stop DIR
set -euo pipefail
action="$1"; dir="$2"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
case "$action" in
start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    run "'$bin/initdb' -D '$dir/data' -U postgres -A trust >'$dir/initdb.log' 2>&1"
    run "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-k '$dir' -c listen_addresses=''\" start >/dev/null"
    run "'$bin/createdb' -h '$dir' -U postgres workshift_test"
    echo "postgresql+psycopg://postgres@/workshift_test?host=$dir"
    ;;
stop)
    run "'$bin/pg_ctl' -D '$dir/data' -m fast stop >/dev/null" || true
    ;;
esac
