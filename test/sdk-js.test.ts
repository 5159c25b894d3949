import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium } from './helpers/chromium.js';
import { checkWalk, runTool, startSdkScenario, type SdkScenario, type ToolRun } from './helpers/sdk-scenario.js';
import { quickExample, rootReadmeExample } from './helpers/readme-examples.js';

/*
 * The JS/TypeScript library (sdk/js, @mesh-trace/sdk) as a user gets it:
 * `npm pack` + `npm install` of the tarball into a fresh project, then its own
 * unit and integration tests (node:test) against a real gateway, its README
 * example, a TypeScript consumer, and the same library loaded by headless
 * Chromium. Also: the committed dist/ is what tsc builds from src/, and the
 * library's types match the types openapi-typescript generates from the
 * gateway's /v1/openapi.json.
 */

const SDK_DIR = fileURLToPath(new URL('../sdk/js/', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SDK_BIN = join(SDK_DIR, 'node_modules', '.bin');
const DOCUMENT_KEY = 'mtk_live_a1b2c3...';

let scenario: SdkScenario;
let consumer: string;
let rateLimitRun: Promise<ToolRun>;

const nodeTest = (file: string) =>
  runTool(process.execPath, ['--test', '--test-reporter=spec', file], { cwd: consumer, env: scenario.env });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length))
    .sort();
}

