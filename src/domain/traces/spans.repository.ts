import type { Collection, Db, Document, Filter } from 'mongodb';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import { insertEach, isDuplicateKey } from '../../db/write-commands.js';
import { TRACES_COLLECTION, type TraceDocument } from './trace.document.js';
import type { SpanDocument, StoredEvent, StoredKeyValue, StoredLink, StoredValue } from './span.document.js';
import type { IssueGroup } from './issue.js';
import type { ServiceSegment } from './service-segment.js';
import type { AttributeCondition, Span, SpanConditions } from './span.js';
import type { AnyValue, KeyValue } from '../../otlp/otlp.types.js';
import { fromStoredAttributes, toStoredAttributes } from './stored-value.js';

const SPANS_COLLECTION = 'spans';
/** Spans per insert command: a bounded store write per round trip, whatever the size of the request. */
export const SPANS_PER_WRITE = 1000;
/** Upper bound of the documents' BSON bytes per insert command (the store takes 16 MiB). */
const WRITE_BYTES = 4 * 1024 * 1024;
/**
 * Span `_id`s per find. mongo-java-server finds them through its `_id` index but then checks each found
 * document against the whole `$in` list, so a find costs the square of its list: 1,000 ids take ~25 ms
 * there, 10,000 take seconds. On MongoDB any size would do.
 */
const IDS_PER_QUERY = 1_000;

