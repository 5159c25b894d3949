import { randomBytes } from 'node:crypto';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DRIVER_OPTIONS } from '../../db/client.js';
import type { Span } from './span.js';
import { SpansRepository } from './spans.repository.js';
import { TracesRepository } from './traces.repository.js';

/**
 * Trace summaries as ingest writes them: one insert for the traces of a batch
 * that are new, one upsert per trace for those that exist, and exact span
 * counts and durations however a trace is split over batches, concurrent or
 * re-sent.
 */
let client: MongoClient;
let traces: TracesRepository;
const commands: CommandStartedEvent[] = [];
const tenant = { org: 'summaries', env: 'live' as const };
const dbName = `t_${randomBytes(8).toString('hex')}`;

beforeAll(async () => {
  client = new MongoClient(inject('mongoUri'), { ...DRIVER_OPTIONS, monitorCommands: true });
  await client.connect();
  client.on('commandStarted', (e) => commands.push(e));
  const db = client.db(dbName);
  traces = new TracesRepository(db, new SpansRepository(db));
});

afterAll(async () => {
  await client.db(dbName).dropDatabase();
  await client.close();
});

const resource = { attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
const scope = { name: 'test', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' };

/** Span `i` of a trace: span 0 is the root; starts 1 ms apart, each lasting 5 ms + i µs; every 7th fails. */
function span(traceId: string, i: number): Span {
  const start = 1_800_000_000_000_000_000n + BigInt(i) * 1_000_000n;
  return {
    traceId,
    spanId: (i + 1).toString(16).padStart(16, '0'),
    traceState: '',
    parentSpanId: i === 0 ? null : '0000000000000001',
    flags: 0,
    name: `op-${i}`,
    kind: 2,
    startTimeUnixNano: start,
    endTimeUnixNano: start + 5_000_000n + BigInt(i) * 1_000n,
    attributes: [],
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: i % 7 === 3 ? 2 : 0, message: '' },
    resource,
    scope,
    serviceName: `svc-${i % 3}`,
    serviceNamespace: i % 2 === 0 ? 'shop' : null,
    deploymentEnvironment: null,
    serviceVersion: null,
    cluster: 'c1',
    issueFingerprint: null,
  };
}

function expected(spans: readonly Span[]) {
  const start = spans.reduce((m, s) => (s.startTimeUnixNano < m ? s.startTimeUnixNano : m), spans[0]!.startTimeUnixNano);
  const end = spans.reduce((m, s) => (s.endTimeUnixNano > m ? s.endTimeUnixNano : m), spans[0]!.endTimeUnixNano);
  return {
    spanCount: spans.length,
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    durationNs: end - start,
    errorCount: spans.filter((s) => s.status.code === 2).length,
    status: spans.some((s) => s.status.code === 2) ? 'error' : 'unset',
  };
}

describe('TracesRepository.applySpans', () => {
  it('writes a trace that arrives in one batch with one insert, complete from that write', async () => {
    const traceId = randomBytes(16).toString('hex');
    const spans = Array.from({ length: 12 }, (_, i) => span(traceId, i));
    commands.length = 0;
    await traces.applySpans(tenant, spans);
    expect(commands.map((c) => c.commandName)).toEqual(['insert']);
    expect(commands[0]!.command.documents).toHaveLength(1);
    const [summary] = await traces.findByIds(tenant, [traceId]);
    expect(summary).toMatchObject({ ...expected(spans), rootSpanId: '0000000000000001', rootOperation: 'op-0' });
    expect([...summary!.services].sort()).toEqual(['svc-0', 'svc-1', 'svc-2']);
    expect(summary!.namespaces).toEqual(['shop']);
  });

  it('folds the later batches of a trace it wrote into the summary, which ends as the one a single insert writes', async () => {
    const whole = randomBytes(16).toString('hex');
    const split = randomBytes(16).toString('hex');
    await traces.applySpans(
      tenant,
      Array.from({ length: 12 }, (_, i) => span(whole, i)),
    );
    const spans = Array.from({ length: 12 }, (_, i) => span(split, i));
    await traces.applySpans(tenant, spans.slice(0, 6));
    commands.length = 0;
    await traces.applySpans(tenant, spans.slice(6));
    // Remembered as written: an upsert, the read-back of the summary it did not create, the derived fields.
    expect(commands.map((c) => c.commandName)).toEqual(['update', 'find', 'update']);
    const raw = client.db(dbName).collection('traces');
    const shape = async (traceId: string) => {
      const { _id, traceId: _traceId, ...fields } = (await raw.findOne({ traceId }))!;
      return fields;
    };
    expect(await shape(split)).toEqual(await shape(whole));
  });

  it('counts a trace split over concurrent batches exactly, and re-sent batches change nothing', async () => {
    const traceId = randomBytes(16).toString('hex');
    const spans = Array.from({ length: 40 }, (_, i) => span(traceId, i));
    // The root arrives last, as SDKs export it; the batches race each other.
    const batches = Array.from({ length: 8 }, (_, b) => spans.filter((_s, i) => (39 - i) % 8 === b));
    await Promise.all(batches.map((batch) => traces.applySpans(tenant, batch)));
    expect((await traces.findByIds(tenant, [traceId]))[0]).toMatchObject(expected(spans));

    // A retrying exporter: the same spans again, re-split and concurrent.
    await Promise.all([
      traces.applySpans(tenant, spans.slice(0, 25)),
      traces.applySpans(tenant, spans.slice(10)),
      traces.applySpans(tenant, spans),
    ]);
    expect((await traces.findByIds(tenant, [traceId]))[0]).toMatchObject(expected(spans));
  });

  it('completes a summary whose later batch brings an earlier start and a later end', async () => {
    const traceId = randomBytes(16).toString('hex');
    const spans = Array.from({ length: 10 }, (_, i) => span(traceId, i));
    await traces.applySpans(tenant, spans.slice(3, 6));
    await traces.applySpans(tenant, [...spans.slice(0, 3), ...spans.slice(6)]);
    expect((await traces.findByIds(tenant, [traceId]))[0]).toMatchObject(expected(spans));
  });
});
