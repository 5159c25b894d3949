#!/usr/bin/env bash
# The production image's build steps, in one place. The Dockerfile's build stage runs exactly this
# (after `npm ci`), and CI runs it too (test/image-build.test.ts starts the result with plain node),
# so what the image contains is tested on machines without a container runtime.
#
#   bash scripts/build-image.sh OUT_DIR      in a checkout with dependencies installed (npm ci)
#
# OUT_DIR becomes the image's /app: the compiled server (dist/), the built console (ui/dist/), the
# healthcheck, package.json and the production dependencies only.
set -euo pipefail
out="${1:?usage: bash scripts/build-image.sh OUT_DIR}"
cd "$(dirname "$0")/.."

# Server (tsc → dist/) and console (Vite → ui/dist/), from scratch.
npm run build

rm -rf "$out"
mkdir -p "$out/ui" "$out/scripts"
cp package.json package-lock.json "$out/"
cp -R dist "$out/dist"
rm -f "$out/dist/.tsbuildinfo" "$out/dist/.build-hash"
cp -R ui/dist "$out/ui/dist"
cp scripts/healthcheck.mjs "$out/scripts/healthcheck.mjs"

# Production dependencies only; no install scripts run (the compiled server needs none).
(cd "$out" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)

# The runtime tree loads its whole module graph with plain node and nothing else.
(cd "$out" && node --input-type=module -e "await import('./dist/src/app.js')")
echo "image tree ready in $out"
