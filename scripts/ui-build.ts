import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the web console (ui/ → ui/dist/) with Vite, or, with --if-stale,
 * only when the sources changed since the last build. Staleness is a hash of
 * the inputs (ui sources, Vite config, lockfile) stored beside the output, so
 * it survives checkouts that reset file times. `npm start`, `npm run demo`
 * (prestart/predemo) and the test global setup call it; a fresh build takes
 * a few seconds, an up-to-date check a few milliseconds.
 *
 *   npm run ui:build                 always build
 *   tsx scripts/ui-build.ts --if-stale [--optional]
 *     --optional: without Vite installed (npm ci --omit=dev), warn and exit 0
 *     instead of failing; the gateway then answers /ui with "not built".
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const UI = join(ROOT, 'ui');
export const CONSOLE_DIST = join(UI, 'dist');
const STAMP = join(CONSOLE_DIST, '.build-hash');

/** Files whose content decides the build output. */
function inputs(): string[] {
  const files: string[] = [join(UI, 'index.html'), join(UI, 'vite.config.ts'), join(ROOT, 'package-lock.json')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(join(UI, 'src'));
  return files.filter((f) => existsSync(f)).sort();
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of inputs()) {
    hash.update(relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function isConsoleBuildCurrent(): boolean {
  if (!existsSync(join(CONSOLE_DIST, 'index.html')) || !existsSync(STAMP)) return false;
  return readFileSync(STAMP, 'utf8').trim() === sourceHash();
}

function viteBin(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('vite/package.json');
    const bin = join(pkg, '..', 'bin', 'vite.js');
    return statSync(bin).isFile() ? bin : null;
  } catch {
    return null;
  }
}

export type BuildOutcome = 'built' | 'current' | 'skipped';

/** Builds when asked to or when stale; throws when the build fails (or Vite is missing and the build is required). */
export function ensureConsoleBuilt(options: { force?: boolean; optional?: boolean; log?: (line: string) => void } = {}): BuildOutcome {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!options.force && isConsoleBuildCurrent()) return 'current';
  const vite = viteBin();
  if (vite === null) {
    const message =
      'web console: Vite is not installed (npm ci without dev dependencies?); /ui is not served until `npm run ui:build` runs';
    if (options.optional) {
      log(message);
      return 'skipped';
    }
    throw new Error(message);
  }
  const hash = sourceHash();
  log('web console: building ui/ → ui/dist/ …');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(UI, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`web console build failed (vite exited with ${result.status ?? result.signal})`);
  writeFileSync(STAMP, `${hash}\n`);
  return 'built';
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = new Set(process.argv.slice(2));
  try {
    const outcome = ensureConsoleBuilt({ force: !args.has('--if-stale'), optional: args.has('--optional') });
    if (outcome === 'current') console.log('web console: ui/dist is up to date');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
