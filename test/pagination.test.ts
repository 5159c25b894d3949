import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { hex, postOtlpJson, type SimpleSpan } from './helpers/otlp.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

const PAGE = `query($first: Int!, $after: String, $orderBy: TraceOrderBy) {
  traces(first: $first, after: $after, orderBy: $orderBy) { pageInfo { hasNextPage endCursor } edges { node { traceId } } }
}`;

interface Page {
  traces: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { traceId: string } }[] };
}

function randomRoots(n: number, now: number, sameStartEvery = 0): SimpleSpan[] {
  return Array.from({ length: n }, (_, i) => ({
    traceId: hex(16),
    // Some traces share a start millisecond, so the trace id tie-break is exercised too.
    startMs: sameStartEvery > 0 && i % sameStartEvery === 0 ? now - 30 * 60_000 : now - Math.floor(Math.random() * 50 * 60_000),
    durationMs: Math.floor(Math.random() * 2000),
    name: 'GET /',
  }));
}

describe('traces pagination', () => {
  for (const orderBy of [
    { field: 'START_TIME', direction: 'DESC' },
    { field: 'DURATION', direction: 'ASC' },
  ]) {
    it(`walks every page (${orderBy.field} ${orderBy.direction}) while another writer ingests: none twice, none skipped`, async () => {
      const now = Date.now();
      const existing = randomRoots(150, now, 7);
      for (let i = 0; i < existing.length; i += 50)
        expect((await postOtlpJson(gw.baseUrl, gw.apiKey, existing.slice(i, i + 50))).status).toBe(200);

      let writing = true;
      const writer = (async () => {
        while (writing) {
          expect((await postOtlpJson(gw.baseUrl, gw.apiKey, randomRoots(5, now))).status).toBe(200);
        }
      })();

      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 1000; pages++) {
        const { body }: { body: { data?: Page; errors?: unknown } } = await gw.graphql<Page>(PAGE, { first: 13, after, orderBy });
        expect(body.errors).toBeUndefined();
        seen.push(...body.data!.traces.edges.map((e) => e.node.traceId));
        if (!body.data!.traces.pageInfo.hasNextPage) break;
        after = body.data!.traces.pageInfo.endCursor;
      }
      writing = false;
      await writer;

      expect(new Set(seen).size).toBe(seen.length);
      const seenSet = new Set(seen);
      expect(existing.filter((s) => !seenSet.has(s.traceId!))).toEqual([]);
    });
  }

  it('rejects a cursor from another organization as invalid instead of paging its data', async () => {
    const { body } = await gw.graphql<Page>(PAGE, { first: 1 });
    const cursor = body.data!.traces.pageInfo.endCursor!;
    const other = await gw.app.services.auth.createKey({ org: 'other-org', env: 'live', permissions: ['read'] });
    const res = await gw.graphql<Page>(PAGE, { first: 1, after: cursor }, other.key);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('invalid_parameter');
    expect(res.body.errors?.[0]?.extensions?.param).toBe('after');
  });
});
