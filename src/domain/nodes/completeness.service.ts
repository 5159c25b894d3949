import { assertCan } from '../../auth/policy.js';
import type { Principal } from '../../auth/principal.js';
import type { TraceSummary } from '../traces/trace.js';
import {
  assessCompleteness,
  completenessWindow,
  dropRanges,
  watchedClusters,
  type CompletenessRules,
  type TraceCompleteness,
} from './completeness.js';
import type { NodesRepository } from './nodes.repository.js';

/**
 * Trace completeness from the collector nodes' heartbeat history. A batch of
 * traces (a page of results) costs two reads whatever its size: the drop
 * reports of all their windows (merged ranges) and the nodes of their clusters.
 */
export class CompletenessService {
  constructor(
    private readonly nodes: NodesRepository,
    private readonly rules: CompletenessRules,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One verdict per trace, in the order given. */
  async ofTraces(principal: Principal | null, traces: readonly TraceSummary[]): Promise<TraceCompleteness[]> {
    const { tenant } = assertCan(principal, 'traces:read');
    assertCan(principal, 'nodes:read');
    if (traces.length === 0) return [];
    const windows = traces.map((t) => completenessWindow(t, this.rules));
    const [heartbeats, nodes] = await Promise.all([
      this.nodes.dropReports(tenant, dropRanges(windows)),
      this.nodes.watchers(tenant, watchedClusters(windows)),
    ]);
    const now = this.now();
    return windows.map((w) => assessCompleteness(w, heartbeats, nodes, this.rules, now));
  }
}
