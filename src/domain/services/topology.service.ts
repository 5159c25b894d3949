import { assertCan } from '../../auth/policy.js';
import type { Principal } from '../../auth/principal.js';
import { ValidationError } from '../../errors.js';
import { RedAccumulator, type RedStats } from './red-stats.js';
import type { RollupsRepository } from './rollups.repository.js';
import type { NodeType } from './span-roles.js';
import { coveredWindow, MAX_WINDOW_MS, planWindow, resolveWindow, type TimeWindow } from './time-buckets.js';
import type { ServicesRepository } from './services.repository.js';

export interface TopologyNode {
  readonly id: string;
  readonly type: NodeType;
}

export interface TopologyEdge extends RedStats {
  readonly source: string;
  readonly target: string;
}

export interface Topology {
  readonly window: TimeWindow;
  readonly cluster: string | null;
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

export interface TopologyInput {
  readonly cluster?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
}

/** When one id was reached as several leaf types (rare: attributes disagree), the most specific wins. */
const LEAF_PRECEDENCE: readonly NodeType[] = ['database', 'messaging', 'external'];
const TYPE_ORDER: readonly NodeType[] = ['service', ...LEAF_PRECEDENCE];
const MAX_SERVICES_SCANNED = 10_000;

function byId(a: { id: string; type: NodeType }, b: { id: string; type: NodeType }): number {
  return TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.id.localeCompare(b.id);
}

/**
 * The dependency graph of a window, from edge rollups (O(edges × time
 * buckets)): nodes are the services active in the window and every node an
 * edge touches; edges are summed over clusters and time buckets.
 */
export class TopologyService {
  constructor(
    private readonly rollups: RollupsRepository,
    private readonly services: ServicesRepository,
    private readonly now: () => Date = () => new Date(),
    private readonly maxWindowMs = MAX_WINDOW_MS,
  ) {}

  async topology(principal: Principal | null, input: TopologyInput): Promise<Topology> {
    const { tenant } = assertCan(principal, 'services:read');
    const window = coveredWindow(resolveWindow(input, this.now(), this.maxWindowMs));
    const cluster = input.cluster ?? undefined;
    if (cluster !== undefined && (cluster.length === 0 || cluster.length > 1024)) {
      throw new ValidationError(`Parameter 'cluster' must be a non-empty string of at most 1024 characters`, 'cluster');
    }
    const filter = cluster === undefined ? {} : { cluster };
    const [buckets, records] = await Promise.all([
      this.rollups.edgeBuckets(tenant, planWindow(window), filter),
      this.services.list(tenant, filter, MAX_SERVICES_SCANNED),
    ]);

    const services = new Set(
      records
        .filter((r) => r.lastSeen.getTime() >= window.from.getTime() && r.firstSeen.getTime() < window.to.getTime())
        .map((r) => r.name),
    );
    const leafTypes = new Map<string, NodeType>();
    const edges = new Map<string, { source: string; target: string; red: RedAccumulator }>();
    for (const bucket of buckets) {
      services.add(bucket.source);
      if (bucket.targetType === 'service') {
        services.add(bucket.target);
      } else {
        const current = leafTypes.get(bucket.target);
        if (current === undefined || LEAF_PRECEDENCE.indexOf(bucket.targetType) < LEAF_PRECEDENCE.indexOf(current))
          leafTypes.set(bucket.target, bucket.targetType);
      }
      const key = JSON.stringify([bucket.source, bucket.target]);
      let edge = edges.get(key);
      if (edge === undefined) edges.set(key, (edge = { source: bucket.source, target: bucket.target, red: new RedAccumulator() }));
      edge.red.add(bucket);
    }

    // A leaf named like a service that does emit spans (peer.service naming an instrumented service) is that service.
    const nodes: TopologyNode[] = [...services].map((id) => ({ id, type: 'service' as const }));
    for (const [id, type] of leafTypes) if (!services.has(id)) nodes.push({ id, type });
    nodes.sort(byId);
    const edgeList = [...edges.values()]
      .map(({ source, target, red }) => ({ source, target, ...red.stats() }))
      .sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
    return { window, cluster: cluster ?? null, nodes, edges: edgeList };
  }
}
