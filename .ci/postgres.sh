#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the storage and service tests
# and writes its URL to .ci/pg.env.
set -eu
cd "$(dirname "$0")"
rm -f pg.env
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || exit 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 || \
    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DATA=$(mktemp -d /tmp/gasdesk-pg.XXXXXX)
PORT=55432
while (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null; do PORT=$((PORT + 1)); done
RUNAS=""
if [ "$(id -u)" = 0 ]; then chown postgres "$DATA"; RUNAS="runuser -u postgres --"; fi
$RUNAS "$BIN/initdb" -D "$DATA" -U gasdesk --auth=trust -E UTF8 >/dev/null
$RUNAS "$BIN/pg_ctl" -D "$DATA" -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" -l "$DATA/log" -w start >/dev/null
"$BIN/createdb" -h 127.0.0.1 -p $PORT -U gasdesk gasdesk_test
echo "GASDESK_TEST_PG_URL=postgresql://gasdesk@127.0.0.1:$PORT/gasdesk_test" > pg.env
echo "ci: PostgreSQL on 127.0.0.1:$PORT"
