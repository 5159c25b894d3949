import { assertCan } from '../../auth/policy.js';
import type { Principal } from '../../auth/principal.js';
import type { Tenant } from '../../auth/tenant.js';
import type { Span } from './span.js';
import { SPANS_PER_WRITE, type SpansRepository } from './spans.repository.js';
import type { TracesRepository } from './traces.repository.js';
import { issueFingerprint } from './fingerprint.js';
import { spanTimeMessage, spanTimeProblem, type SpanTimeProblem } from './span-times.js';
import type { ExportTraceRequest, KeyValue, OtlpSpan } from '../../otlp/otlp.types.js';

export interface IngestResult {
  readonly accepted: number;
  /** Spans already stored by an earlier attempt of the same batch. */
  readonly duplicates: number;
  /** Spans refused one by one (reported through OTLP partial success). */
  readonly rejected: number;
  readonly rejectionMessage: string;
}

/**
 * Derived data kept up to date in the same write as the spans (the service
 * map's rollups). Declared here so that the traces area names no area above it.
 */
export interface SpanRollups {
  /** `spans`: the whole accepted batch; `fresh`: the spans this request stored (a retry finds none). */
  record(tenant: Tenant, spans: readonly Span[], fresh: readonly Span[]): Promise<void>;
}

export interface IngestOptions {
  readonly retentionHours: number;
  /** How far in the future a span may start or end (MESH_INGEST_MAX_FUTURE_SKEW_S); beyond, it is refused (span-times.ts). */
  readonly maxFutureSkewS: number;
  /** Resource attribute naming the cluster when k8s.cluster.name is absent. */
  readonly clusterFallbackAttribute: string;
  /** Called once a batch is durably stored (the live tail); must not throw. */
  readonly onStored?: (tenant: Tenant, spans: readonly Span[]) => void;
  /** Service and topology rollups, updated with the spans this request stored (awaited: part of the write). */
  readonly rollups?: SpanRollups;
}

function resourceString(attributes: readonly KeyValue[], ...keys: string[]): string | null {
  for (const key of keys) {
    const found = attributes.find((a) => a.key === key);
    if (found?.value.type === 'string' && found.value.value !== '') return found.value.value;
  }
  return null;
}

/** Spans of a request flattened for storage: those kept, and how many were refused, per reason. */
export interface FlatRequest<R> {
  readonly spans: Span[];
  readonly refused: Map<R, number>;
}

/**
 * Flattens an OTLP request into stored spans in one pass, resolving the
 * service identity once per resource; spans `refuse` names a reason for are
 * counted per reason, not kept. Every span is one object literal of a fixed shape
 * (not a spread of the decoded span), so that the rest of the ingest path
 * reads it through one hidden class; spans of one resource (and scope) share
 * the same `resource` (and `scope`) object, which document building relies
 * on to convert each of them once.
 */
export function flattenRequest<R>(
  request: ExportTraceRequest,
  options: IngestOptions,
  refuse: (span: OtlpSpan) => R | null = () => null,
): FlatRequest<R> {
  const spans: Span[] = [];
  const refused = new Map<R, number>();
  for (const rs of request.resourceSpans) {
    const attrs = rs.resource.attributes;
    // The OTel spec's default when an SDK sets no service.name.
    const serviceName = resourceString(attrs, 'service.name') ?? 'unknown_service';
    const serviceNamespace = resourceString(attrs, 'service.namespace');
    const deploymentEnvironment = resourceString(attrs, 'deployment.environment.name', 'deployment.environment');
    const serviceVersion = resourceString(attrs, 'service.version');
    const cluster = resourceString(attrs, 'k8s.cluster.name', options.clusterFallbackAttribute);
    const resource = { attributes: attrs, droppedAttributesCount: rs.resource.droppedAttributesCount, schemaUrl: rs.schemaUrl };
    for (const ss of rs.scopeSpans) {
      const scope = {
        name: ss.scope.name,
        version: ss.scope.version,
        attributes: ss.scope.attributes,
        droppedAttributesCount: ss.scope.droppedAttributesCount,
        schemaUrl: ss.schemaUrl,
      };
      for (const span of ss.spans) {
        const problem = refuse(span);
        if (problem !== null) {
          refused.set(problem, (refused.get(problem) ?? 0) + 1);
          continue;
        }
        spans.push({
          traceId: span.traceId,
          spanId: span.spanId,
          traceState: span.traceState,
          parentSpanId: span.parentSpanId,
          flags: span.flags,
          name: span.name,
          kind: span.kind,
          startTimeUnixNano: span.startTimeUnixNano,
          endTimeUnixNano: span.endTimeUnixNano,
          attributes: span.attributes,
          droppedAttributesCount: span.droppedAttributesCount,
          events: span.events,
          droppedEventsCount: span.droppedEventsCount,
          links: span.links,
          droppedLinksCount: span.droppedLinksCount,
          status: span.status,
          resource,
          scope,
          serviceName,
          serviceNamespace,
          deploymentEnvironment,
          serviceVersion,
          cluster,
          issueFingerprint: issueFingerprint(span),
        });
      }
    }
  }
  return { spans, refused };
}