function compareBigInt(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every query below starts with the tenant equality prefix (org, env), or is
 * an `_id` lookup (the `_id` embeds the tenant). The index list is the
 * contract the index-coverage test checks them against; the `_id` index,
 * which MongoDB always has, serves the spans of given traces and spans by id.
 */
export function spansCollection(retentionSeconds: number): CollectionSpec {
  return {
    name: SPANS_COLLECTION,
    indexes: [
      { name: 'window', key: { org: 1, env: 1, start: -1 }, serves: 'span-level trace search with only a time window' },
      { name: 'service_window', key: { org: 1, env: 1, svc: 1, start: -1 }, serves: 'span-level search by service' },
      { name: 'name_window', key: { org: 1, env: 1, name: 1, start: -1 }, serves: 'span-level search by span name' },
      {
        name: 'attr_pattern',
        key: { org: 1, env: 1, 'attrs.k': 1, 'attrs.v': 1, start: -1 },
        serves: 'typed span attribute filters (attribute pattern)',
      },
      {
        name: 'res_attr_pattern',
        key: { org: 1, env: 1, 'res.attrs.k': 1, 'res.attrs.v': 1, start: -1 },
        serves: 'typed resource attribute filters',
      },
      {
        name: 'fingerprint_window',
        key: { org: 1, env: 1, fp: 1, start: -1 },
        serves: 'issue fingerprint filter; issueGroups (fingerprinted spans in a window, walked in fingerprint then start order)',
      },
      { name: 'retention_ttl', key: { start: 1 }, expireAfterSeconds: retentionSeconds, serves: 'retention (MESH_RETENTION_HOURS)' },
    ],
  };
}

export function spanDocumentId(tenant: Tenant, traceId: string, spanId: string): string {
  return `${tenant.org}:${tenant.env}:${traceId}:${spanId}`;
}

function nsToDate(ns: bigint): Date {
  return new Date(Number(ns / 1_000_000n));
}

/** Bytes of a stored string at most: UTF-8 takes up to 3 bytes per UTF-16 unit, plus its length, type, key and terminator. */
function stringBound(text: string): number {
  return 3 * text.length + 16;
}

function optionalBound(text: string | null): number {
  return text === null ? 16 : stringBound(text);
}

function valueBound(value: AnyValue): number {
  switch (value.type) {
    case 'string':
      return stringBound(value.value);
    case 'bytes':
      return value.value.length + 24;
    case 'array':
      return value.values.reduce((n, v) => n + 16 + valueBound(v), 24);
    case 'kvlist':
      return attributesBound(value.values) + 16;
    default:
      return 24;
  }
}

function attributesBound(attributes: readonly KeyValue[]): number {
  let n = 16;
  for (const kv of attributes) n += 40 + stringBound(kv.key) + valueBound(kv.value);
  return n;
}

/**
 * An upper bound of the BSON size of a span's document, from string lengths
 * alone (no serialization). The resource and scope, shared by many spans, are
 * bounded once each and remembered in `shared`.
 */
function spanDocumentBound(span: Span, shared: Map<object, number>): number {
  let origin = shared.get(span.resource);
  if (origin === undefined)
    shared.set(span.resource, (origin = attributesBound(span.resource.attributes) + stringBound(span.resource.schemaUrl)));
  let scope = shared.get(span.scope);
  if (scope === undefined) {
    const s = span.scope;
    shared.set(
      span.scope,
      (scope = attributesBound(s.attributes) + stringBound(s.name) + stringBound(s.version) + stringBound(s.schemaUrl)),
    );
  }
  // Field names, ids (with the tenant, up to 63 characters), numbers and dates: 1 KiB covers them.
  let n = 1024 + origin + scope + stringBound(span.name) + stringBound(span.traceState) + stringBound(span.status.message);
  // The service identity, copied out of the resource into the span's own fields.
  n += stringBound(span.serviceName) + optionalBound(span.serviceNamespace) + optionalBound(span.deploymentEnvironment);
  n += optionalBound(span.serviceVersion) + optionalBound(span.cluster);
  n += attributesBound(span.attributes);
  for (const e of span.events) n += 64 + stringBound(e.name) + attributesBound(e.attributes);
  for (const l of span.links) n += 160 + stringBound(l.traceState) + attributesBound(l.attributes);
  return n;
}

type StoredResource = SpanDocument['res'];
type StoredScope = SpanDocument['scope'];

const NO_EVENTS: readonly StoredEvent[] = Object.freeze([]);
const NO_LINKS: readonly StoredLink[] = Object.freeze([]);

function toStoredResource(resource: Span['resource']): StoredResource {
  return { attrs: toStoredAttributes(resource.attributes), dAttrs: resource.droppedAttributesCount, schemaUrl: resource.schemaUrl };
}

function toStoredScope(scope: Span['scope']): StoredScope {
  return {
    name: scope.name,
    version: scope.version,
    attrs: toStoredAttributes(scope.attributes),
    dAttrs: scope.droppedAttributesCount,
    schemaUrl: scope.schemaUrl,
  };
}

/**
 * The documents of a batch. Spans that share a resource (or scope) object,
 * as the spans of one OTLP ResourceSpans (ScopeSpans) do, share its stored
 * form too: it is converted once per batch, not once per span.
 */
export function toSpanDocuments(tenant: Tenant, spans: readonly Span[]): SpanDocument[] {
  const resources = new Map<Span['resource'], StoredResource>();
  const scopes = new Map<Span['scope'], StoredScope>();
  const docs: SpanDocument[] = new Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    let res = resources.get(span.resource);
    if (res === undefined) resources.set(span.resource, (res = toStoredResource(span.resource)));
    let scope = scopes.get(span.scope);
    if (scope === undefined) scopes.set(span.scope, (scope = toStoredScope(span.scope)));
    docs[i] = toSpanDocument(tenant, span, res, scope);
  }
  return docs;
}

function toSpanDocument(tenant: Tenant, span: Span, res: StoredResource, scope: StoredScope): SpanDocument {
  const startNs = span.startTimeUnixNano;
  const endNs = span.endTimeUnixNano;
  return {
    _id: spanDocumentId(tenant, span.traceId, span.spanId),
    org: tenant.org,
    env: tenant.env,
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    traceState: span.traceState,
    flags: span.flags,
    name: span.name,
    kind: span.kind,
    start: nsToDate(startNs),
    startNs,
    endNs,
    durNs: endNs > startNs ? endNs - startNs : 0n,
    svc: span.serviceName,
    ns: span.serviceNamespace,
    denv: span.deploymentEnvironment,
    ver: span.serviceVersion,
    cluster: span.cluster,
    attrs: toStoredAttributes(span.attributes),
    dAttrs: span.droppedAttributesCount,
    events:
      span.events.length === 0
        ? NO_EVENTS
        : span.events.map((e) => ({
            tNs: e.timeUnixNano,
            name: e.name,
            attrs: toStoredAttributes(e.attributes),
            dAttrs: e.droppedAttributesCount,
          })),
    dEvents: span.droppedEventsCount,
    links:
      span.links.length === 0
        ? NO_LINKS
        : span.links.map((l) => ({
            traceId: l.traceId,
            spanId: l.spanId,
            traceState: l.traceState,
            flags: l.flags,
            attrs: toStoredAttributes(l.attributes),
            dAttrs: l.droppedAttributesCount,
          })),
    dLinks: span.droppedLinksCount,
    status: { code: span.status.code, message: span.status.message },
    res,
    scope,
    fp: span.issueFingerprint,
  };
}

