/**
 * One service's part of a trace: every span of that service in the trace,
 * taken together. Its start is the earliest start of those spans and its
 * extent runs to the latest end of those spans, so waits on other services
 * between two of its spans count (the wall-clock time the service was
 * involved), and overlapping spans count once.
 */
export interface ServiceSegment {
  readonly traceId: string;
  readonly serviceName: string;
  /** service.namespace of the service's spans (the greatest when they disagree), null when none sets it. */
  readonly serviceNamespace: string | null;
  /** deployment.environment(.name) of the service's spans (the greatest when they disagree), null when none sets it. */
  readonly environment: string | null;
  readonly startTimeUnixNano: bigint;
  readonly endTimeUnixNano: bigint;
  readonly spanCount: number;
}
