#!/usr/bin/env bash
# System packages the test suite needs beyond npm: Redis (multi-instance
# subscription tests), Chromium (console end-to-end tests) and promtool (the
# /metrics naming lint, from the prometheus package) from Debian, and
# mongo-java-server from Maven Central (the embedded MongoDB). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Install these Debian packages first (as root): ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# promtool ships in the prometheus package; only the CLI is wanted, not its recommends (exporters),
# and not the server it would start where an init system runs.
if ! command -v promtool >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Install this Debian package first (as root): prometheus (for promtool)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl disable --now prometheus >/dev/null 2>&1
  fi
fi

for tool in java mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required for the embedded MongoDB (mongo-java-server)" >&2; exit 1; }
done
mvn -q -B -f mongo-java-server/pom.xml dependency:resolve >/dev/null
echo "test dependencies ready: redis-server, chromium, promtool, java, mvn, mongo-java-server"
