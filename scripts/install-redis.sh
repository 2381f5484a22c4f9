#!/usr/bin/env bash
# Installs redis-server (Debian package) for the tests and the benchmark of the app's Redis mode (REDIS_URL,
# BullMQ). Idempotent: nothing happens when redis-server is already there. Without it (not root, or no
# apt-get) the Redis-mode tests say how to install it and fail; the default in-memory mode needs no Redis.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]; then exit 0; fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "preadmit: redis-server is missing; the Redis-mode tests (test/e2e/scale*.test.ts) need it." >&2
  echo "preadmit: install the 'redis-server' package as root (Debian/Ubuntu: apt-get install redis-server)." >&2
  exit 0
fi

echo "preadmit: installing redis-server (Debian package) for the Redis-mode tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends redis-server >/dev/null
redis-server --version >&2