beforeAll(async () => {
  if (!existsSync(join(SDK_BIN, 'openapi-typescript')))
    throw new Error("sdk/js's development dependencies are missing: run scripts/test-deps.sh (npm ci --prefix sdk/js)");
  scenario = await startSdkScenario('js');
  const packed = await runTool('npm', ['pack', '--pack-destination', scenario.dir], { cwd: SDK_DIR });
  expect(packed.code, packed.output).toBe(0);
  const tarball = join(scenario.dir, packed.stdout.trim().split('\n').at(-1)!.trim());
  consumer = join(scenario.dir, 'consumer');
  await mkdir(join(consumer, 'test'), { recursive: true });
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module' }));
  const installed = await runTool('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: consumer });
  expect(installed.code, installed.output).toBe(0);
  for (const file of ['integration.test.js', 'rate-limit.test.js', 'fixture.js'])
    await cp(join(SDK_DIR, 'test', file), join(consumer, 'test', file));
  // The 429 test waits out a real Retry-After (up to a minute): it runs beside the others.
  rateLimitRun = nodeTest('test/rate-limit.test.js');
}, 300_000);

afterAll(async () => {
  await rateLimitRun?.catch(() => undefined);
  await scenario?.close();
});

describe('sdk/js (@mesh-trace/sdk)', () => {
  it('ships the dist/ that tsc builds from src/ (ESM and declarations)', async () => {
    const out = join(scenario.dir, 'build');
    const built = await runTool(join(SDK_BIN, 'tsc'), ['-p', join(SDK_DIR, 'tsconfig.json'), '--outDir', out]);
    expect(built.code, built.output).toBe(0);
    const committed = join(SDK_DIR, 'dist');
    const names = await filesUnder(out);
    expect(await filesUnder(committed)).toEqual(names);
    expect(names).toContain('/index.d.ts');
    for (const name of names)
      expect(await readFile(join(committed, name), 'utf8'), `dist${name} is stale: npm run build in sdk/js`).toBe(
        await readFile(join(out, name), 'utf8'),
      );
  });

  it('has the types openapi-typescript generates from /v1/openapi.json, for every /v1 route and schema', async () => {
    const document = (await (await fetch(`${scenario.gw.baseUrl}/v1/openapi.json`)).json()) as OpenApi;
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1/') && path !== '/v1/openapi.json')
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, id: op.operationId })),
      )
      // OTLP ingest is for OpenTelemetry exporters, not this library.
      .filter((op) => op.route !== 'POST /v1/traces');
    expect(Object.fromEntries(operations.map((op) => [op.route, op.id]))).toEqual(ROUTES);
    // The schemas of the other API families in the document (Mackerel's, Jaeger's, Tempo's) and OTLP ingest's are not this library's.
    const schemas = Object.keys(document.components.schemas).filter((name) => !/^(Mackerel|Jaeger|Tempo|Otlp)/.test(name));
    expect(schemas.sort()).toEqual(Object.keys(SCHEMAS).sort());

    const dir = join(scenario.dir, 'types');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
    const generated = await runTool(join(SDK_BIN, 'openapi-typescript'), [join(dir, 'openapi.json'), '-o', join(dir, 'openapi.ts')]);
    expect(generated.code, generated.output).toBe(0);
    await writeFile(join(dir, 'check.ts'), typeCheck(join(SDK_DIR, 'src', 'types.js')));
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          types: [],
          skipLibCheck: false,
        },
        files: ['check.ts'],
      }),
    );
    const checked = await runTool(join(SDK_BIN, 'tsc'), ['-p', join(dir, 'tsconfig.json')]);
    expect(checked.output.split('\n').filter((line) => /error TS\d+/.test(line))).toEqual([]);
    expect(checked.code, checked.output).toBe(0);
  });

  it('passes its unit tests', async () => {
    const unit = await runTool(process.execPath, ['--test', '--test-reporter=spec', 'test/unit.test.js'], { cwd: SDK_DIR });
    expect(unit.code, unit.output).toBe(0);
    expect(unit.output).toMatch(/ℹ pass 25\b/);
    expect(unit.output).toMatch(/ℹ fail 0\b/);
  });

  it('installs from npm pack and passes its integration tests while another writer ingests', async () => {
    const manifest = JSON.parse(await readFile(join(consumer, 'node_modules', '@mesh-trace', 'sdk', 'package.json'), 'utf8')) as {
      name: string;
    };
    expect(manifest.name).toBe('@mesh-trace/sdk');
    const writer = scenario.startWriter();
    const result = await nodeTest('test/integration.test.js');
    const acked = await writer.stop();
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/ℹ pass 9\b/);
    expect(result.output).toMatch(/ℹ skipped 0\b/);
    await checkWalk(scenario, acked);
  });

  it('answers a 429 by waiting Retry-After and then succeeds', async () => {
    const result = await rateLimitRun;
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/429 retry-after \d+ s, succeeded after \d+\.\d s/);
    expect(result.output).toMatch(/ℹ pass 1\b/);
  }, 180_000);

  it('runs its README example as printed (but for the key) and type-checks it as TypeScript', async () => {
    const example = quickExample(await readFile(join(SDK_DIR, 'README.md'), 'utf8'), 'js');
    const script = join(consumer, 'example.mjs');
    await writeFile(script, example.replace(DOCUMENT_KEY, scenario.env.MESH_TRACE_API_KEY!));
    const result = await runTool(process.execPath, [script], {
      cwd: consumer,
      env: { MESH_TRACE_BASE_URL: scenario.env.MESH_TRACE_BASE_URL!, MESH_TRACE_API_KEY: '' },
    });
    expect(result.code, result.output).toBe(0);
    expect(result.output.trim().split('\n')).toEqual(scenario.fixture.quick_example.map((t) => `${t.trace_id} — ${t.duration_ms}ms`));

    await writeFile(join(consumer, 'example.ts'), example);
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          types: [],
        },
        files: ['example.ts'],
      }),
    );
    const typed = await runTool(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(consumer, 'tsconfig.json')]);
    expect(typed.code, typed.output).toBe(0);
  });

  it('runs the repository README’s example with the key from MESH_TRACE_API_KEY', async () => {
    const script = join(consumer, 'root-readme-example.mjs');
    await writeFile(script, await rootReadmeExample('js'));
    const result = await runTool(process.execPath, [script], { cwd: consumer, env: scenario.env });
    expect(result.code, result.output).toBe(0);
    expect(result.output.trim().split('\n')).toEqual(scenario.fixture.quick_example.map((t) => `${t.trace_id} — ${t.duration_ms}ms`));
  });

  it('works in a browser: headless Chromium loads the ESM build and pages through traces with fetch', async () => {
    if (!chromiumAvailable()) throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium)`);
    const browser = await launchChromium();
    try {
      const dist = join(consumer, 'node_modules', '@mesh-trace', 'sdk', 'dist');
      const origin = scenario.gw.baseUrl;
      // The gateway sends no CORS headers, so the page is served from its origin: Playwright answers /sdk-browser/* from the package.
      await browser.page.route(`${origin}/sdk-browser/**`, async (route) => {
        const path = new URL(route.request().url()).pathname.slice('/sdk-browser/'.length);
        if (path === 'index.html') return route.fulfill({ contentType: 'text/html', body: PAGE });
        if (extname(path) !== '.js') return route.fulfill({ status: 404 });
        return route.fulfill({ contentType: 'text/javascript', body: await readFile(join(dist, path), 'utf8') });
      });
      await browser.page.goto(`${origin}/sdk-browser/index.html`);
      await browser.page.waitForFunction(() => 'meshTrace' in window);
      const outcome = await browser.page.evaluate(
        async ({ apiKey, service, pageSize }) => {
          const sdk = (window as unknown as { meshTrace: typeof import('../sdk/js/src/index.js') }).meshTrace;
          const client = new sdk.MeshTrace({ apiKey, baseUrl: `${location.origin}/v1` });
          const ids: string[] = [];
          for await (const trace of client.traces.list({ service, limit: pageSize })) ids.push(trace.trace_id);
          const missing = await client.traces.get('ab'.repeat(16)).then(
            () => null,
            (error: unknown) => (error instanceof sdk.NotFoundError ? { status: error.status, param: error.param } : String(error)),
          );
          return { ids, missing, rateLimit: client.rateLimit };
        },
        { apiKey: scenario.env.MESH_TRACE_API_KEY!, service: scenario.fixture.walk.service, pageSize: scenario.fixture.walk.page_size },
      );
      const seeded = scenario.fixture.walk.trace_ids;
      expect(outcome.ids.slice(outcome.ids.length - seeded.length)).toEqual(seeded);
      expect(new Set(outcome.ids).size).toBe(outcome.ids.length);
      expect(outcome.missing).toEqual({ status: 404, param: 'trace_id' });
      expect(outcome.rateLimit?.limit).toBe(1000);
      // The console does list the 404 answer the page asked for; nothing may have thrown.
      expect(browser.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

/** A page that loads the library as a browser does, an ES module by URL, and hands it to the test. */
const PAGE = '<!doctype html><title>sdk</title><script type="module">import * as sdk from "./index.js"; window.meshTrace = sdk;</script>';

interface OpenApi {
  readonly paths: Record<string, Record<string, { readonly operationId: string }>>;
  readonly components: { readonly schemas: Record<string, unknown> };
}

/** Every /v1 route of the document and its operationId; the library has a method for each (README: Routes). */
const ROUTES: Record<string, string> = {
  'GET /v1/traces': 'listTraces',
  'GET /v1/traces/{trace_id}': 'getTrace',
  'POST /v1/traces/search': 'searchTraces',
  'POST /v1/nodes/{node_id}/heartbeat': 'reportHeartbeat',
  'GET /v1/nodes': 'listNodes',
  'GET /v1/nodes/{node_id}/health': 'nodeHealth',
  'GET /v1/services': 'listServices',
  'GET /v1/topology': 'topology',
  'POST /v1/alerts/rules': 'createAlertRule',
  'GET /v1/alerts/rules': 'listAlertRules',
  'GET /v1/alerts/rules/{id}': 'getAlertRule',
  'PATCH /v1/alerts/rules/{id}': 'updateAlertRule',
  'DELETE /v1/alerts/rules/{id}': 'deleteAlertRule',
};

/** Each /v1 schema of the document and the library type that must equal it. */
const SCHEMAS: Record<string, string> = {
  Error: 'ErrorEnvelope',
  TraceList: 'TraceList',
  TraceSummary: 'TraceSummary',
  Trace: 'Trace',
  Span: 'Span',
  SpanEvent: 'SpanEvent',
  AttributeValue: 'AttributeValue',
  AttributeElement: 'AttributeElement',
  AttributeScalar: 'AttributeScalar',
  Heartbeat: 'Heartbeat',
  HeartbeatAck: 'HeartbeatAck',
  NodeList: 'NodeList',
  NodeSummary: 'NodeSummary',
  NodeHealth: 'NodeHealth',
  ServiceList: 'ServiceList',
  Service: 'Service',
  Topology: 'Topology',
  CreateAlertRule: 'CreateAlertRule',
  AlertConditionInput: 'AlertConditionInput',
  AlertEdge: 'AlertEdge',
  CreatedAlertRule: 'CreatedAlertRule',
  AlertRuleList: 'AlertRuleList',
  AlertRule: 'AlertRule',
  AlertCondition: 'AlertCondition',
  UpdateAlertRule: 'UpdateAlertRule',
  AlertConditionPatch: 'AlertConditionPatch',
};

/** Parameters the library takes for an operation's query or body: it accepts every documented one and no other. */
const PARAMS: Record<string, string> = {
  "NonNullable<operations['listTraces']['parameters']['query']>": 'ListTracesParams',
  "operations['searchTraces']['requestBody']['content']['application/json']": 'SearchTracesParams',
  "NonNullable<operations['listNodes']['parameters']['query']>": 'ListNodesParams',
  "NonNullable<operations['listServices']['parameters']['query']>": 'ListServicesParams',
  "NonNullable<operations['topology']['parameters']['query']>": 'TopologyParams',
  "NonNullable<operations['listAlertRules']['parameters']['query']>": 'ListAlertRulesParams',
};

/** A TypeScript file that compiles only when the library's types and the generated ones agree. */
function typeCheck(sdkTypes: string): string {
  const check = (label: string, assertion: string) => `  ${JSON.stringify(label)}: ${assertion};`;
  const schemaChecks = Object.entries(SCHEMAS).map(([schema, type]) =>
    check(`schema ${schema} = ${type}`, `Same<sdk.${type}, components['schemas']['${schema}']>`),
  );
  const paramChecks = Object.entries(PARAMS).flatMap(([documented, type]) => [
    check(`${type} accepts ${documented}`, `Accepts<sdk.${type}, ${documented}>`),
    check(`${type} has the keys of ${documented}`, `Same<keyof sdk.${type}, keyof ${documented}>`),
  ]);
  return [
    "import type { components, operations } from './openapi.js';",
    `import type * as sdk from ${JSON.stringify(sdkTypes)};`,
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
    'type Accepts<Taken, Documented> = [Documented] extends [Taken] ? true : false;',
    '/** An error here names the check that failed. */',
    'type AllTrue<T extends Record<string, true>> = T;',
    'export type Checks = AllTrue<{',
    ...schemaChecks,
    ...paramChecks,
    '}>;',
    '',
  ].join('\n');
}
