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

/** Which of a service name's segments to take: null or absent means any namespace / environment. */
export interface ServiceIdentity {
  readonly serviceNamespace?: string | null;
  readonly environment?: string | null;
}

/** The greater of two optional texts; a set value wins over null. */
function greatest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/**
 * The segment of the parts (segments of one service name in one trace, one per
 * namespace/environment) that match `identity`, taken together; null when none does.
 */
export function mergeSegments(parts: readonly ServiceSegment[], identity: ServiceIdentity): ServiceSegment | null {
  const chosen = parts.filter(
    (part) =>
      (identity.serviceNamespace == null || part.serviceNamespace === identity.serviceNamespace) &&
      (identity.environment == null || part.environment === identity.environment),
  );
  if (chosen.length === 0) return null;
  return chosen.reduce((a, b) => ({
    traceId: a.traceId,
    serviceName: a.serviceName,
    serviceNamespace: greatest(a.serviceNamespace, b.serviceNamespace),
    environment: greatest(a.environment, b.environment),
    startTimeUnixNano: a.startTimeUnixNano < b.startTimeUnixNano ? a.startTimeUnixNano : b.startTimeUnixNano,
    endTimeUnixNano: a.endTimeUnixNano > b.endTimeUnixNano ? a.endTimeUnixNano : b.endTimeUnixNano,
    spanCount: a.spanCount + b.spanCount,
  }));
}
