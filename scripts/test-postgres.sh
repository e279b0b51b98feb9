# Sourced by scripts/test: makes a PostgreSQL server reachable for the tests and exports
# CRVS_TEST_PG_URL, CRVS_TEST_PG_USER and CRVS_TEST_PG_PASSWORD.
# 1. If CRVS_TEST_PG_URL is already set, it is used as is.
# 2. Otherwise a private throwaway cluster is started on 127.0.0.1:${CRVS_TEST_PG_PORT:-55432} with its data in
#    ${CRVS_TEST_PG_DIR:-/tmp/crvs-test-pg} (reused when already running). PostgreSQL's server binaries come from
#    Debian's packages; as root they are installed when missing, otherwise the exact command is printed.
if [ -n "${CRVS_TEST_PG_URL:-}" ]; then
  export CRVS_TEST_PG_USER="${CRVS_TEST_PG_USER:-crvs}" CRVS_TEST_PG_PASSWORD="${CRVS_TEST_PG_PASSWORD:-crvs}"
  return 0 2>/dev/null || exit 0
fi

pg_port="${CRVS_TEST_PG_PORT:-55432}"
pg_dir="${CRVS_TEST_PG_DIR:-/tmp/crvs-test-pg}"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "test: installing PostgreSQL from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  else
    echo "PostgreSQL is not installed. Install it once with:" >&2
    echo "  sudo apt-get install -y postgresql" >&2
    echo "or point the tests at a server: export CRVS_TEST_PG_URL=jdbc:postgresql://host:port/db CRVS_TEST_PG_USER=... CRVS_TEST_PG_PASSWORD=..." >&2
    exit 1
  fi
fi
bin="$(pg_bin)"

# As root, PostgreSQL refuses to run: use the postgres account that Debian's package creates.
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
  if [ ! -f "$pg_dir/PG_VERSION" ]; then
    rm -rf "$pg_dir"
    mkdir -p "$pg_dir"
    [ "$(id -u)" = "0" ] && chown postgres "$pg_dir"
    chmod 700 "$pg_dir"
    as_pg "$bin/initdb" -D "$pg_dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >/dev/null
  fi
  as_pg "$bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
fi
as_pg "$bin/psql" -q -h "$pg_dir" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
SELECT 'CREATE ROLE crvs LOGIN PASSWORD ''crvs'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crvs') \gexec
SELECT 'CREATE DATABASE crvs_test OWNER crvs'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'crvs_test') \gexec
SQL
export CRVS_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$pg_port/crvs_test"
export CRVS_TEST_PG_USER=crvs CRVS_TEST_PG_PASSWORD=crvs
