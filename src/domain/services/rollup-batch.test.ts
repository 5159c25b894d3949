import { describe, expect, it } from 'vitest';
import type { Span } from '../traces/span.js';
import { bucketKey } from './latency-histogram.js';
import { RollupBatch } from './rollup-batch.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);

function span(overrides: Partial<Span> & { startMs: number }): Span {
  const start = BigInt(overrides.startMs) * 1_000_000n;
  return {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceState: '',
    parentSpanId: null,
    flags: 0,
    name: 'GET /',
    kind: 2,
    startTimeUnixNano: start,
    endTimeUnixNano: start + 2_000_000n,
    attributes: [],
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: 0, message: '' },
    resource: { attributes: [], droppedAttributesCount: 0, schemaUrl: '' },
    scope: { name: '', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' },
    serviceName: 'svc',
    serviceNamespace: null,
    deploymentEnvironment: null,
    serviceVersion: null,
    cluster: null,
    issueFingerprint: null,
    ...overrides,
  };
}

/** The documented id: the JSON of the identity tuple, the bucket start in epoch ms. */
const idOf = (...tuple: (string | number | null)[]) => JSON.stringify(tuple);

describe('RollupBatch', () => {
  it('names each document by the JSON of its identity tuple, whatever the names hold', () => {
    const batch = new RollupBatch({ org: 'o"1', env: 'live' });
    const odd = { serviceName: 'a","b', serviceNamespace: 'ns\\', cluster: '1:2', name: 'GET "/x"\n' };
    batch.addSpan(span({ ...odd, startMs: T0 + 5_000 }));
    batch.addEdge({ cluster: null, source: 'a","b', target: 'db:1', targetType: 'database', startMs: T0, durationNs: 10, error: true });
    expect([...batch.services.keys()].sort()).toEqual(
      [idOf('o"1', 'live', 'm', T0, '1:2', 'ns\\', 'a","b'), idOf('o"1', 'live', 'h', T0, '1:2', 'ns\\', 'a","b')].sort(),
    );
    expect([...batch.operations.keys()]).toContain(idOf('o"1', 'live', 'm', T0, '1:2', 'ns\\', 'a","b', 'GET "/x"\n'));
    expect([...batch.edges.keys()]).toContain(idOf('o"1', 'live', 'm', T0, null, 'a","b', 'db:1', 'database'));
    const service = batch.services.get(idOf('o"1', 'live', 'm', T0, '1:2', 'ns\\', 'a","b'))!;
    expect(service.identity).toEqual({ org: 'o"1', env: 'live', res: 'm', t: new Date(T0), cluster: '1:2', ns: 'ns\\', svc: 'a","b' });
  });

  it('keeps deployments apart that a plain concatenation of their names would merge', () => {
    const batch = new RollupBatch({ org: 'o', env: 'live' });
    batch.addSpan(span({ serviceName: 'c', serviceNamespace: 'ab', cluster: null, startMs: T0 }));
    batch.addSpan(span({ serviceName: 'bc', serviceNamespace: 'a', cluster: null, startMs: T0 }));
    batch.addSpan(span({ serviceName: 'c', serviceNamespace: null, cluster: 'ab', startMs: T0 }));
    expect(batch.services.size).toBe(3 * 2);
  });

  it('sums a batch into one increment per document and resolution', () => {
    const batch = new RollupBatch({ org: 'o', env: 'live' });
    for (let i = 0; i < 10; i++) {
      batch.addSpan(span({ startMs: T0 + i * 10_000, status: { code: i < 3 ? 2 : 0, message: '' } }));
      batch.addSpan(span({ startMs: T0 + i * 10_000, kind: 3, parentSpanId: 'b7ad6b7169203331' }));
    }
    const minute0 = batch.services.get(idOf('o', 'live', 'm', T0, null, null, 'svc'))!.inc;
    const minute1 = batch.services.get(idOf('o', 'live', 'm', T0 + MINUTE, null, null, 'svc'))!.inc;
    const hour = batch.services.get(idOf('o', 'live', 'h', T0, null, null, 'svc'))!.inc;
    expect(minute0).toEqual({ spans: 12, req: 6, err: 3, [`h.${bucketKey(2_000_000)}`]: 6 });
    expect(minute1).toEqual({ spans: 8, req: 4, [`h.${bucketKey(2_000_000)}`]: 4 });
    expect(hour).toEqual({ spans: 20, req: 10, err: 3, [`h.${bucketKey(2_000_000)}`]: 10 });
    expect(batch.operations.get(idOf('o', 'live', 'h', T0, null, null, 'svc', 'GET /'))!.inc.req).toBe(10);
  });
});
