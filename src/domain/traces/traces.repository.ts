import type { AnyBulkWriteOperation, Collection, Db, Document, Filter } from 'mongodb';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import { STATUS_CODES } from '../../otlp/otlp.types.js';
import type { Span } from './span.js';
import type { SpanDocument } from './span.document.js';
import type { SpansRepository } from './spans.repository.js';
import { TRACES_COLLECTION, type TraceDocument } from './trace.document.js';
import type { TraceConditions, TraceOrder, TraceSummary } from './trace.js';

/**
 * Listing is `find(tenant + conditions + cursor).sort(key, traceId)`: each sort
 * order has an index whose prefix is the tenant (and optionally the service)
 * followed by the sort key, so pages are index walks whatever the store holds.
 */
export function tracesCollection(retentionSeconds: number): CollectionSpec {
  return {
    name: TRACES_COLLECTION,
    indexes: [
      { name: 'by_start', key: { org: 1, env: 1, start: -1, traceId: -1 }, serves: 'list by start time; time window' },
      { name: 'service_by_start', key: { org: 1, env: 1, svcs: 1, start: -1, traceId: -1 }, serves: 'list by start time for a service' },
      { name: 'by_duration', key: { org: 1, env: 1, durNs: -1, traceId: -1 }, serves: 'list by duration' },
      { name: 'service_by_duration', key: { org: 1, env: 1, svcs: 1, durNs: -1, traceId: -1 }, serves: 'list by duration for a service' },
      { name: 'retention_ttl', key: { start: 1 }, expireAfterSeconds: retentionSeconds, serves: 'retention (MESH_RETENTION_HOURS)' },
    ],
  };
}

export function traceDocumentId(tenant: Tenant, traceId: string): string {
  return `${tenant.org}:${tenant.env}:${traceId}`;
}

const SORT_FIELD = { START_TIME: 'start', DURATION: 'durNs' } as const;

export function traceSortKey(order: TraceOrder): Record<string, 1 | -1> {
  const dir = order.direction === 'ASC' ? 1 : -1;
  return { [SORT_FIELD[order.field]]: dir, traceId: dir };
}

/** The sort value a cursor records for a trace, as text (Date ms or int64 ns). */
export function traceSortValue(order: TraceOrder, trace: TraceSummary): string {
  return order.field === 'START_TIME' ? String(trace.startTimeUnixNano / 1_000_000n) : String(trace.durationNs);
}

export interface TraceCursor {
  readonly value: string;
  readonly traceId: string;
}

/** Where a page starts: strictly after a keyset cursor (null: the first page), or past a number of rows (Mackerel's numbered pages). */
export type PageStart = { readonly after: TraceCursor | null } | { readonly skip: number };

/** Keyset condition "strictly after the cursor" in the given order; stable while new traces arrive. */
function afterCursor(order: TraceOrder, cursor: TraceCursor): Filter<TraceDocument> {
  const field = SORT_FIELD[order.field];
  const value = order.field === 'START_TIME' ? new Date(Number(cursor.value)) : BigInt(cursor.value);
  const beyond = order.direction === 'ASC' ? '$gt' : '$lt';
  return {
    $or: [{ [field]: { [beyond]: value } }, { [field]: value, traceId: { [beyond]: cursor.traceId } }],
  } as Filter<TraceDocument>;
}

export function traceConditionsFilter(c: TraceConditions): Document {
  const filter: Document = { start: { $gte: c.from, $lte: c.to } };
  if (c.traceId !== undefined) filter.traceId = c.traceId;
  if (c.service !== undefined) filter.svcs = c.service;
  if (c.namespace !== undefined) filter.nss = c.namespace;
  if (c.environment !== undefined) filter.denvs = c.environment;
  if (c.status !== undefined) filter.st = STATUS_CODES.indexOf(c.status);
  if (c.minDurationNs !== undefined || c.maxDurationNs !== undefined) {
    const range: Document = {};
    if (c.minDurationNs !== undefined) range.$gte = c.minDurationNs;
    if (c.maxDurationNs !== undefined) range.$lte = c.maxDurationNs;
    filter.durNs = range;
  }
  return filter;
}

