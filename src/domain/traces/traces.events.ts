/**
 * What one ingested batch added to one trace: enough to show a live-tail row
 * without reading the store. Spans of a trace may arrive in several batches,
 * so each event describes the spans of this batch only.
 */
export interface IngestedTrace {
  readonly traceId: string;
  readonly services: readonly string[];
  readonly spanCount: number;
  readonly errorCount: number;
  /** Set when the trace's root span is in this batch. */
  readonly rootServiceName: string | null;
  readonly rootOperation: string | null;
  readonly startTimeMs: number;
  readonly endTimeMs: number;
  readonly ingestedAtMs: number;
}

/** One event per ingested batch (not per trace): a batch of any size is a single publish. */
export interface IngestedTraceBatch {
  readonly traces: readonly IngestedTrace[];
}

/** Live events of the traces area, routed by tenant key (see events/pubsub.ts). */
export type TraceEvents = {
  'trace:ingested': [tenantKey: string, payload: IngestedTraceBatch];
};