function attrs(stored: readonly StoredKeyValue[] | undefined) {
  return fromStoredAttributes(stored ?? []);
}

export function fromSpanDocument(doc: SpanDocument): Span {
  return {
    traceId: doc.traceId,
    spanId: doc.spanId,
    parentSpanId: doc.parentSpanId,
    traceState: doc.traceState,
    flags: doc.flags,
    name: doc.name,
    kind: doc.kind as Span['kind'],
    startTimeUnixNano: BigInt(doc.startNs),
    endTimeUnixNano: BigInt(doc.endNs),
    attributes: attrs(doc.attrs),
    droppedAttributesCount: doc.dAttrs,
    events: doc.events.map((e) => ({
      timeUnixNano: BigInt(e.tNs),
      name: e.name,
      attributes: attrs(e.attrs),
      droppedAttributesCount: e.dAttrs,
    })),
    droppedEventsCount: doc.dEvents,
    links: doc.links.map((l) => ({
      traceId: l.traceId,
      spanId: l.spanId,
      traceState: l.traceState,
      flags: l.flags,
      attributes: attrs(l.attrs),
      droppedAttributesCount: l.dAttrs,
    })),
    droppedLinksCount: doc.dLinks,
    status: { code: doc.status.code as Span['status']['code'], message: doc.status.message },
    resource: { attributes: attrs(doc.res.attrs), droppedAttributesCount: doc.res.dAttrs, schemaUrl: doc.res.schemaUrl },
    scope: {
      name: doc.scope.name,
      version: doc.scope.version,
      attributes: attrs(doc.scope.attrs),
      droppedAttributesCount: doc.scope.dAttrs,
      schemaUrl: doc.scope.schemaUrl,
    },
    serviceName: doc.svc,
    serviceNamespace: doc.ns,
    deploymentEnvironment: doc.denv,
    serviceVersion: doc.ver,
    cluster: doc.cluster,
    issueFingerprint: doc.fp,
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function attributeMatch(condition: AttributeCondition): Document {
  const { key, operator, value } = condition;
  const v = (() => {
    switch (operator) {
      case 'EQ':
        return value;
      case 'NEQ':
        return { $ne: value };
      case 'GT':
        return { $gt: value };
      case 'GTE':
        return { $gte: value };
      case 'LT':
        return { $lt: value };
      case 'LTE':
        return { $lte: value };
      case 'STARTS_WITH':
        return { $regex: `^${escapeRegex(String(value))}` };
      case 'CONTAINS':
        return { $regex: escapeRegex(String(value)) };
    }
  })();
  return { $elemMatch: { k: key, v } };
}

/**
 * The span-level part of a trace query as a filter on span documents. Client
 * values only ever appear as operands, never as operators or field names.
 */
export function spanConditionsFilter(conditions: SpanConditions): Filter<SpanDocument> {
  const and: Document[] = [];
  if (conditions.serviceName !== undefined) and.push({ svc: conditions.serviceName });
  if (conditions.serviceNamespace !== undefined) and.push({ ns: conditions.serviceNamespace });
  if (conditions.deploymentEnvironment !== undefined) and.push({ denv: conditions.deploymentEnvironment });
  if (conditions.serviceVersion !== undefined) and.push({ ver: conditions.serviceVersion });
  if (conditions.spanName !== undefined) and.push({ name: conditions.spanName });
  if (conditions.statusCode !== undefined) and.push({ 'status.code': conditions.statusCode });
  if (conditions.issueFingerprint !== undefined) and.push({ fp: conditions.issueFingerprint });
  for (const a of conditions.attributes ?? []) and.push({ attrs: attributeMatch(a) });
  for (const a of conditions.resourceAttributes ?? []) and.push({ 'res.attrs': attributeMatch(a) });
  if (and.length === 0) return {};
  if (and.length === 1) return and[0] as Filter<SpanDocument>;
  return { $and: and } as Filter<SpanDocument>;
}

/** Rewrites a filter on trace documents so it applies to a `$lookup`-ed sub-document. */
function prefixFilter(filter: Document, prefix: string): Document {
  const out: Document = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      out[key] = (value as Document[]).map((f) => prefixFilter(f, prefix));
    } else if (key.startsWith('$')) {
      out[key] = value;
    } else {
      out[`${prefix}.${key}`] = value;
    }
  }
  return out;
}

