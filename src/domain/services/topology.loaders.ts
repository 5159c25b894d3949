import DataLoader from 'dataloader';
import type { Principal } from '../../auth/principal.js';
import type { TimeWindow } from './time-buckets.js';
import type { Topology, TopologyService } from './topology.service.js';

export interface TopologyKey {
  readonly cluster: string | null;
  readonly window: TimeWindow;
}

export interface TopologyLoaders {
  /** The graph of a (cluster, window), computed once per request however many services ask for their neighbours. */
  readonly topology: DataLoader<TopologyKey, Topology, string>;
}

export function createTopologyLoaders(service: TopologyService, principal: Principal | null): TopologyLoaders {
  return {
    topology: new DataLoader(
      (keys) => Promise.all(keys.map((key) => service.topology(principal, { cluster: key.cluster, from: key.window.from, to: key.window.to }))),
      { cacheKeyFn: (key) => JSON.stringify([key.cluster, key.window.from.getTime(), key.window.to.getTime()]) },
    ),
  };
}
