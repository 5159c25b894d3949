import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickExample, rootReadmeExample } from './helpers/readme-examples.js';
import { checkWalk, runTool, startSdkScenario, type SdkScenario, type ToolRun } from './helpers/sdk-scenario.js';

/*
 * The Go library (sdk/go, module mesh-trace/sdk-go) as a user gets it: a fresh
 * module that requires it through a `replace` to ./sdk/go and `go get`, as the
 * README shows (no network: GOPROXY=off, the library needs only the standard
 * library). Its unit tests run with `go test`; its integration tests
 * (sdk/go/integration) are copied into the fresh module and run against a
 * real gateway.
 */

const SDK_DIR = fileURLToPath(new URL('../sdk/go/', import.meta.url));
const DOCUMENT_KEY = 'mtk_live_a1b2c3...';
const GO_ENV = { GOPROXY: 'off', GOFLAGS: '-mod=mod', GOWORK: 'off' };

let scenario: SdkScenario;
let consumer: string;
let testBinary: string;
let rateLimitRun: Promise<ToolRun>;

const go = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  runTool('go', args, { cwd, env: { ...GO_ENV, ...env }, timeoutMs: 400_000 });

beforeAll(async () => {
  scenario = await startSdkScenario('go');
  consumer = join(scenario.dir, 'consumer');
  await mkdir(consumer, { recursive: true });
  for (const step of [
    ['mod', 'init', 'example.com/sdk-consumer'],
    ['mod', 'edit', `-replace=mesh-trace/sdk-go=${SDK_DIR}`],
    ['get', 'mesh-trace/sdk-go'],
  ]) {
    const result = await go(step, consumer);
    expect(result.code, result.output).toBe(0);
  }
  for (const file of await readdir(join(SDK_DIR, 'integration'))) await cp(join(SDK_DIR, 'integration', file), join(consumer, file));
  testBinary = join(scenario.dir, 'integration.test');
  const compiled = await go(['test', '-c', '-o', testBinary, '.'], consumer);
  expect(compiled.code, compiled.output).toBe(0);
  // The 429 test waits out a real Retry-After (up to a minute): it runs beside the others.
  rateLimitRun = runTool(testBinary, ['-test.v', '-test.run', '^TestRetryAfter'], { cwd: consumer, env: scenario.env });
}, 480_000);

afterAll(async () => {
  await rateLimitRun?.catch(() => undefined);
  await scenario?.close();
});

describe('sdk/go (mesh-trace/sdk-go)', () => {
  it('is gofmt-clean, passes go vet and its unit tests', async () => {
    const unformatted = await runTool('gofmt', ['-l', '.'], { cwd: SDK_DIR });
    expect(unformatted.output.trim()).toBe('');
    const vet = await go(['vet', './...'], SDK_DIR);
    expect(vet.code, vet.output).toBe(0);
    const unit = await go(['test', '-count=1', '-v', '.'], SDK_DIR);
    expect(unit.code, unit.output).toBe(0);
    expect(unit.output).toMatch(/^ok\s+mesh-trace\/sdk-go/m);
    expect(unit.output).not.toMatch(/--- (FAIL|SKIP)/);
  });

  it('passes its integration tests in a module that requires it through a replace, while another writer ingests', async () => {
    const mod = await readFile(join(consumer, 'go.mod'), 'utf8');
    expect(mod).toMatch(/^replace mesh-trace\/sdk-go => /m);
    const writer = scenario.startWriter();
    const result = await runTool(testBinary, ['-test.v', '-test.skip', '^TestRetryAfter'], { cwd: consumer, env: scenario.env });
    const acked = await writer.stop();
    expect(result.code, result.output).toBe(0);
    expect(result.output.match(/^--- PASS/gm)).toHaveLength(9);
    expect(result.output).not.toMatch(/--- (FAIL|SKIP)/);
    await checkWalk(scenario, acked);
  });

  it('answers a 429 by waiting Retry-After and then succeeds', async () => {
    const result = await rateLimitRun;
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/429 retry-after \d+ s, succeeded after \d+\.\d s/);
    expect(result.output).toMatch(/^--- PASS: TestRetryAfterA429ThenSucceeds/m);
  }, 180_000);

  it('runs its README example as printed (but for the key)', async () => {
    const example = quickExample(await readFile(join(SDK_DIR, 'README.md'), 'utf8'), 'go');
    await mkdir(join(consumer, 'example'), { recursive: true });
    await writeFile(join(consumer, 'example', 'main.go'), example.replace(DOCUMENT_KEY, scenario.env.MESH_TRACE_API_KEY!));
    const result = await go(['run', './example'], consumer, {
      MESH_TRACE_BASE_URL: scenario.env.MESH_TRACE_BASE_URL!,
      MESH_TRACE_API_KEY: '',
    });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(scenario.fixture.quick_example.map((t) => `${t.trace_id} — ${t.duration_ms}ms`));
  });

  it('runs the repository README’s example with the key from MESH_TRACE_API_KEY', async () => {
    await mkdir(join(consumer, 'rootexample'), { recursive: true });
    await writeFile(join(consumer, 'rootexample', 'main.go'), await rootReadmeExample('go'));
    const result = await go(['run', './rootexample'], consumer, scenario.env);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(scenario.fixture.quick_example.map((t) => `${t.trace_id} — ${t.duration_ms}ms`));
  });
});
