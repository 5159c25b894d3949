#!/usr/bin/env bash
# System packages the test suite needs beyond npm: Redis (multi-instance
# subscription tests), Chromium (console end-to-end tests) and promtool (the
# /metrics naming lint, from the prometheus package) from Debian, and
# mongo-java-server from Maven Central (the embedded MongoDB). For the client
# libraries in sdk/: Ruby with minitest from Debian, pytest and wheel for
# python3 (PyPI, or Debian's packages where python3 is Debian's own), the JS
# library's development dependencies (npm), and Go (whose library needs only
# the standard library). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Install these Debian packages first (as root): $*" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null
}

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v ruby >/dev/null 2>&1 || missing+=(ruby)
command -v gem >/dev/null 2>&1 || missing+=(ruby-rubygems)
if ! command -v ruby >/dev/null 2>&1 || ! ruby -e 'require "minitest"' >/dev/null 2>&1; then missing+=(ruby-minitest); fi
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi

# sdk/python's tests: a virtual environment with the system site-packages (pytest),
# into which pip builds the library offline (setuptools, wheel).
if ! python3 -c 'import ensurepip, pytest, setuptools, wheel' >/dev/null 2>&1; then
  if ! python3 -m pip install -q --disable-pip-version-check pytest setuptools wheel; then
    # An externally managed python3 (PEP 668): Debian's packages instead.
    apt_install python3-venv python3-pytest python3-wheel python3-setuptools
  fi
fi

# promtool ships in the prometheus package; only the CLI is wanted, not its recommends (exporters),
# and not the server it would start where an init system runs.
if ! command -v promtool >/dev/null 2>&1; then
  apt_install --no-install-recommends prometheus
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl disable --now prometheus >/dev/null 2>&1
  fi
fi

# sdk/js's development dependencies (TypeScript, openapi-typescript), from its own lockfile.
npm ci --prefix sdk/js --no-audit --no-fund --loglevel=error

for tool in java mvn go; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required (java, mvn: embedded MongoDB; go: sdk/go and examples/mackerel-go)" >&2; exit 1; }
done
mvn -q -B -f mongo-java-server/pom.xml dependency:resolve >/dev/null
echo "test dependencies ready: redis-server, chromium, promtool, java, mvn, mongo-java-server, go, ruby, python3 with pytest"