export class IngestService {
  constructor(
    private readonly spans: SpansRepository,
    private readonly traces: TracesRepository,
    private readonly options: IngestOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Stores a decoded export request. Resolves only once every accepted span
   * and its trace summary are written, so a 2xx means durable; any store
   * failure rejects, the client retries, and the retry is deduplicated.
   *
   * Spans are written in bounded batches (SpansRepository.writeBatches), one
   * after the other, each followed by its trace summaries and rollups: every
   * round trip carries a bounded amount of work, however large the request,
   * and a failure part-way leaves whole batches behind it, summaries and
   * rollups included.
   */
  async ingest(principal: Principal | null, request: ExportTraceRequest): Promise<IngestResult> {
    const { tenant } = assertCan(principal, 'traces:write');
    const rules = { nowMs: this.now().getTime(), maxFutureSkewS: this.options.maxFutureSkewS };
    const oldestNs = BigInt(Math.floor(rules.nowMs - this.options.retentionHours * 3_600_000)) * 1_000_000n;
    // Spans with times outside a sane range, or already past retention (the TTL index would expire them at once), are refused visibly.
    const { spans, refused } = flattenRequest<SpanTimeProblem | 'retention'>(
      request,
      this.options,
      (s) => spanTimeProblem(s, rules) ?? (s.startTimeUnixNano < oldestNs ? 'retention' : null),
    );
    let rejected = 0;
    for (const n of refused.values()) rejected += n;
    let accepted = 0;
    let duplicates = 0;
    const batches = this.spans.writeBatches(spans);
    // A request with nothing to store still reaches the rollups once: their upkeep (the join's sweep) rides on ingest.
    for (const batch of batches.length > 0 ? batches : [[]]) {
      const stored = await this.spans.insertMany(tenant, batch);
      accepted += stored.inserted;
      duplicates += stored.duplicates;
      // Independent documents (trace summaries, rollups): written concurrently.
      await Promise.all([this.traces.applySpans(tenant, batch), this.options.rollups?.record(tenant, batch, stored.fresh)]);
    }
    if (accepted > 0) this.options.onStored?.(tenant, spans);
    return {
      accepted,
      duplicates,
      rejected,
      rejectionMessage: [...refused]
        .map(([problem, count]) =>
          problem === 'retention'
            ? `${count} spans started before the retention period of ${this.options.retentionHours}h and were dropped`
            : spanTimeMessage(problem, count, rules),
        )
        .join('; '),
    };
  }

  /**
   * How long the store may take for a request: `stepMs` (MESH_STORE_TIMEOUT_MS)
   * per bounded write batch it needs, so that a large legal request is given
   * the time its work takes instead of being answered 503 while its writes go on.
   */
  storeDeadlineMs(request: ExportTraceRequest, stepMs: number): number {
    let spans = 0;
    for (const rs of request.resourceSpans) for (const ss of rs.scopeSpans) spans += ss.spans.length;
    return stepMs * Math.max(1, Math.ceil(spans / SPANS_PER_WRITE));
  }
}
