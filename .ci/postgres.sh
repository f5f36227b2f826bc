#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the storage and service tests
# and writes its URL to .ci/pg.env;  `postgres.sh stop` stops it and removes its data.
#
# The port is GASDESK_PG_PORT, or the first free one from 55432 up, so that two
# checkouts on one machine do not collect each other's servers.
set -eu
cd "$(dirname "$0")"

stop() {
  [ -f pg.env ] || return 0
  # shellcheck disable=SC1091
  . ./pg.env
  if [ -n "${GASDESK_TEST_PG_DATA:-}" ] && [ -d "$GASDESK_TEST_PG_DATA" ]; then
    RUNAS=""
    [ "$(id -u)" = 0 ] && RUNAS="runuser -u postgres --"
    $RUNAS "$GASDESK_TEST_PG_BIN/pg_ctl" -D "$GASDESK_TEST_PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$GASDESK_TEST_PG_DATA"
  fi
  rm -f pg.env
  echo "ci: PostgreSQL stopped"
}

if [ "${1:-start}" = stop ]; then stop; exit 0; fi
stop

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "ci: PostgreSQL is not installed (apt-get install postgresql)"; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 || \
    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=${GASDESK_PG_PORT:-55432}
if [ -z "${GASDESK_PG_PORT:-}" ]; then
  while port_busy "$PORT"; do PORT=$((PORT + 1)); done
elif port_busy "$PORT"; then
  echo "ci: port $PORT is in use"; exit 1
fi

DATA=$(mktemp -d /tmp/gasdesk-pg.XXXXXX)
RUNAS=""
if [ "$(id -u)" = 0 ]; then chown postgres "$DATA"; RUNAS="runuser -u postgres --"; fi
if ! $RUNAS "$BIN/initdb" -D "$DATA" -U gasdesk --auth=trust -E UTF8 >"$DATA.initdb.log" 2>&1; then
  cat "$DATA.initdb.log"; rm -rf "$DATA" "$DATA.initdb.log"; exit 1
fi
rm -f "$DATA.initdb.log"
# fsync=off: a test server; the data is thrown away afterwards.
if ! $RUNAS "$BIN/pg_ctl" -D "$DATA" -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" \
    -l "$DATA/log" -w start >/dev/null; then
  cat "$DATA/log"; rm -rf "$DATA"; exit 1
fi
"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U gasdesk gasdesk_test
cat > pg.env <<ENV
GASDESK_TEST_PG_URL=postgresql://gasdesk@127.0.0.1:$PORT/gasdesk_test
GASDESK_TEST_PG_DATA=$DATA
GASDESK_TEST_PG_BIN=$BIN
ENV
echo "ci: PostgreSQL on 127.0.0.1:$PORT (data in $DATA; stop with .ci/postgres.sh stop)"
