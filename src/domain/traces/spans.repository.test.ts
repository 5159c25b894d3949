import { BSON, MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import type { AnyValue, KeyValue } from '../../otlp/otlp.types.js';
import type { Span } from './span.js';
import { SPANS_PER_WRITE, SpansRepository, toSpanDocuments } from './spans.repository.js';

/** What the store takes per command; each write batch must stay well below it. */
const STORE_COMMAND_LIMIT = 16 * 1024 * 1024;
const tenant = { org: 'o'.repeat(63), env: 'live' as const };
// Never connected: writeBatches only plans.
const repository = new SpansRepository(new MongoClient('mongodb://127.0.0.1:9').db('unused'));

function span(i: number, overrides: Partial<Span> = {}): Span {
  return {
    traceId: (i + 1).toString(16).padStart(32, '0'),
    spanId: (i + 1).toString(16).padStart(16, '0'),
    traceState: '',
    parentSpanId: null,
    flags: 0,
    name: 'op',
    kind: 1,
    startTimeUnixNano: 1_800_000_000_000_000_000n,
    endTimeUnixNano: 1_800_000_000_001_000_000n,
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

/** Values whose BSON form is larger than their text: 3-byte UTF-8 characters, int64, nested arrays and kvlists. */
function heavyAttributes(n: number, width: number): KeyValue[] {
  const values: AnyValue[] = [
    { type: 'string', value: '€'.repeat(width) },
    { type: 'int', value: 1n },
    { type: 'array', values: [{ type: 'int', value: 2n }, { type: 'double', value: 0.5 }, { type: 'empty' }] },
    { type: 'kvlist', values: [{ key: 'k', value: { type: 'bool', value: true } }] },
    { type: 'bytes', value: new Uint8Array(width) },
  ];
  return Array.from({ length: n }, (_, i) => ({ key: `a${i}`, value: values[i % values.length]! }));
}

function bsonBytes(spans: readonly Span[]): number {
  return toSpanDocuments(tenant, spans).reduce((n, doc) => n + BSON.calculateObjectSize(doc), 0);
}

describe('SpansRepository.writeBatches', () => {
  it(`cuts a large request into batches of ${SPANS_PER_WRITE} spans, in order`, () => {
    const spans = Array.from({ length: 2_500 }, (_, i) => span(i));
    const batches = repository.writeBatches(spans);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(batches.flat()).toEqual(spans);
  });

  it('keeps each trace in one batch when a request groups its spans by resource, as OTLP does', () => {
    // 300 traces of 10 spans, one span per service: the request lists service by service.
    const spans = Array.from({ length: 10 }, (_, svc) =>
      Array.from({ length: 300 }, (_, t) => span(t, { spanId: `${svc}`.padStart(16, '0'), serviceName: `svc-${svc}` })),
    ).flat();
    const batches = repository.writeBatches(spans);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 1000]);
    for (const batch of batches) {
      const traceIds = new Set(batch.map((s) => s.traceId));
      expect(batches.filter((other) => other !== batch && other.some((s) => traceIds.has(s.traceId)))).toEqual([]);
    }
    expect(new Set(batches.flat())).toEqual(new Set(spans));
  });

  it('splits a trace larger than a batch', () => {
    const spans = Array.from({ length: 2_500 }, (_, i) => span(0, { spanId: String(i).padStart(16, '0') }));
    expect(repository.writeBatches([span(1), ...spans]).map((b) => b.length)).toEqual([1, 1000, 1000, 500]);
  });

  it('bounds the bytes of a batch when a shared resource is replicated into every span document', () => {
    const resource = { attributes: heavyAttributes(1024, 400), droppedAttributesCount: 0, schemaUrl: '' };
    const spans = Array.from({ length: 200 }, (_, i) => span(i, { resource }));
    const batches = repository.writeBatches(spans);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(bsonBytes(batch)).toBeLessThan(STORE_COMMAND_LIMIT / 2);
  });

  it('never underestimates a document, whatever its values', () => {
    const wide = '€'.repeat(20_000);
    const heavy: Partial<Span>[] = [
      { attributes: heavyAttributes(100, 2000), name: wide, status: { code: 2, message: wide } },
      {
        events: Array.from({ length: 20 }, () => ({
          timeUnixNano: 1n,
          name: wide,
          attributes: heavyAttributes(10, 500),
          droppedAttributesCount: 0,
        })),
        links: Array.from({ length: 20 }, (_, i) => ({
          traceId: 'a'.repeat(32),
          spanId: String(i).padStart(16, '0'),
          traceState: wide.slice(0, 1000),
          attributes: heavyAttributes(10, 500),
          droppedAttributesCount: 0,
          flags: 1,
        })),
      },
      {
        serviceName: wide,
        serviceNamespace: wide,
        deploymentEnvironment: wide,
        serviceVersion: wide,
        cluster: wide,
        scope: { name: wide, version: wide, attributes: heavyAttributes(20, 2000), droppedAttributesCount: 0, schemaUrl: wide },
      },
    ];
    // Enough copies of each for batches to be cut by bytes: an underestimate would let a batch grow past the bound.
    for (const overrides of heavy) {
      const batches = repository.writeBatches(Array.from({ length: 40 }, (_, i) => span(i, overrides)));
      expect(batches.length).toBeGreaterThan(2);
      for (const batch of batches) expect(bsonBytes(batch)).toBeLessThanOrEqual(4 * 1024 * 1024);
    }
  });
});
