import type { Collection, Db, Document, Filter } from 'mongodb';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import { insertEach, isDuplicateKey, updateEach, type UpdateStatement } from '../../db/write-commands.js';
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

/**
 * Summaries an instance remembers having written (their `_id`s, about 80 bytes
 * each): later spans of those traces go straight to a fold. At 20,000 spans/s
 * in traces of 10 spans, this covers the last 25 seconds of traces.
 */
const RECENT_TRACES = 50_000;

export class TracesRepository {
  private readonly traces: Collection<TraceDocument>;
  /** The summaries this instance wrote lately, oldest first (applySpans). */
  private readonly written = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly spans: SpansRepository,
  ) {
    this.traces = db.collection<TraceDocument>(TRACES_COLLECTION);
  }

  /**
   * Writes the trace summaries of a batch of spans so that applying the same
   * spans again (a retried batch, even after a crash between the span insert
   * and this call) changes nothing, in whatever order concurrent batches of a
   * trace apply.
   *
   * A trace this instance has not written lately is most likely new: its
   * summary, complete for the batch's spans, is inserted (one `insert` for all
   * of them), which costs the store a fraction of an upsert. Traces whose
   * summary exists (the instance wrote it lately, or the insert met its
   * `_id`) get a fold instead: one upsert each, only with
   * $min/$max/$addToSet/$setOnInsert/$set-of-fixed-values.
   *
   * spanCount and durNs derive from the whole stored set. A fold's own values
   * are lower bounds when the summary held other batches' spans: it reads back
   * the summaries it did not create and writes their derived fields with $max
   * (both only grow), which is the second pass. Of concurrent batches of one
   * trace, at least the last to apply its write finds the summary existing
   * and runs that pass after every write before it, so the complete value is
   * always written, whatever the interleaving.
   */
  async applySpans(tenant: Tenant, spans: readonly Span[]): Promise<void> {
    if (spans.length === 0) return;
    const fresh: Folded[] = [];
    const known: Folded[] = [];
    for (const [traceId, group] of groupByTrace(spans)) {
      const folded = fold(tenant, traceId, group);
      (this.written.has(folded.id) ? known : fresh).push(folded);
    }
    const taken = new Set((await insertEach(this.db, TRACES_COLLECTION, fresh.map(summaryDocument), isDuplicateKey)).map((e) => e.index));
    const folds = [...known, ...fresh.filter((_, i) => taken.has(i))];
    for (const f of fresh) this.remember(f.id);
    if (folds.length === 0) return;
    const created = await updateEach(this.db, TRACES_COLLECTION, folds.map(foldUpdate));
    const existed = folds.flatMap((f, i) => (created.has(i) ? [] : [f.id]));
    for (const f of known) this.remember(f.id);
    if (existed.length === 0) return;
    const docs = await this.traces.find({ _id: { $in: existed } }, { projection: { sids: 1, startNs: 1, endNs: 1 } }).toArray();
    await updateEach(
      this.db,
      TRACES_COLLECTION,
      docs.map((doc) => ({
        q: { _id: doc._id },
        u: { $max: { spanCount: doc.sids.length, durNs: BigInt(doc.endNs) - BigInt(doc.startNs) } },
        upsert: false,
      })),
    );
  }

  /** Notes a summary as written by this instance; the oldest note goes beyond RECENT_TRACES. */
  private remember(id: string): void {
    this.written.delete(id);
    this.written.add(id);
    if (this.written.size > RECENT_TRACES) this.written.delete(this.written.values().next().value!);
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

/** The array fields a fold adds to; an empty one is only created on insert, not re-applied. */
type ArrayFields = Pick<TraceDocument, 'sids' | 'esids' | 'svcs' | 'nss' | 'denvs' | 'clusters'>;

/** What a batch's spans of one trace say of its summary. */
interface Folded {
  readonly id: string;
  readonly org: string;
  readonly env: Tenant['env'];
  readonly traceId: string;
  readonly startNs: bigint;
  readonly endNs: bigint;
  readonly st: number;
  readonly root: TraceDocument['root'] | undefined;
  readonly sets: { readonly [K in keyof ArrayFields]: Set<string> };
}

function fold(tenant: Tenant, traceId: string, spans: readonly Span[]): Folded {
  let startNs = spans[0]!.startTimeUnixNano;
  let endNs = spans[0]!.endTimeUnixNano;
  let st = 0;
  let root: TraceDocument['root'] | undefined;
  const sets: Folded['sets'] = {
    sids: new Set(),
    esids: new Set(),
    svcs: new Set(),
    nss: new Set(),
    denvs: new Set(),
    clusters: new Set(),
  };
  for (const s of spans) {
    if (s.startTimeUnixNano < startNs) startNs = s.startTimeUnixNano;
    if (s.endTimeUnixNano > endNs) endNs = s.endTimeUnixNano;
    if (s.status.code > st) st = s.status.code;
    sets.sids.add(s.spanId);
    if (s.status.code === 2) sets.esids.add(s.spanId);
    sets.svcs.add(s.serviceName);
    if (s.serviceNamespace !== null) sets.nss.add(s.serviceNamespace);
    if (s.deploymentEnvironment !== null) sets.denvs.add(s.deploymentEnvironment);
    if (s.cluster !== null) sets.clusters.add(s.cluster);
    // A root span is unique per trace, so setting it is idempotent.
    if (s.parentSpanId === null) root = { spanId: s.spanId, svc: s.serviceName, ns: s.serviceNamespace, name: s.name };
  }
  return { id: traceDocumentId(tenant, traceId), org: tenant.org, env: tenant.env, traceId, startNs, endNs, st, root, sets };
}

/** The summary of a trace whose spans are all in the batch: the document its fold would create. */
function summaryDocument(f: Folded): TraceDocument {
  return {
    _id: f.id,
    org: f.org,
    env: f.env,
    traceId: f.traceId,
    start: new Date(Number(f.startNs / 1_000_000n)),
    startNs: f.startNs,
    endNs: f.endNs,
    durNs: f.endNs - f.startNs,
    st: f.st,
    spanCount: f.sets.sids.size,
    sids: [...f.sets.sids],
    esids: [...f.sets.esids],
    svcs: [...f.sets.svcs],
    nss: [...f.sets.nss],
    denvs: [...f.sets.denvs],
    clusters: [...f.sets.clusters],
    ...(f.root === undefined ? {} : { root: f.root }),
  };
}

function foldUpdate(f: Folded): UpdateStatement {
  const setOnInsert: Document = { org: f.org, env: f.env, traceId: f.traceId };
  const addToSet: Document = {};
  for (const [field, values] of Object.entries(f.sets)) {
    if (values.size === 0) setOnInsert[field] = [];
    else addToSet[field] = { $each: [...values] };
  }
  const update: Document = {
    $setOnInsert: setOnInsert,
    $min: { start: new Date(Number(f.startNs / 1_000_000n)), startNs: f.startNs },
    // This batch's own values: final when the upsert creates the summary, lower bounds otherwise (see applySpans).
    $max: { endNs: f.endNs, st: f.st, durNs: f.endNs - f.startNs, spanCount: f.sets.sids.size },
    $addToSet: addToSet,
  };
  if (f.root !== undefined) update.$set = { root: f.root };
  return { q: { _id: f.id }, u: update, upsert: true };
}
