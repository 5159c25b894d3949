import { assertCan } from '../../auth/policy.js';
import type { Principal } from '../../auth/principal.js';
import type { Tenant } from '../../auth/tenant.js';
import type { Span } from './span.js';
import type { SpansRepository } from './spans.repository.js';
import type { TracesRepository } from './traces.repository.js';
import { issueFingerprint } from './fingerprint.js';
import { spanTimeMessage, spanTimeProblem, type SpanTimeProblem } from './span-times.js';
import type { ExportTraceRequest, KeyValue } from '../../otlp/otlp.types.js';

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

/** Flattens an OTLP request into stored spans, resolving the service identity from resource attributes. */
export function flattenRequest(request: ExportTraceRequest, options: IngestOptions): Span[] {
  const spans: Span[] = [];
  for (const rs of request.resourceSpans) {
    const attrs = rs.resource.attributes;
    const identity = {
      // The OTel spec's default when an SDK sets no service.name.
      serviceName: resourceString(attrs, 'service.name') ?? 'unknown_service',
      serviceNamespace: resourceString(attrs, 'service.namespace'),
      deploymentEnvironment: resourceString(attrs, 'deployment.environment.name', 'deployment.environment'),
      serviceVersion: resourceString(attrs, 'service.version'),
      cluster: resourceString(attrs, 'k8s.cluster.name', options.clusterFallbackAttribute),
    };
    const resource = { ...rs.resource, schemaUrl: rs.schemaUrl };
    for (const ss of rs.scopeSpans) {
      const scope = { ...ss.scope, schemaUrl: ss.schemaUrl };
      for (const span of ss.spans) {
        spans.push({ ...span, ...identity, resource, scope, issueFingerprint: issueFingerprint(span) });
      }
    }
  }
  return spans;
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
   */
  async ingest(principal: Principal | null, request: ExportTraceRequest): Promise<IngestResult> {
    const { tenant } = assertCan(principal, 'traces:write');
    const all = flattenRequest(request, this.options);
    const rules = { nowMs: this.now().getTime(), maxFutureSkewS: this.options.maxFutureSkewS };
    const oldestNs = BigInt(rules.nowMs - this.options.retentionHours * 3_600_000) * 1_000_000n;
    // Spans with times outside a sane range, or already past retention (the TTL index would expire them at once), are refused visibly.
    const refused = new Map<SpanTimeProblem | 'retention', number>();
    const spans = all.filter((s) => {
      const problem = spanTimeProblem(s, rules) ?? (s.startTimeUnixNano < oldestNs ? 'retention' : null);
      if (problem !== null) refused.set(problem, (refused.get(problem) ?? 0) + 1);
      return problem === null;
    });
    const rejected = all.length - spans.length;
    const { inserted, duplicates, fresh } = await this.spans.insertMany(tenant, spans);
    // Independent documents (trace summaries, rollups): written concurrently.
    await Promise.all([this.traces.applySpans(tenant, spans), this.options.rollups?.record(tenant, spans, fresh)]);
    if (inserted > 0) this.options.onStored?.(tenant, spans);
    return {
      accepted: inserted,
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
}
