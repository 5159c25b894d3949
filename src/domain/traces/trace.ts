import type { StatusCodeName } from '../../otlp/otlp.types.js';

/** A trace as listed: the summary maintained at ingest, never computed from spans at read time. */
export interface TraceSummary {
  readonly traceId: string;
  readonly startTimeUnixNano: bigint;
  readonly endTimeUnixNano: bigint;
  readonly durationNs: bigint;
  readonly spanCount: number;
  readonly errorCount: number;
  /** error when any span failed, else ok when any span is OK, else unset. */
  readonly status: StatusCodeName;
  readonly rootSpanId: string | null;
  readonly rootServiceName: string | null;
  readonly rootServiceNamespace: string | null;
  readonly rootOperation: string | null;
  readonly services: readonly string[];
  readonly namespaces: readonly string[];
  readonly environments: readonly string[];
  readonly clusters: readonly string[];
}

export type TraceOrderField = 'START_TIME' | 'DURATION';
export type OrderDirection = 'ASC' | 'DESC';

export interface TraceOrder {
  readonly field: TraceOrderField;
  readonly direction: OrderDirection;
}

/** Trace-level conditions, answered from the summaries alone. */
export interface TraceConditions {
  readonly from: Date;
  readonly to: Date;
  readonly traceId?: string;
  readonly service?: string;
  readonly namespace?: string;
  readonly environment?: string;
  readonly status?: StatusCodeName;
  readonly minDurationNs?: bigint;
  readonly maxDurationNs?: bigint;
}