/** Where a span sits in its trace's order: the keyset of Trace.spans pages. */
export interface SpanPosition {
  readonly startNs: bigint;
  readonly spanId: string;
}

/** Start order, ties by span id: the one order of a trace's spans, stable across pages. */
export function sortSpans(spans: Span[]): Span[] {
  return spans.sort((a, b) =>
    a.startTimeUnixNano < b.startTimeUnixNano
      ? -1
      : a.startTimeUnixNano > b.startTimeUnixNano
        ? 1
        : a.spanId < b.spanId
          ? -1
          : a.spanId > b.spanId
            ? 1
            : 0,
  );
}

/** Spans sampled to list the keys or values seen in a window: the latest `sample` spans matching `filter`. */
export interface SpanSampleQuery {
  readonly from: Date;
  readonly to: Date;
  readonly filter: Filter<SpanDocument> | null;
  readonly sample: number;
  readonly limit: number;
}

/** A field whose values can be listed: an intrinsic column, or one attribute key of spans or resources. */
export type SampledField =
  | { readonly kind: 'column'; readonly path: 'svc' | 'ns' | 'name' | 'status.code' | 'kind' }
  | { readonly kind: 'attribute'; readonly path: 'attrs' | 'res.attrs'; readonly key: string };

export interface SpanMatchedTraceQuery {
  readonly spanFilter: Filter<SpanDocument>;
  readonly spanStartFrom: Date;
  readonly traceFilter: Filter<TraceDocument>;
  readonly sort: Readonly<Record<string, 1 | -1>>;
  readonly limit: number;
  readonly skip: number;
}

export class SpansRepository {
  private readonly spans: Collection<SpanDocument>;

  constructor(private readonly db: Db) {
    this.spans = db.collection<SpanDocument>(SPANS_COLLECTION);
  }

  /**
   * Splits spans into the batches insertMany writes in one round trip each:
   * at most SPANS_PER_WRITE spans and WRITE_BYTES of documents (an upper
   * bound of their BSON size), so that every store write is bounded however
   * large the request, and far below the store's 16 MiB command limit.
   * A trace's spans go into one batch whenever they fit in one: an OTLP
   * request groups spans by resource, not by trace, and a trace split over
   * batches would cost a summary write per batch instead of one.
   */
  writeBatches(spans: readonly Span[]): Span[][] {
    const traces = new Map<string, Span[]>();
    for (const span of spans) {
      const group = traces.get(span.traceId);
      if (group === undefined) traces.set(span.traceId, [span]);
      else group.push(span);
    }
    const shared = new Map<object, number>();
    const batches: Span[][] = [];
    let batch: Span[] = [];
    let bytes = 0;
    for (const group of traces.values()) {
      const sizes = group.map((span) => spanDocumentBound(span, shared));
      const groupBytes = sizes.reduce((a, b) => a + b, 0);
      // Start a new batch rather than split a trace that would fit in one.
      if (batch.length > 0 && (batch.length + group.length > SPANS_PER_WRITE || bytes + groupBytes > WRITE_BYTES)) {
        batches.push(batch);
        batch = [];
        bytes = 0;
      }
      for (let i = 0; i < group.length; i++) {
        if (batch.length === SPANS_PER_WRITE || (batch.length > 0 && bytes + sizes[i]! > WRITE_BYTES)) {
          batches.push(batch);
          batch = [];
          bytes = 0;
        }
        batch.push(group[i]!);
        bytes += sizes[i]!;
      }
    }
    if (batch.length > 0) batches.push(batch);
    return batches;
  }