export function toTraceSummary(doc: TraceDocument): TraceSummary {
  return {
    traceId: doc.traceId,
    startTimeUnixNano: BigInt(doc.startNs),
    endTimeUnixNano: BigInt(doc.endNs),
    durationNs: BigInt(doc.durNs),
    spanCount: doc.spanCount,
    errorCount: doc.esids.length,
    status: STATUS_CODES[doc.st] ?? 'unset',
    rootSpanId: doc.root?.spanId ?? null,
    rootServiceName: doc.root?.svc ?? null,
    rootServiceNamespace: doc.root?.ns ?? null,
    rootOperation: doc.root?.name ?? null,
    services: doc.svcs,
    namespaces: doc.nss,
    environments: doc.denvs,
    clusters: doc.clusters,
  };
}

/** Projection for listing: everything but the span-id sets, which can be large. */
const SUMMARY_PROJECTION = { sids: 0 } as const;

export interface TraceListQuery {
  readonly conditions: TraceConditions;
  /** Extra trace-level filter from the search language (fields of TraceDocument). */
  readonly extra?: Filter<TraceDocument>;
  /** Span-level filter: when present, only traces with a matching span qualify. */
  readonly spanFilter?: Filter<SpanDocument>;
  readonly order: TraceOrder;
}

export class TracesRepository {
  private readonly traces: Collection<TraceDocument>;

  constructor(
    db: Db,
    private readonly spans: SpansRepository,
  ) {
    this.traces = db.collection<TraceDocument>(TRACES_COLLECTION);
  }

  /**
   * Folds a batch of spans into their trace summaries in two idempotent passes.
   * Pass 1 uses only $min/$max/$addToSet/$set-of-fixed-values, so applying the
   * same spans again (a retried batch, even after a crash between the span
   * insert and this call) changes nothing. Pass 2 derives spanCount and durNs
   * from what pass 1 left and writes them with $max: both only grow as spans
   * arrive, and every batch runs pass 2 after its own pass 1, so the last
   * writer always records the complete value whatever the interleaving.
   */
  async applySpans(tenant: Tenant, spans: readonly Span[]): Promise<void> {
    if (spans.length === 0) return;
    const pass1 = [...groupByTrace(spans)].map(([traceId, group]) => foldUpdate(tenant, traceId, group));
    await this.traces.bulkWrite(pass1, { ordered: false });
    const ids = pass1.map((op) => ('updateOne' in op ? (op.updateOne.filter._id as string) : ''));
    const docs = await this.traces.find({ _id: { $in: ids } }, { projection: { sids: 1, startNs: 1, endNs: 1 } }).toArray();
    const pass2: AnyBulkWriteOperation<TraceDocument>[] = docs.map((doc) => ({
      updateOne: {
        filter: { _id: doc._id },
        update: { $max: { spanCount: doc.sids.length, durNs: BigInt(doc.endNs) - BigInt(doc.startNs) } },
      },
    }));
    if (pass2.length > 0) await this.traces.bulkWrite(pass2, { ordered: false });
  }

  async findByIds(tenant: Tenant, traceIds: readonly string[]): Promise<TraceSummary[]> {
    const docs = await this.traces
      .find({ _id: { $in: traceIds.map((id) => traceDocumentId(tenant, id)) } }, { projection: SUMMARY_PROJECTION })
      .toArray();
    return docs.map(toTraceSummary);
  }

  /**
   * Trace id → the span ids its summary lists, for the given traces (absent: no such trace): what
   * reading a trace's spans by `_id` needs (SpansRepository.findByTraceIds).
   */
  async spanIds(tenant: Tenant, traceIds: readonly string[]): Promise<Map<string, readonly string[]>> {
    const docs = await this.traces
      .find({ _id: { $in: traceIds.map((id) => traceDocumentId(tenant, id)) } }, { projection: { traceId: 1, sids: 1 } })
      .toArray();
    return new Map(docs.map((doc) => [doc.traceId, doc.sids]));
  }

