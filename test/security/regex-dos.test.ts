import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { postOtlpJson } from '../helpers/otlp.js';
import { rest, type ErrorBody } from '../helpers/rest.js';

/**
 * Findings 1 and 6 of issue #16. A read key's `p MATCHES "^(.|.)*\1!x$"` kept
 * a store core busy for a second and more (four times longer with each two
 * characters); `MATCHES "a{"` and `"\c"`, valid JavaScript, reached the store,
 * which rejected them with a 500 carrying its own message. MATCHES now takes a
 * subset of RE2 that backtracking engines run in linear time, refuses the rest
 * with a 400 naming the pattern, and sends the store only patterns of the
 * gateway's own making (test/fuzz/regex-store.fuzz.test.ts runs them there).
 */
let gw: TestGateway;
let readKey: string;
const now = Date.now();
const window = { from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 60_000).toISOString() };

beforeAll(async () => {
  // development is the default NODE_ENV, where the store's message used to be shown.
  gw = await startTestGateway({ NODE_ENV: 'development' });
  readKey = (await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'] })).key;
  const res = await postOtlpJson(gw.baseUrl, gw.apiKey, [
    { name: 'op', startMs: now - 1_000, durationMs: 5, attributes: { p: 'aaaaaaaaaaaaaaaaaaaaaa' } },
  ]);
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await gw.close();
});

/** A search expression with `pattern` as a MATCHES literal (quotes and backslashes escaped for the search language). */
const matches = (pattern: string) => `p MATCHES ${JSON.stringify(pattern)}`;

async function searchGraphql(pattern: string) {
  return gw.graphql<{ searchTraces: { totalCount: number } }>(
    'query ($q: String!, $from: DateTime!, $to: DateTime!) { searchTraces(query: $q, from: $from, to: $to) { totalCount } }',
    { q: matches(pattern), ...window },
    readKey,
  );
}

function searchRest(pattern: string) {
  return rest<ErrorBody>(gw, 'POST', '/v1/traces/search', {
    key: readKey,
    body: { query: matches(pattern), start_time: window.from, end_time: window.to },
  });
}

describe('MATCHES refuses what a backtracking engine cannot run in linear time', () => {
  for (const pattern of ['^(.|.)*\\1!x$', '(a|a)*b', '^(a+)+$', '^\\d*\\d*\\d*!', '^a?a?a?a?a?a?a?a?a?a?a?a?aaaaaaaaaaaa$']) {
    it(`answers 400 naming ${pattern} on GraphQL and REST, for a read key`, async () => {
      const graphql = await searchGraphql(pattern);
      expect(graphql.status).toBe(200);
      const [error] = graphql.body.errors ?? [];
      expect(error?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'query' });
      expect(error?.message).toContain(`Invalid regular expression ${JSON.stringify(pattern)}`);
      const res = await searchRest(pattern);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_parameter', param: 'query' });
      expect(res.body.error.message).toContain(JSON.stringify(pattern));
    });
  }
});

describe('MATCHES sends the store nothing it would reject', () => {
  for (const pattern of ['a{', '\\c', 'a{,3}', '[]', '\\k<x>']) {
    it(`answers ${pattern} with a 400 of the gateway's own, never a 500 from the store`, async () => {
      const graphql = await searchGraphql(pattern);
      const [error] = graphql.body.errors ?? [];
      expect(error?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'query' });
      expect(error?.message).not.toMatch(/PatternSyntax|Illegal|Unexpected error|internal/i);
      const res = await searchRest(pattern);
      expect(res.status).toBe(400);
    });
  }
});
