/**
 * `npm run seed -- [--url URL] [--key KEY] [--traces N] [--seed S]`: sends a burst of demo traces,
 * backdated over the last hour, to a running gateway through the real OTel SDK and OTLP/HTTP.
 */
import { parseArgs } from 'node:util';
import { emitDemoTraces } from '../src/demo/demo-traffic.js';

const USAGE = 'usage: npm run seed -- [--url http://127.0.0.1:4000] [--key mtk_live_…] [--traces 200] [--seed N]';

function fail(message: string, exitCode: number): never {
  console.error(`seed: ${message}`);
  process.exit(exitCode);
}

function integerOption(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) fail(`--${name} must be an integer >= ${min}, got "${raw}"\n${USAGE}`, 2);
  return value;
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        url: { type: 'string' },
        key: { type: 'string' },
        traces: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
}

function parseOptions(): { url: string; key: string; traces: number; seed: number | undefined } {
  const values = readArgs();
  if (values.help === true) {
    console.log(USAGE);
    process.exit(0);
  }
  const key = values.key || process.env.MESH_API_KEY || process.env.MESH_BOOTSTRAP_API_KEY;
  if (!key) {
    fail(`no API key: pass --key or set MESH_API_KEY or MESH_BOOTSTRAP_API_KEY\n${USAGE}`, 2);
  }
  return {
    url: values.url ?? `http://127.0.0.1:${process.env.PORT ?? 4000}`,
    key,
    traces: values.traces === undefined ? 200 : integerOption('traces', values.traces, 1),
    seed: values.seed === undefined ? undefined : integerOption('seed', values.seed, 0),
  };
}

const options = parseOptions();
const startedAt = performance.now();
try {
  const result = await emitDemoTraces({ baseUrl: options.url, apiKey: options.key, traces: options.traces, seed: options.seed });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`seeded ${result.traces} traces (${result.spans} spans) into ${options.url} in ${seconds}s`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 1);
}
