import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureConsoleBuilt } from './ui-build.js';

/**
 * The production build: the server (src/, rest-compat/ and the apikey CLI)
 * compiled by tsc to dist/ (tsconfig.build.json), run with plain node
 * (`npm start` = `node dist/src/main.js`); then the web console (ui/ → ui/dist/,
 * scripts/ui-build.ts). With --if-stale, each part is built only when its
 * sources changed since its last build: a hash of the inputs is kept beside
 * the output, so checkouts that reset file times do not fool it.
 *
 *   npm run build                              always build both
 *   tsx scripts/build.ts --if-stale [--optional]
 *     (prestart, predemo, the test setup) --optional: a console that cannot be
 *     built (no Vite: npm ci --omit=dev) is skipped with a warning; the server
 *     build is never optional, since `npm start` runs it.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SERVER_DIST = join(ROOT, 'dist');
export const SERVER_ENTRY = join(SERVER_DIST, 'src', 'main.js');
const STAMP = join(SERVER_DIST, '.build-hash');
const CONFIG = join(ROOT, 'tsconfig.build.json');
/** What tsconfig.build.json compiles, as directories or files; every output lands under dist/ with the same path. */
const SOURCES = ['src', 'rest-compat', 'scripts/apikey.ts', 'scripts/org.ts'];

function sourceFiles(): string[] {
  const files = [CONFIG, join(ROOT, 'tsconfig.json'), join(ROOT, 'package-lock.json')];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) files.push(path);
  };
  for (const source of SOURCES) walk(join(ROOT, source));
  return files.sort();
}

export function serverSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) {
    hash.update(relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function isServerBuildCurrent(): boolean {
  if (!existsSync(SERVER_ENTRY) || !existsSync(STAMP)) return false;
  return readFileSync(STAMP, 'utf8').trim() === serverSourceHash();
}

function tscBin(): string {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    throw new Error('server build: TypeScript is not installed (npm ci without dev dependencies?); run `npm ci` and `npm run build`');
  }
}

/**
 * Compiles the server; throws when tsc reports an error. Forced, it starts from an empty dist/ (no
 * output of a deleted source survives); when stale, tsc's incremental build recompiles only what
 * changed (dist/.tsbuildinfo), seconds instead of half a minute.
 */
export function ensureServerBuilt(options: { force?: boolean; log?: (line: string) => void } = {}): 'built' | 'current' {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!options.force && isServerBuildCurrent()) return 'current';
  const hash = serverSourceHash();
  log('server: compiling src/ and rest-compat/ → dist/ …');
  if (options.force) rmSync(SERVER_DIST, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tscBin(), '-p', CONFIG], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`server build failed (tsc exited with ${result.status ?? result.signal})`);
  writeFileSync(STAMP, `${hash}\n`);
  return 'built';
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = new Set(process.argv.slice(2));
  const force = !args.has('--if-stale');
  try {
    if (ensureServerBuilt({ force }) === 'current') console.log('server: dist/ is up to date');
    if (ensureConsoleBuilt({ force, optional: args.has('--optional') }) === 'current') console.log('web console: ui/dist is up to date');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
