import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { MAX_SPANS_PER_REQUEST } from '../src/domain/traces/span-budget.js';
import { DEFAULT_TRACE_SPANS, MAX_TRACE_SPANS } from '../src/domain/traces/traces.service.js';
import { COMPLEXITY_LIMITS } from '../src/graphql/builder.js';

/**
 * Finding 11 of issue #16: docs/auth-and-limits.md gave depth 12, breadth 250
 * and complexity 20,000 while the code enforced 16, 1,500 and 100,000. The
 * limits the documentation states are compared here with the ones the code
 * enforces, so the two cannot drift apart again.
 */
const doc = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8');
const defaults = loadConfig({});

/** Each documented setting and its default in the code, in the unit the docs state it in. */
const SETTINGS: Readonly<Record<string, number>> = {
  MESH_RATE_LIMIT_PER_MIN: defaults.rateLimitPerMin,
  MESH_WS_AUTH_RECHECK_S: defaults.wsAuthRecheckS,
  MESH_GRAPHQL_MAX_ALIASES: defaults.graphqlLimits.maxAliases,
  MESH_GRAPHQL_MAX_DIRECTIVES: defaults.graphqlLimits.maxDirectives,
  MESH_GRAPHQL_MAX_TOKENS: defaults.graphqlLimits.maxTokens,
  MESH_GRAPHQL_MAX_BATCH: defaults.graphqlLimits.maxBatch,
  MESH_GRAPHQL_MAX_BODY_BYTES: defaults.graphqlLimits.maxBodyBytes,
  MESH_GRAPHQL_MAX_RESPONSE_BYTES: defaults.graphqlLimits.maxResponseBytes,
  MESH_MAX_BODY_BYTES: defaults.maxBodyBytes,
  MESH_MAX_INGEST_INFLIGHT_BYTES: defaults.maxIngestInflightBytes,
  MESH_MAX_INGEST_INFLIGHT_BATCHES: defaults.maxIngestInflightBatches,
  MESH_STORE_TIMEOUT_MS: defaults.storeTimeoutMs,
  MESH_WS_MAX_CONNECTIONS: defaults.wsLimits.maxConnections,
  MESH_WS_MAX_UNAUTHENTICATED: defaults.wsLimits.maxUnauthenticated,
  MESH_WS_MAX_UNAUTHENTICATED_PER_ADDRESS: defaults.wsLimits.maxUnauthenticatedPerAddress,
  MESH_WS_MAX_OPERATIONS: defaults.wsLimits.maxOperations,
  MESH_WS_MAX_BUFFERED_BYTES: defaults.wsLimits.maxBufferedBytes,
  MESH_WS_INIT_TIMEOUT_MS: defaults.wsLimits.initTimeoutMs,
  MESH_SUBSCRIPTION_BUFFER: defaults.subscriptionBuffer,
  MESH_SHUTDOWN_GRACE_MS: defaults.shutdownGraceMs,
  MESH_INGEST_MAX_FUTURE_SKEW_S: defaults.ingestMaxFutureSkewS,
};

const UNITS: Readonly<Record<string, number>> = { MiB: 1024 * 1024, KiB: 1024, s: 1000, ms: 1 };

/** "1,048,576 (1 MiB)" → 1048576, "10 000" → 10000, "8 MiB" → 8388608, "5 s" → 5000 for a …_MS setting. */
function documentedNumber(text: string, setting = ''): number | null {
  const match = /^\s*(\d[\d,  ]*)\s*(MiB|KiB|ms|s)?\b/.exec(text);
  if (match === null) return null;
  const n = Number(match[1]!.replace(/[,  ]/g, ''));
  const unit = match[2];
  if (unit === undefined) return n;
  if (unit === 's' || unit === 'ms') return setting.endsWith('_MS') ? n * UNITS[unit]! : n;
  return n * UNITS[unit]!;
}

/** The rows of every Markdown table of `text`, as trimmed cells. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[-| ]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

describe('docs/auth-and-limits.md states the limits the code enforces', () => {
  const rows = tableRows(doc('auth-and-limits.md'));
  const byParam = new Map(rows.flatMap((row) => (/param: "(\w+)"/.exec(row[3] ?? '') ? [[/param: "(\w+)"/.exec(row[3]!)![1]!, row]] : [])));

  it('GraphQL limits: depth, breadth, complexity, the span budget and page, and every MESH_GRAPHQL_* limit', () => {
    const expected: Record<string, number> = {
      depth: COMPLEXITY_LIMITS.depth,
      breadth: COMPLEXITY_LIMITS.breadth,
      complexity: COMPLEXITY_LIMITS.complexity,
      spans: MAX_SPANS_PER_REQUEST,
      first: DEFAULT_TRACE_SPANS,
      aliases: defaults.graphqlLimits.maxAliases,
      directives: defaults.graphqlLimits.maxDirectives,
      tokens: defaults.graphqlLimits.maxTokens,
      batch: defaults.graphqlLimits.maxBatch,
      body: defaults.graphqlLimits.maxBodyBytes,
      response: defaults.graphqlLimits.maxResponseBytes,
    };
    const documented = Object.fromEntries(Object.keys(expected).map((param) => [param, documentedNumber(byParam.get(param)?.[1] ?? '')]));
    expect(documented).toEqual(expected);
    expect(byParam.get('first')?.[1]).toContain(`at most ${MAX_TRACE_SPANS.toLocaleString('en-US')}`);
  });

  it('the "Response size" section', () => {
    const section = doc('auth-and-limits.md').split('## Response size')[1]!.split('\n## ')[0]!;
    const n = (value: number) => value.toLocaleString('en-US');
    expect(section).toContain(`(default\n  **${n(DEFAULT_TRACE_SPANS)}**, at most **${n(MAX_TRACE_SPANS)}**)`);
    expect(section).toContain(`budget of **${n(MAX_SPANS_PER_REQUEST)} spans per`);
    expect(section).toContain(`**${defaults.graphqlLimits.maxResponseBytes / (1024 * 1024)} MiB**`);
  });
});

describe('every documented default of a MESH_* setting is the code default', () => {
  for (const name of ['auth-and-limits.md', 'operations.md']) {
    it(`docs/${name}`, () => {
      const documented: Record<string, number | null> = {};
      for (const row of tableRows(doc(name))) {
        for (const [index, cell] of row.entries()) {
          // "| `MESH_X` | 1000 | …" (settings tables) or "| … | `MESH_X` (10 000) | …" (bounds tables).
          const alone = /^`(MESH_[A-Z0-9_]+)`$/.exec(cell);
          const inline = /^`(MESH_[A-Z0-9_]+)` \(([^)]+)\)$/.exec(cell);
          if (alone !== null && row[index + 1] !== undefined && documentedNumber(row[index + 1]!, alone[1]) !== null) {
            documented[alone[1]!] = documentedNumber(row[index + 1]!, alone[1]);
          } else if (inline !== null) {
            documented[inline[1]!] = documentedNumber(inline[2]!, inline[1]);
          }
        }
      }
      expect(Object.keys(documented).length).toBeGreaterThan(5);
      const inCode = Object.fromEntries(Object.keys(documented).map((setting) => [setting, SETTINGS[setting] ?? 'not in the test']));
      expect(documented).toEqual(inCode);
    });
  }
});
