import { ensureServerBuilt } from '../scripts/build.js';

/**
 * The black-box tests spawn the gateway as operators run it, compiled (dist/src/main.js, see
 * test/helpers/gateway-process.ts): build it once per run, before any test file starts, when the
 * sources changed since the last build (tsc's incremental build; an up-to-date check hashes the sources).
 */
export default function setup(): void {
  ensureServerBuilt({ log: (line) => console.log(`[server] ${line}`) });
}