  /**
   * Inserts one write batch (see writeBatches) with a single unordered
   * `insert` command. A duplicate key means the span was stored by an earlier
   * attempt of the same batch: counted, not an error. Any other write error,
   * and any failure of the command itself (a connection cut mid-batch:
   * nothing is known to be stored), fails the call so that the client retries
   * (nothing is lost). `fresh` lists the spans this call stored, in input
   * order: what may be counted once in rollups (a retry finds them all
   * duplicates).
   *
   * The command is sent as is (insertEach), not through the driver's bulk
   * API; writeBatches already bounds its size. Without the bulk API's
   * retryable-write retry, a connection lost mid-insert fails the request,
   * the client's retry finds the spans stored, and they are not counted in
   * the rollups — the at-most-once rule of a crash between the two writes
   * (RollupsService).
   */
  async insertMany(tenant: Tenant, spans: readonly Span[]): Promise<{ inserted: number; duplicates: number; fresh: readonly Span[] }> {
    if (spans.length === 0) return { inserted: 0, duplicates: 0, fresh: [] };
    const duplicates = await insertEach(this.db, SPANS_COLLECTION, toSpanDocuments(tenant, spans), isDuplicateKey);
    if (duplicates.length === 0) return { inserted: spans.length, duplicates: 0, fresh: spans };
    // A write error's index is the position of the span in `spans`.
    const duplicate = new Set(duplicates.map((e) => e.index));
    const fresh = spans.filter((_span, i) => !duplicate.has(i));
    return { inserted: fresh.length, duplicates: duplicates.length, fresh };
  }

  /**
   * The spans of the given traces (trace id → its span ids, as the trace summaries list them), grouped
   * by trace id, each group in start order. Read by `_id` ($in): the one query shape that every store
   * answers from an index, mongo-java-server included, which scans for anything else (docs/storage.md).
   */
  async findByTraceIds(tenant: Tenant, members: ReadonlyMap<string, readonly string[]>): Promise<Map<string, Span[]>> {
    const byTrace = new Map<string, Span[]>();
    for (const doc of await this.byMembers(tenant, members, undefined)) {
      const list = byTrace.get(doc.traceId) ?? [];
      list.push(fromSpanDocument(doc));
      byTrace.set(doc.traceId, list);
    }
    for (const list of byTrace.values()) list.sort((a, b) => compareBigInt(a.startTimeUnixNano, b.startTimeUnixNano));
    return byTrace;
  }

  /**
   * One page of a trace's spans in (start, span id) order, strictly after the
   * span at `after` when given: the keyset `Trace.spans(first, after)` walks.
   * Reads by `_id` from the span ids the trace's summary lists (`members`):
   * first only the (span id, start) of each, to choose the page, then the
   * page's spans whole, so a page of a large trace never loads the rest.
   */
  async findPage(
    tenant: Tenant,
    members: ReadonlyMap<string, readonly string[]>,
    limit: number,
    after: SpanPosition | null,
  ): Promise<Span[]> {
    const keys = await this.byMembers(tenant, members, ['traceId', 'spanId', 'startNs']);
    const follows = (d: { startNs: bigint; spanId: string }) =>
      after === null || d.startNs > after.startNs || (d.startNs === after.startNs && d.spanId > after.spanId);
    const page = keys
      .filter(follows)
      .sort((a, b) => compareBigInt(a.startNs, b.startNs) || (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0))
      .slice(0, limit);
    const byTrace = new Map<string, string[]>();
    for (const d of page) byTrace.set(d.traceId, [...(byTrace.get(d.traceId) ?? []), d.spanId]);
    return sortSpans((await this.byMembers(tenant, byTrace, undefined)).map(fromSpanDocument));
  }

