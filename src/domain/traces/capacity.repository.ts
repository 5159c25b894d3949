import type { Collection, Db } from 'mongodb';
import type { SpanDocument } from './span.document.js';
import { TRACES_COLLECTION, type TraceDocument } from './trace.document.js';

/** A trace as eviction sees it: its summary's id and the ids of the span documents it lists. */
export interface StoredTrace {
  readonly id: string;
  readonly spanDocumentIds: readonly string[];
}

/**
 * Span ids per delete: mongo-java-server checks each document it deletes against the whole `$in` list, under
 * the collection's lock, so the cost grows with the square of the list (SpansRepository's IDS_PER_QUERY);
 * small deletes let ingest and reads in between.
 */
const IDS_PER_DELETE = 1_000;

function spanDocumentIds(doc: Pick<TraceDocument, '_id' | 'sids'>): string[] {
  // A span's _id is its trace summary's _id (tenant and trace id) followed by its span id.
  return (doc.sids ?? []).map((spanId) => `${doc._id}:${spanId}`);
}

/**
 * Store upkeep for the span capacity of the embedded store (trace-capacity.ts): the only trace queries that
 * are not tenant-scoped, because capacity is the store's, not a tenant's. Every query below is a count, the
 * `_id` index, or `retention_ttl` ({start: 1}, tracesCollection), which serves "oldest first" on MongoDB.
 */
export class CapacityRepository {
  private readonly spans: Collection<SpanDocument>;
  private readonly traces: Collection<TraceDocument>;

  constructor(db: Db) {
    this.spans = db.collection<SpanDocument>('spans');
    this.traces = db.collection<TraceDocument>(TRACES_COLLECTION);
  }

  /** From collection metadata: no scan on any store. */
  async counts(): Promise<{ spans: number; traces: number }> {
    const [spans, traces] = await Promise.all([this.spans.estimatedDocumentCount(), this.traces.estimatedDocumentCount()]);
    return { spans, traces };
  }

  /** The `limit` traces that started first, across tenants. */
  async oldest(limit: number): Promise<StoredTrace[]> {
    const docs = await this.traces
      .find({}, { projection: { _id: 1, sids: 1 } })
      .sort({ start: 1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => ({ id: doc._id, spanDocumentIds: spanDocumentIds(doc) }));
  }

  /** The given traces as their summaries list them now (a trace gone since is absent). */
  async current(ids: readonly string[]): Promise<StoredTrace[]> {
    const docs = await this.traces.find({ _id: { $in: [...ids] } }, { projection: { _id: 1, sids: 1 } }).toArray();
    return docs.map((doc) => ({ id: doc._id, spanDocumentIds: spanDocumentIds(doc) }));
  }

  async deleteSpans(ids: readonly string[]): Promise<number> {
    let deleted = 0;
    for (let i = 0; i < ids.length; i += IDS_PER_DELETE) {
      deleted += (await this.spans.deleteMany({ _id: { $in: ids.slice(i, i + IDS_PER_DELETE) } })).deletedCount;
    }
    return deleted;
  }

  async deleteSummaries(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return (await this.traces.deleteMany({ _id: { $in: [...ids] } })).deletedCount;
  }
}
