import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';

/**
 * GET /v1/openapi.json as client generators and API linters take it: the
 * live document linted by Redocly's CLI with its recommended ruleset, and a
 * TypeScript client generated from it by openapi-typescript, type-checked in
 * strict mode together with code that uses it (the /v1, Mackerel, Jaeger and
 * Tempo routes and OTLP ingest, all in the one document).
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  // Redocly's CLI reports usage to its vendor unless told not to: tests stay on loopback.
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', DO_NOT_TRACK: '1' };
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
  });
}

/** Code a client of the generated types writes: it compiles only if the types say what the API answers. */
const USAGE = `import type { components, paths } from './client.js';

type TraceList = paths['/v1/traces']['get']['responses'][200]['content']['application/json'];
type AttributeValue = components['schemas']['AttributeValue'];
type OtlpRequest = paths['/v1/traces']['post']['requestBody']['content']['application/json'];
type RuleId = paths['/v1/alerts/rules/{id}']['get']['parameters']['path']['id'];
type MackerelList = paths['/api/v0/traces']['post']['responses'][200]['content']['application/json'];

export const list: TraceList = { traces: [], next_cursor: null, total_matched: 0 };
export const nested: AttributeValue[] = ['text', 9007199254740993, '9007199254740993', true, null, [1, [2, 'x']], { k: { n: 1 } }];
export const request: OtlpRequest = {
  resourceSpans: [{ scopeSpans: [{ spans: [{
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', startTimeUnixNano: '1773562961003000000',
    attributes: [{ key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { kvlistValue: { values: [] } }] } } }],
  }] }] }],
};
export const rule: RuleId = 'alert_rule_7f3a8b2e';
export const page: MackerelList = { results: [], hasNextPage: false };
// @ts-expect-error a REST attribute value is rendered three levels deep at most
export const tooDeep: AttributeValue = [[[1]]];
// @ts-expect-error total_matched is a number
export const wrong: TraceList = { traces: [], next_cursor: null, total_matched: '0' };
`;

let gw: TestGateway;
let dir: string;

beforeAll(async () => {
  gw = await startTestGateway();
  dir = await mkdtemp(join(tmpdir(), 'mesh-openapi-'));
  const res = await fetch(`${gw.baseUrl}/v1/openapi.json`);
  expect(res.status).toBe(200);
  await writeFile(join(dir, 'openapi.json'), await res.text());
});
afterAll(async () => {
  await gw.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /v1/openapi.json for client generators and linters', () => {
  it("passes Redocly's recommended ruleset without an error or a warning", async () => {
    const lint = await run(bin('redocly'), ['lint', '--extends', 'recommended', '--format', 'json', 'openapi.json'], dir);
    const report = JSON.parse(lint.stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string }[];
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(lint.code).toBe(0);
  });

  it('generates a TypeScript client with openapi-typescript that type-checks in strict mode, with code using it', async () => {
    const generated = await run(bin('openapi-typescript'), ['openapi.json', '--output', 'client.d.ts'], dir);
    expect(generated.code, generated.stderr).toBe(0);
    await writeFile(join(dir, 'usage.ts'), USAGE);
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          // The repository's own compiler checks (tsconfig.json), and exact optional properties on top.
          strict: true,
          noUncheckedIndexedAccess: true,
          noUnusedLocals: true,
          noImplicitOverride: true,
          noFallthroughCasesInSwitch: true,
          exactOptionalPropertyTypes: true,
          isolatedModules: true,
          verbatimModuleSyntax: true,
          noEmit: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          skipLibCheck: false,
        },
        files: ['client.d.ts', 'usage.ts'],
      }),
    );
    const checked = await run(bin('tsc'), ['-p', 'tsconfig.json'], dir);
    expect(`${checked.stdout}${checked.stderr}`).toBe('');
    expect(checked.code).toBe(0);
  });
});
