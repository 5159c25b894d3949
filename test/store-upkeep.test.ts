import { randomBytes } from 'node:crypto';
import { MongoClient, type CommandStartedEvent, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { CollectionSpec } from '../src/db/collections.js';
import { DRIVER_OPTIONS } from '../src/db/client.js';
import { TtlSweeper, ttlRules } from '../src/db/ttl-sweeper.js';
import { CapacityRepository } from '../src/domain/traces/capacity.repository.js';
import { TraceCapacity } from '../src/domain/traces/trace-capacity.js';
import { silentLogger } from '../src/logger.js';
import { randomApiKey } from './helpers/gateway.js';
import { servingIndex, shapeOf } from './helpers/index-coverage.js';
import { hex, postOtlpJson } from './helpers/otlp.js';

/**
 * The embedded store's upkeep, in process on the test store: the TTL sweeper covers every TTL index the
 * collection specs declare (so a new TTL collection is swept without anyone adding it), and every query
 * of the sweeper and of capacity eviction is served by a declared index on a real MongoDB.
 */
let client: MongoClient;
let app: App;
let baseUrl: string;
const apiKey = randomApiKey();
const dbName = `t_${randomBytes(6).toString('hex')}`;
const commands: CommandStartedEvent[] = [];

beforeAll(async () => {
  client = new MongoClient(inject('mongoUri'), { ...DRIVER_OPTIONS, monitorCommands: true });
  await client.connect();
  client.on('commandStarted', (e) => commands.push(e));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', MESH_BOOTSTRAP_API_KEY: apiKey });
  app = buildApp({ config, db: client.db(dbName), log: silentLogger });
  baseUrl = `http://127.0.0.1:${(await app.start()).port}`;
});

afterAll(async () => {
  await app.stop();
  await client.db(dbName).dropDatabase();
  await client.close();
});

/** Each filtered read or delete the driver sent since `from`, with the spec of its collection. */
function issued(
  from: number,
  specs: readonly CollectionSpec[],
): { spec: CollectionSpec | undefined; filter: Document; sort?: Document; text: string }[] {
  const byName = new Map(specs.map((s) => [s.name, s]));
  return commands.slice(from).flatMap(({ commandName, command }) => {
    if (commandName === 'find') {
      return [
        {
          spec: byName.get(command.find),
          filter: command.filter,
          sort: command.sort,
          text: `find ${command.find} ${JSON.stringify(command.filter)}`,
        },
      ];
    }
    if (commandName === 'delete') {
      return (command.deletes as Document[]).map((d) => ({
        spec: byName.get(command.delete),
        filter: d.q,
        text: `delete ${command.delete} ${JSON.stringify(d.q)}`,
      }));
    }
    return [];
  });
}

function unserved(queries: ReturnType<typeof issued>): string[] {
  return queries.filter((q) => q.spec === undefined || servingIndex(q.spec, shapeOf(q.filter, q.sort)) === null).map((q) => q.text);
}

describe('TTL sweeper', () => {
  it('deletes what every declared TTL index declares expired, keeps the rest, with index-served deletes', async () => {
    const db = client.db(dbName);
    const rules = ttlRules(app.collections);
    // Every collection with a TTL index in any area's spec, whatever their number.
    expect(new Set(rules.map((r) => r.collection))).toEqual(
      new Set(app.collections.filter((s) => s.indexes.some((i) => i.expireAfterSeconds !== undefined)).map((s) => s.name)),
    );
    const now = Date.now();
    const specs = new Map(app.collections.map((s) => [s.name, s]));
    const doc = (rule: (typeof rules)[number], kind: string, value: Date | null): Document => {
      const _id = `${kind}:${rule.index}`;
      // Distinct values for the fields of unique indexes (rate_limits.key).
      const unique = specs
        .get(rule.collection)!
        .indexes.filter((i) => i.unique)
        .flatMap((i) => Object.keys(i.key));
      return { _id, ...Object.fromEntries(unique.map((field) => [field, `${_id}:${field}`])), [rule.field]: value };
    };
    for (const rule of rules) {
      const lifetimeMs = rule.expireAfterSeconds * 1000;
      await db.collection(rule.collection).insertMany([
        doc(rule, 'expired', new Date(now - lifetimeMs - 60_000)),
        doc(rule, 'live', new Date(now - lifetimeMs + 60_000)),
        // MongoDB never expires a document whose TTL field holds no date.
        doc(rule, 'undated', null),
      ]);
    }
    const from = commands.length;
    const sweeper = new TtlSweeper(db, rules, silentLogger);
    for (const rule of rules) expect(await sweeper.sweep(rule), `${rule.collection}.${rule.index}`).toBeGreaterThanOrEqual(1);
    for (const rule of rules) {
      const left = await db
        .collection(rule.collection)
        .find({ _id: { $in: [`expired:${rule.index}`, `live:${rule.index}`, `undated:${rule.index}`] as never[] } })
        .toArray();
      expect(left.map((d) => d._id).sort(), rule.collection).toEqual([`live:${rule.index}`, `undated:${rule.index}`]);
    }
    expect(unserved(issued(from, app.collections))).toEqual([]);
    for (const rule of rules) {
      await db.collection(rule.collection).deleteMany({ _id: { $in: [`live:${rule.index}`, `undated:${rule.index}`] as never[] } });
    }
  });
});

describe('capacity eviction', () => {
  it('evicts the oldest whole traces down to 90 % of the capacity, with index-served queries', async () => {
    const db = client.db(dbName);
    const start = Date.now() - 600_000;
    const traceIds = Array.from({ length: 30 }, () => hex(16));
    const spans = traceIds.flatMap((traceId, i) =>
      Array.from({ length: 4 }, (_, j) => ({ traceId, service: 'svc', startMs: start + i * 1000 + j, durationMs: 2 })),
    );
    expect((await postOtlpJson(baseUrl, apiKey, spans)).status).toBe(200);

    const from = commands.length;
    const evictions: { traces: number; spans: number }[] = [];
    const capacity = new TraceCapacity(
      new CapacityRepository(db),
      { maxSpans: 100, checkIntervalMs: 1000, onEvicted: (e) => evictions.push(e) },
      silentLogger,
    );
    // 120 spans held, 100 allowed: down to 90, the 8 oldest traces of 4 spans.
    expect(await capacity.enforce()).toEqual({ traces: 8, spans: 32 });
    const kept = await db.collection('traces').find({}).project({ traceId: 1 }).toArray();
    expect(new Set(kept.map((t) => t.traceId))).toEqual(new Set(traceIds.slice(8)));
    expect(await db.collection('spans').countDocuments()).toBe(88);
    expect(await db.collection('spans').countDocuments({ traceId: { $in: traceIds.slice(0, 8) } })).toBe(0);
    // At capacity or below: nothing to do.
    expect(await capacity.enforce()).toEqual({ traces: 0, spans: 0 });
    expect(unserved(issued(from, app.collections))).toEqual([]);
  });

  it('evicts a tenth of the spans when the store reports its heap over 80 %, then waits for the heap to show it', async () => {
    const db = client.db(dbName);
    await db.collection('spans').deleteMany({});
    await db.collection('traces').deleteMany({});
    const start = Date.now() - 600_000;
    const traceIds = Array.from({ length: 20 }, () => hex(16));
    const spans = traceIds.flatMap((traceId, i) =>
      Array.from({ length: 5 }, (_, j) => ({ traceId, service: 'svc', startMs: start + i * 1000 + j, durationMs: 2 })),
    );
    expect((await postOtlpJson(baseUrl, apiKey, spans)).status).toBe(200);
    let heap = 0.5;
    const capacity = new TraceCapacity(
      new CapacityRepository(db),
      { maxSpans: 10_000, checkIntervalMs: 1000, heapUsed: () => heap },
      silentLogger,
    );
    const at = Date.now();
    expect(await capacity.enforce(at)).toEqual({ traces: 0, spans: 0 });
    heap = 0.85;
    // 100 spans held: the limit becomes 99, and eviction goes down to 99 − 9 = 90: the 2 oldest traces.
    expect(await capacity.enforce(at)).toEqual({ traces: 2, spans: 10 });
    expect(await capacity.enforce(at + 30_000)).toEqual({ traces: 0, spans: 0 });
    const kept = await db.collection('traces').find({}).project({ traceId: 1 }).toArray();
    expect(new Set(kept.map((t) => t.traceId))).toEqual(new Set(traceIds.slice(2)));
    // Still over once the heap had time to show it: the next tenth.
    expect(await capacity.enforce(at + 70_000)).toEqual({ traces: 2, spans: 10 });
  });
});