  private async byMembers<K extends keyof SpanDocument>(
    tenant: Tenant,
    members: ReadonlyMap<string, readonly string[]>,
    fields: readonly K[] | undefined,
  ): Promise<Pick<SpanDocument, K>[]> {
    const ids = [...members].flatMap(([traceId, spanIds]) => spanIds.map((spanId) => spanDocumentId(tenant, traceId, spanId)));
    const projection = fields === undefined ? undefined : Object.fromEntries(fields.map((f) => [f, 1]));
    const docs: Pick<SpanDocument, K>[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const chunk = { _id: { $in: ids.slice(i, i + IDS_PER_QUERY) } };
      docs.push(...(await this.spans.find(chunk, projection === undefined ? {} : { projection }).toArray()));
    }
    return docs;
  }

  /** Spans by (traceId, spanId) through the unique _id, which embeds the tenant. */
  async findByIds(tenant: Tenant, ids: readonly { traceId: string; spanId: string }[]): Promise<Span[]> {
    const docs = await this.spans.find({ _id: { $in: ids.map((id) => spanDocumentId(tenant, id.traceId, id.spanId)) } }).toArray();
    return docs.map(fromSpanDocument);
  }

  /**
   * The segments of the given traces per service name, namespace and
   * environment (see ServiceSegment), from the spans' `_id`s as the trace
   * summaries list them (see findByTraceIds): one find for a whole page of
   * traces, projected to the fields a segment needs, and grouped here. A
   * service name seen under two namespaces or environments yields a segment
   * for each (mergeSegments joins them).
   */
  async serviceSegments(tenant: Tenant, members: ReadonlyMap<string, readonly string[]>): Promise<ServiceSegment[]> {
    const docs = await this.byMembers(tenant, members, ['traceId', 'svc', 'startNs', 'endNs', 'ns', 'denv']);
    const segments = new Map<string, ServiceSegment>();
    for (const doc of docs) {
      const serviceNamespace = doc.ns ?? null;
      const environment = doc.denv ?? null;
      const key = JSON.stringify([doc.traceId, doc.svc, serviceNamespace, environment]);
      const seen = segments.get(key);
      const start = BigInt(doc.startNs);
      const end = BigInt(doc.endNs);
      segments.set(key, {
        traceId: doc.traceId,
        serviceName: doc.svc,
        serviceNamespace,
        environment,
        startTimeUnixNano: seen === undefined || start < seen.startTimeUnixNano ? start : seen.startTimeUnixNano,
        endTimeUnixNano: seen === undefined || end > seen.endTimeUnixNano ? end : seen.endTimeUnixNano,
        spanCount: (seen?.spanCount ?? 0) + 1,
      });
    }
    return [...segments.values()];
  }

  /**
   * Fingerprinted (error) spans whose start lies in [from, to], grouped by
   * fingerprint, most frequent first (then most recent, then by fingerprint).
   * `fp > ''` selects exactly the fingerprinted spans (null sorts before every
   * string) as a range of `fingerprint_window`, which also yields the
   * (fp, start) order the `$first`/`$last` accumulators rely on.
   */
  async issueGroups(tenant: Tenant, query: { from: Date; to: Date; service?: string; limit: number }): Promise<IssueGroup[]> {
    const match: Document = { org: tenant.org, env: tenant.env, fp: { $gt: '' }, start: { $gte: query.from, $lte: query.to } };
    if (query.service !== undefined) match.svc = query.service;
    const rows = await this.spans
      .aggregate<{ _id: string; n: number; first: Date; last: Date; traceId: string; spanId: string; svcs: string[] }>([
        { $match: match },
        { $sort: { fp: 1, start: 1 } },
        {
          $group: {
            _id: '$fp',
            n: { $sum: 1 },
            first: { $first: '$start' },
            last: { $last: '$start' },
            traceId: { $last: '$traceId' },
            spanId: { $last: '$spanId' },
            svcs: { $addToSet: '$svc' },
          },
        },
        { $sort: { n: -1, last: -1, _id: 1 } },
        { $limit: query.limit },
      ])
      .toArray();
    return rows.map((r) => ({
      fingerprint: r._id,
      count: r.n,
      firstSeen: r.first,
      lastSeen: r.last,
      services: [...r.svcs].sort(),
      sample: { traceId: r.traceId, spanId: r.spanId },
    }));
  }

