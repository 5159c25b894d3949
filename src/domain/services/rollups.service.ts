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
    // What needs no join is written while the join runs; the edges it wins follow.
    await Promise.all([
      this.rollups.apply(counted),
      this.services.discover(tenant, spans),
      this.operations.discover(tenant, spans),
      this.joinEdges(tenant, fresh),
    ]);
  }

  private async joinEdges(tenant: Tenant, fresh: readonly Span[]): Promise<void> {
    const [paired, swept] = await Promise.all([this.join.join(tenant, fresh), this.join.sweepIfDue(tenant)]);
    const joined = new RollupBatch(tenant);
    for (const edge of [...paired, ...swept]) joined.addEdge(edge);
    await this.rollups.apply(joined);
  }
}
