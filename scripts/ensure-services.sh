#!/usr/bin/env bash
# Makes sure the services the tests use are up: Redis (live-event fan-out) and PostgreSQL (with the
# test database). Idempotent: checks first, starts what is stopped, installs only what is missing.
# Honours TRADEBOOK_TEST_REDIS_URL and TRADEBOOK_TEST_DB_URL: when one is set, the tests use that
# server and this script leaves that service alone.
set -euo pipefail

log() { echo "ensure-services: $*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

# ---- Redis on 127.0.0.1:6379 (keeps nothing on disk) ----
redis_up() { command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

if [ -n "${TRADEBOOK_TEST_REDIS_URL:-}" ]; then
  log "TRADEBOOK_TEST_REDIS_URL is set; the tests use that Redis"
elif ! redis_up; then
  if ! command -v redis-server >/dev/null; then
    log "Redis is not installed; installing it from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  log "starting Redis on 127.0.0.1:6379"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
  if redis_up; then log "Redis is up on 127.0.0.1:6379"; else log "Redis did not start; see /var/log/redis/ci.log"; exit 1; fi
else
  log "Redis is up on 127.0.0.1:6379"
fi

# ---- PostgreSQL ----

if [ -n "${TRADEBOOK_TEST_DB_URL:-}" ]; then
  log "TRADEBOOK_TEST_DB_URL is set; the tests use that server"
  exit 0
fi

pg_up() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; }

if ! pg_up; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    log "PostgreSQL is not installed; installing it from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(ls /etc/postgresql | sort -V | tail -1)
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi

if ! pg_up; then
  log "PostgreSQL is still not accepting connections on 127.0.0.1:5432; the tests will start an embedded one"
  exit 0
fi

# Tests connect over TCP as postgres without a password (trust), as on the project's machines.
# A freshly installed Debian cluster asks for a password instead; allow local TCP for the tests.
if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  hba=$(as_root su postgres -c "psql -tAc 'show hba_file'" | tr -d '[:space:]')
  if [ -n "$hba" ] && ! as_root grep -q "tradebook-tests" "$hba"; then
    log "allowing trust auth for postgres on 127.0.0.1 ($hba)"
    as_root sed -i "1i host all postgres 127.0.0.1/32 trust # tradebook-tests" "$hba"
    as_root su postgres -c "psql -tAc 'select pg_reload_conf()'" >/dev/null
  fi
fi

if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname='test'" | grep -q 1; then
  log "creating database test"
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'create database test'
fi
log "PostgreSQL is up on 127.0.0.1:5432 with database test"
