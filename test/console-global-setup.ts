import { ensureConsoleBuilt } from '../scripts/ui-build.js';

/**
 * The console end-to-end and bundle-size tests read ui/dist: build it once per
 * run, before any test file starts, when the sources changed since the last
 * build (an up-to-date check hashes a few dozen files).
 */
export default function setup(): void {
  ensureConsoleBuilt({ log: (line) => console.log(`[console] ${line}`) });
}
