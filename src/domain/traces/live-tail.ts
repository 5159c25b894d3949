import { assertCan } from '../../auth/policy.js';
import type { Principal } from '../../auth/principal.js';
import { tenantKey, type Tenant } from '../../auth/tenant.js';
import { ValidationError } from '../../errors.js';
import type { EventBus } from '../../events/pubsub.js';
import type { Span } from './span.js';
import type { IngestedTrace, TraceEvents } from './traces.events.js';

export interface LiveTailFilter {
  readonly service?: string | null;
}

const MAX_SERVICE_LENGTH = 1024;
const STATUS_ERROR = 2;

/** Groups a stored batch into one live-tail row per trace, in first-seen order. */
export function ingestedTraces(spans: readonly Span[], at: Date): IngestedTrace[] {
  const rows = new Map<
    string,
    { services: Set<string>; spanCount: number; errorCount: number; root: Span | null; startNs: bigint; endNs: bigint }
  >();
  for (const span of spans) {
    let row = rows.get(span.traceId);
    if (row === undefined) {
      row = { services: new Set(), spanCount: 0, errorCount: 0, root: null, startNs: span.startTimeUnixNano, endNs: span.endTimeUnixNano };
      rows.set(span.traceId, row);
    }
    row.services.add(span.serviceName);
    row.spanCount++;
    if (span.status.code === STATUS_ERROR) row.errorCount++;
    if (span.parentSpanId === null) row.root = span;
    if (span.startTimeUnixNano < row.startNs) row.startNs = span.startTimeUnixNano;
    if (span.endTimeUnixNano > row.endNs) row.endNs = span.endTimeUnixNano;
  }
  return [...rows].map(([traceId, row]) => ({
    traceId,
    services: [...row.services],
    spanCount: row.spanCount,
    errorCount: row.errorCount,
    rootServiceName: row.root?.serviceName ?? null,
    rootOperation: row.root?.name ?? null,
    startTimeMs: Number(row.startNs / 1_000_000n),
    endTimeMs: Number(row.endNs / 1_000_000n),
    ingestedAtMs: at.getTime(),
  }));
}

/** The live tail of ingested traces, fed by the ingest path after each durable write. */
export class LiveTailService {
  constructor(
    private readonly pubsub: EventBus<TraceEvents>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Called by ingest once a batch is stored; publishing never fails the ingest (see events/pubsub.ts). */
  publish(tenant: Tenant, spans: readonly Span[]): void {
    if (spans.length === 0) return;
    this.pubsub.publish('trace:ingested', tenantKey(tenant), { traces: ingestedTraces(spans, this.now()) });
  }

  /** Rows of the caller's tenant only; with `service`, rows of traces that have a span of that service in the batch. */
  subscribe(principal: Principal | null, filter: LiveTailFilter): AsyncIterableIterator<IngestedTrace> {
    const { tenant } = assertCan(principal, 'traces:read');
    const service = filter.service ?? null;
    if (service !== null && (service.length === 0 || service.length > MAX_SERVICE_LENGTH)) {
      throw new ValidationError(`Parameter 'service' must be a non-empty string of at most ${MAX_SERVICE_LENGTH} characters`, 'service');
    }
    return this.pubsub.subscribe('trace:ingested', tenantKey(tenant), (batch) =>
      service === null ? batch.traces : batch.traces.filter((t) => t.services.includes(service)),
    );
  }
}