  /** One page in the requested order from `start`; `limit` rows at most. */
  async list(tenant: Tenant, query: TraceListQuery, start: PageStart, limit: number): Promise<TraceSummary[]> {
    const traceFilter = this.traceFilter(query, 'after' in start ? start.after : null);
    const sort = traceSortKey(query.order);
    const skip = 'skip' in start ? start.skip : 0;
    if (query.spanFilter !== undefined) {
      const docs = await this.spans.findMatchedTraces(tenant, {
        spanFilter: query.spanFilter,
        spanStartFrom: query.conditions.from,
        traceFilter,
        sort,
        limit,
        skip,
      });
      return docs.map(toTraceSummary);
    }
    const docs = await this.traces
      .find({ org: tenant.org, env: tenant.env, ...traceFilter } as Filter<TraceDocument>, { projection: SUMMARY_PROJECTION })
      .sort(sort)
      .skip(skip)
      .limit(limit)
      .toArray();
    return docs.map(toTraceSummary);
  }

  async count(tenant: Tenant, query: Omit<TraceListQuery, 'order'>): Promise<number> {
    const traceFilter = this.traceFilter(query, null);
    if (query.spanFilter !== undefined) {
      return this.spans.countMatchedTraces(tenant, {
        spanFilter: query.spanFilter,
        spanStartFrom: query.conditions.from,
        traceFilter,
      });
    }
    return this.traces.countDocuments({ org: tenant.org, env: tenant.env, ...traceFilter } as Filter<TraceDocument>);
  }

  private traceFilter(query: Omit<TraceListQuery, 'order'> & { order?: TraceOrder }, after: TraceCursor | null): Filter<TraceDocument> {
    const parts: Document[] = [traceConditionsFilter(query.conditions)];
    if (query.extra !== undefined && Object.keys(query.extra).length > 0) parts.push(query.extra);
    if (after !== null && query.order !== undefined) parts.push(afterCursor(query.order, after));
    return (parts.length === 1 ? parts[0] : { $and: parts }) as Filter<TraceDocument>;
  }
}

function groupByTrace(spans: readonly Span[]): Map<string, Span[]> {
  const groups = new Map<string, Span[]>();
  for (const span of spans) {
    const group = groups.get(span.traceId);
    if (group) group.push(span);
    else groups.set(span.traceId, [span]);
  }
  return groups;
}

function foldUpdate(tenant: Tenant, traceId: string, spans: readonly Span[]): AnyBulkWriteOperation<TraceDocument> {
  let startNs = spans[0]!.startTimeUnixNano;
  let endNs = spans[0]!.endTimeUnixNano;
  let st = 0;
  const errors: string[] = [];
  const set: Document = {};
  const svcs = new Set<string>();
  const nss = new Set<string>();
  const denvs = new Set<string>();
  const clusters = new Set<string>();
  for (const s of spans) {
    if (s.startTimeUnixNano < startNs) startNs = s.startTimeUnixNano;
    if (s.endTimeUnixNano > endNs) endNs = s.endTimeUnixNano;
    st = Math.max(st, s.status.code);
    if (s.status.code === 2) errors.push(s.spanId);
    svcs.add(s.serviceName);
    if (s.serviceNamespace !== null) nss.add(s.serviceNamespace);
    if (s.deploymentEnvironment !== null) denvs.add(s.deploymentEnvironment);
    if (s.cluster !== null) clusters.add(s.cluster);
    // A root span is unique per trace, so setting it is idempotent.
    if (s.parentSpanId === null) set.root = { spanId: s.spanId, svc: s.serviceName, ns: s.serviceNamespace, name: s.name };
  }
  return {
    updateOne: {
      filter: { _id: traceDocumentId(tenant, traceId) },
      update: {
        $setOnInsert: { org: tenant.org, env: tenant.env, traceId },
        ...(Object.keys(set).length > 0 ? { $set: set } : {}),
        $min: { start: new Date(Number(startNs / 1_000_000n)), startNs },
        // Lower bounds from this batch alone, so a trace that arrives in one batch (the usual
        // case) is listed with its final duration and count from its first write.
        $max: { endNs, st, durNs: endNs - startNs, spanCount: new Set(spans.map((s) => s.spanId)).size },
        $addToSet: {
          sids: { $each: spans.map((s) => s.spanId) },
          esids: { $each: errors },
          svcs: { $each: [...svcs] },
          nss: { $each: [...nss] },
          denvs: { $each: [...denvs] },
          clusters: { $each: [...clusters] },
        },
      } as Document,
      upsert: true,
    },
  };
}
