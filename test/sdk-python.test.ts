import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickExample, rootReadmeExample } from './helpers/readme-examples.js';
import { checkWalk, runTool, startSdkScenario, type SdkScenario, type ToolRun } from './helpers/sdk-scenario.js';

/*
 * The Python library (sdk/python) as a user gets it: `pip install` of the
 * package into a fresh virtual environment (pytest comes from the system
 * site-packages, installed by scripts/test-deps.sh, so nothing is downloaded
 * here), then its own unit and integration tests run by pytest against a real
 * gateway, and the REST document's quick example run as printed.
 */

const SDK_DIR = fileURLToPath(new URL('../sdk/python/', import.meta.url));
const DOCUMENT_KEY = 'mtk_live_a1b2c3...';

let scenario: SdkScenario;
let python: string;
let copy: string;
let rateLimitRun: Promise<ToolRun>;

const pytest = (args: string[], env: Record<string, string> = {}) =>
  runTool(python, ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', ...args], { cwd: copy, env: { ...scenario.env, ...env } });

beforeAll(async () => {
  scenario = await startSdkScenario('python');
  // A copy, so that the in-tree build pip makes leaves nothing in the repository.
  copy = join(scenario.dir, 'python');
  await cp(SDK_DIR, copy, { recursive: true, filter: (path) => !/(__pycache__|\.egg-info|[\\/]build)$/.test(path) });
  const venv = join(scenario.dir, 'venv');
  const created = await runTool('python3', ['-m', 'venv', '--system-site-packages', venv]);
  expect(created.code, created.output).toBe(0);
  python = join(venv, 'bin', 'python');
  const installed = await runTool(python, [
    '-m',
    'pip',
    'install',
    '--no-build-isolation',
    '--no-index',
    '--disable-pip-version-check',
    copy,
  ]);
  expect(installed.code, installed.output).toBe(0);
  // The 429 test waits out a real Retry-After (up to a minute): it runs beside the others.
  rateLimitRun = pytest(['-s', 'tests/integration/test_rate_limit.py']);
}, 300_000);

afterAll(async () => {
  await rateLimitRun?.catch(() => undefined);
  await scenario?.close();
});

describe('sdk/python (mesh-trace)', () => {
  it('installs with pip and passes its unit tests', async () => {
    const show = await runTool(python, ['-m', 'pip', 'show', 'mesh-trace']);
    expect(show.output).toMatch(/^Name: mesh-trace$/m);
    const unit = await pytest(['tests/unit']);
    expect(unit.code, unit.output).toBe(0);
    expect(unit.output).toMatch(/\d+ passed/);
    expect(unit.output).not.toMatch(/skipped|failed|error/i);
  });

  it('passes its integration tests against the gateway while another writer ingests', async () => {
    const writer = scenario.startWriter();
    const result = await pytest(['tests/integration/test_gateway.py']);
    const acked = await writer.stop();
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/9 passed/);
    expect(result.output).not.toMatch(/skipped|failed/);
    await checkWalk(scenario, acked);
  });

  it('answers a 429 by waiting Retry-After and then succeeds', async () => {
    const result = await rateLimitRun;
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/429 retry-after \d+ s, succeeded after \d+\.\d s/);
    expect(result.output).toMatch(/1 passed/);
  }, 180_000);

  it('runs the REST document’s quick example, verbatim but for the key, and prints the traces', async () => {
    const example = await readFile(new URL('fixtures/python-quick-example.py', import.meta.url), 'utf8');
    expect(quickExample(await readFile(join(SDK_DIR, 'README.md'), 'utf8'), 'python')).toBe(example);
    const script = join(scenario.dir, 'quick_example.py');
    await writeFile(script, example.replace(DOCUMENT_KEY, scenario.env.MESH_TRACE_API_KEY!));
    const result = await runTool(python, [script], {
      env: { MESH_TRACE_BASE_URL: scenario.env.MESH_TRACE_BASE_URL!, MESH_TRACE_API_KEY: '' },
    });
    expect(result.code, result.output).toBe(0);
    expect(result.output.trim().split('\n')).toEqual(scenario.fixture.quick_example.map((t) => `${t.trace_id} — ${t.duration_ms}ms`));
  });

  it('runs the repository README’s example with the key from MESH_TRACE_API_KEY', async () => {
    const script = join(scenario.dir, 'root_readme_example.py');
    await writeFile(script, await rootReadmeExample('python'));
    const result = await runTool(python, [script], { env: scenario.env });
    expect(result.code, result.output).toBe(0);
    expect(result.output.trim().split('\n')).toEqual(scenario.fixture.quick_example.map((t) => `${t.trace_id} — ${t.duration_ms}ms`));
  });
});