  /**
   * Attribute keys (of spans, or of their resources) on the latest
   * `sample` spans of [from, to] that match `filter`, sorted, at most `limit`.
   * Bounded by the sample rather than the window, so that a wide window
   * costs one index range walk of `sample` documents (`window`, or the index
   * of the filter's leading condition).
   */
  async attributeKeys(tenant: Tenant, path: 'attrs' | 'res.attrs', query: SpanSampleQuery): Promise<string[]> {
    const rows = await this.spans
      .aggregate<{ _id: string }>([
        ...this.sampleStages(tenant, query, {}),
        { $unwind: `$${path}` },
        { $group: { _id: `$${path}.k` } },
        { $sort: { _id: 1 } },
        { $limit: query.limit },
      ])
      .toArray();
    return rows.map((r) => r._id);
  }

  /**
   * The distinct values of one field on the latest `sample` spans of
   * [from, to] that match `filter` (and, for an attribute, have the key):
   * stored values, in no particular order, at most `limit`.
   */
  async fieldValues(tenant: Tenant, field: SampledField, query: SpanSampleQuery): Promise<StoredValue[]> {
    const stages =
      field.kind === 'column'
        ? [...this.sampleStages(tenant, query, {}), { $group: { _id: `$${field.path}` } }]
        : [
            ...this.sampleStages(tenant, query, { [`${field.path}.k`]: field.key }),
            { $unwind: `$${field.path}` },
            { $match: { [`${field.path}.k`]: field.key } },
            { $group: { _id: `$${field.path}.v` } },
          ];
    const rows = await this.spans.aggregate<{ _id: StoredValue }>([...stages, { $limit: query.limit }]).toArray();
    return rows.map((r) => r._id);
  }

  private sampleStages(tenant: Tenant, query: SpanSampleQuery, extra: Document): Document[] {
    const match: Document = { org: tenant.org, env: tenant.env, start: { $gte: query.from, $lte: query.to }, ...extra };
    if (query.filter !== null) match.$and = [query.filter];
    return [{ $match: match }, { $sort: { start: -1 } }, { $limit: query.sample }];
  }

  /**
   * Trace summaries of the traces that have at least one span matching
   * `spanFilter`: span match (indexed by tenant + condition + start), group to
   * trace ids, then join the summaries through their unique _id.
   */
  async findMatchedTraces(tenant: Tenant, query: SpanMatchedTraceQuery): Promise<TraceDocument[]> {
    const stages: Document[] = [...this.matchedTraceStages(tenant, query), { $sort: prefixSort(query.sort) }];
    if (query.skip > 0) stages.push({ $skip: query.skip });
    stages.push({ $limit: query.limit });
    const rows = await this.spans.aggregate<{ t: TraceDocument }>(stages).toArray();
    return rows.map((r) => r.t);
  }

  async countMatchedTraces(tenant: Tenant, query: Omit<SpanMatchedTraceQuery, 'sort' | 'limit' | 'skip'>): Promise<number> {
    const rows = await this.spans.aggregate<{ n: number }>([...this.matchedTraceStages(tenant, query), { $count: 'n' }]).toArray();
    return rows[0]?.n ?? 0;
  }

  private matchedTraceStages(tenant: Tenant, query: Omit<SpanMatchedTraceQuery, 'sort' | 'limit' | 'skip'>): Document[] {
    const prefix = `${tenant.org}:${tenant.env}:`;
    return [
      { $match: { org: tenant.org, env: tenant.env, start: { $gte: query.spanStartFrom }, ...query.spanFilter } },
      { $group: { _id: '$traceId' } },
      { $project: { tid: { $concat: [prefix, '$_id'] } } },
      { $lookup: { from: TRACES_COLLECTION, localField: 'tid', foreignField: '_id', as: 't' } },
      { $unwind: '$t' },
      { $match: { 't.org': tenant.org, 't.env': tenant.env, ...prefixFilter(query.traceFilter, 't') } },
    ];
  }
}

function prefixSort(sort: Readonly<Record<string, 1 | -1>>): Record<string, 1 | -1> {
  const out: Record<string, 1 | -1> = {};
  for (const [k, v] of Object.entries(sort)) out[`t.${k}`] = v;
  return out;
}
