import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickExample, rootReadmeExample } from './helpers/readme-examples.js';
import { checkWalk, runTool, startSdkScenario, type SdkScenario, type ToolRun } from './helpers/sdk-scenario.js';

/*
 * The Ruby library (sdk/ruby, gem mesh_trace) as a user gets it: `gem build`
 * and `gem install` into a scratch gem directory (Ruby and minitest come from
 * Debian, installed by scripts/test-deps.sh; the gem needs nothing from
 * rubygems.org), then its own minitest unit and integration tests against a
 * real gateway, with mesh_trace loaded from the installed gem.
 */

const SDK_DIR = fileURLToPath(new URL('../sdk/ruby/', import.meta.url));
const DOCUMENT_KEY = 'mtk_live_a1b2c3...';

let scenario: SdkScenario;
let copy: string;
let gemEnv: Record<string, string>;
let rateLimitRun: Promise<ToolRun>;

const ruby = (args: string[], env: Record<string, string> = {}) => runTool('ruby', args, { cwd: copy, env: { ...gemEnv, ...env } });

beforeAll(async () => {
  scenario = await startSdkScenario('ruby');
  // A copy, so that the built .gem file lands outside the repository.
  copy = join(scenario.dir, 'ruby');
  await cp(SDK_DIR, copy, { recursive: true, filter: (path) => !path.endsWith('.gem') });
  const built = await runTool('gem', ['build', 'mesh_trace.gemspec'], { cwd: copy });
  expect(built.code, built.output).toBe(0);
  const gemFile = /File: (\S+\.gem)/.exec(built.output)?.[1];
  expect(gemFile, built.output).toBeDefined();
  const gems = join(scenario.dir, 'gems');
  const installed = await runTool('gem', ['install', '--local', '--no-document', '--install-dir', gems, join(copy, gemFile!)], {
    cwd: copy,
  });
  expect(installed.code, installed.output).toBe(0);
  // The scratch directory first, then the system's own paths (minitest from Debian).
  const systemPath = (await runTool('gem', ['env', 'gempath'])).stdout.trim();
  gemEnv = { GEM_HOME: gems, GEM_PATH: `${gems}:${systemPath}` };
  // The 429 test waits out a real Retry-After (up to a minute): it runs beside the others.
  rateLimitRun = ruby(['test/integration/rate_limit_test.rb', '--verbose'], scenario.env);
}, 300_000);

afterAll(async () => {
  await rateLimitRun?.catch(() => undefined);
  await scenario?.close();
});

describe('sdk/ruby (mesh_trace)', () => {
  it('installs with gem build + gem install, and passes its unit tests against the installed gem', async () => {
    const loaded = await ruby(['-e', 'require "mesh_trace"; puts Gem.loaded_specs.fetch("mesh_trace").full_gem_path']);
    expect(loaded.code, loaded.output).toBe(0);
    expect(loaded.stdout.trim()).toBe(join(gemEnv.GEM_HOME!, 'gems', 'mesh_trace-0.1.0'));
    const unit = await ruby(['-w', 'test/unit/client_test.rb']);
    expect(unit.code, unit.output).toBe(0);
    expect(unit.output).toMatch(/\d+ runs, \d+ assertions, 0 failures, 0 errors, 0 skips/);
    expect(unit.output).not.toMatch(/warning:/);
  });

  it('passes its integration tests against the gateway while another writer ingests', async () => {
    const writer = scenario.startWriter();
    const result = await ruby(['test/integration/gateway_test.rb'], scenario.env);
    const acked = await writer.stop();
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/9 runs, \d+ assertions, 0 failures, 0 errors, 0 skips/);
    await checkWalk(scenario, acked);
  });

  it('answers a 429 by waiting Retry-After and then succeeds', async () => {
    const result = await rateLimitRun;
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/429 retry-after \d+ s, succeeded after \d+\.\d s/);
    expect(result.output).toMatch(/1 runs, \d+ assertions, 0 failures, 0 errors, 0 skips/);
  }, 180_000);

  it('runs its README example as printed (but for the key)', async () => {
    const example = quickExample(await readFile(join(SDK_DIR, 'README.md'), 'utf8'), 'ruby');
    const script = join(scenario.dir, 'quick_example.rb');
    await writeFile(script, example.replace(DOCUMENT_KEY, scenario.env.MESH_TRACE_API_KEY!));
    const result = await ruby([script], { MESH_TRACE_BASE_URL: scenario.env.MESH_TRACE_BASE_URL!, MESH_TRACE_API_KEY: '' });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(scenario.fixture.quick_example.map((t) => `${t.trace_id} — ${t.duration_ms}ms`));
  });

  it('runs the repository README’s example with the key from MESH_TRACE_API_KEY', async () => {
    const script = join(scenario.dir, 'root_readme_example.rb');
    await writeFile(script, await rootReadmeExample('ruby'));
    const result = await ruby([script], scenario.env);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(scenario.fixture.quick_example.map((t) => `${t.trace_id} — ${t.duration_ms}ms`));
  });
});
