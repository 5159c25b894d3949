import type { Tenant } from '../../auth/tenant.js';
import type { OperationsRepository } from './operations.repository.js';
import type { ServicesRepository } from './services.repository.js';
import type { Span } from '../traces/span.js';
import type { EdgeJoin } from './edge-join.js';
import { RollupBatch } from './rollup-batch.js';
import type { RollupsRepository } from './rollups.repository.js';
import { immediateLeaf } from './span-roles.js';

/**
 * The ingest side of services and topology: called by IngestService after the
 * spans of a batch are stored, in the same request, so a 2xx means the
 * rollups include the batch.
 *
 * Counting is at most once per span: only spans this request inserted (not
 * duplicates of an earlier attempt) are counted, so a retried batch changes
 * nothing. If the process dies between the span insert and these writes, the
 * retry finds the spans stored and counts nothing: that batch is missing from
 * the rollups (never counted twice). See docs/services-topology.md.
 */
export class RollupsService {
  constructor(
    private readonly rollups: RollupsRepository,
    private readonly services: ServicesRepository,
    private readonly join: EdgeJoin,
    /** The operations catalog (every span name of a service, with its kind), kept like the services catalog. */
    private readonly operations: OperationsRepository,
  ) {}

  /** `spans`: the whole accepted batch (for idempotent service discovery); `fresh`: those stored by this request. */
  async record(tenant: Tenant, spans: readonly Span[], fresh: readonly Span[]): Promise<void> {
    const counted = new RollupBatch(tenant);
    for (const span of fresh) {
      counted.addSpan(span);
      const leaf = immediateLeaf(span);
      if (leaf !== null) counted.addLeafCall(span, leaf);
    }
    // Services and operations need no join: written while the join runs. Edges are written once, with the pairs it won.
    await Promise.all([
      this.rollups.applyServices(counted),
      this.services.discover(tenant, spans),
      this.operations.discover(tenant, spans),
      this.joinEdges(tenant, spans, fresh, counted),
    ]);
  }

  private async joinEdges(tenant: Tenant, spans: readonly Span[], fresh: readonly Span[], counted: RollupBatch): Promise<void> {
    const [paired, swept] = await Promise.all([this.join.join(tenant, fresh, spans), this.join.sweepIfDue(tenant)]);
    for (const edge of paired) counted.addEdge(edge);
    for (const edge of swept) counted.addEdge(edge);
    await this.rollups.applyEdges(counted);
  }
}
