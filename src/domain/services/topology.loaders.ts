import DataLoader from 'dataloader';
import type { LoaderFactories } from '../../graphql/context.js';
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

export function topologyLoaders(service: TopologyService): LoaderFactories<TopologyLoaders> {
  return {
    topology: (principal) =>
      new DataLoader(
        (keys) =>
          Promise.all(keys.map((key) => service.topology(principal, { cluster: key.cluster, from: key.window.from, to: key.window.to }))),
        { cacheKeyFn: (key) => JSON.stringify([key.cluster, key.window.from.getTime(), key.window.to.getTime()]) },
      ),
  };
}
