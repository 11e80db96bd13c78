#!/usr/bin/env bash
# Install (Debian's postgresql) and start a PostgreSQL server on loopback for the store tests,
# create a throwaway role and database, and print the connection URL on standard output:
#   export DATELINE_TEST_POSTGRES_URL="$(bash ci/start_postgres.sh)"
set -euo pipefail
DB="${DATELINE_PG_DB:-dateline_test}"
USER_NAME="${DATELINE_PG_USER:-dateline}"
PASSWORD="${DATELINE_PG_PASSWORD:-dateline}"
PORT="${DATELINE_PG_PORT:-5432}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  as_root apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
fi
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}' | grep -qx "$VERSION/main"; then
  as_root pg_createcluster "$VERSION" main -p "$PORT" >&2
fi
as_root pg_ctlcluster "$VERSION" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  if as_root su postgres -c "pg_isready -q -h 127.0.0.1 -p $PORT"; then break; fi
  sleep 1
done
as_root su postgres -c "psql -q -p $PORT -v ON_ERROR_STOP=1" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME') THEN
    CREATE ROLE $USER_NAME LOGIN PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SQL
if ! as_root su postgres -c "psql -p $PORT -tAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" | grep -q 1; then
  as_root su postgres -c "createdb -p $PORT -O $USER_NAME $DB" >&2
fi
echo "postgresql://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB"
