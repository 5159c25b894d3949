import type { Db } from 'mongodb';
import { ttlSeconds, type Config } from '../../config.js';
import type { EventBus } from '../../events/pubsub.js';
import type { Logger } from '../../logger.js';
import type { Module } from '../module.js';
import type { NodeEvents } from './nodes.events.js';
import { nodeLoaders, type NodeLoaders } from './nodes.loaders.js';
import { nodeHeartbeatsCollection, nodesCollection, NodesRepository } from './nodes.repository.js';
import { NodesService } from './nodes.service.js';
import { NodeOfflineSweeper } from './nodes.sweeper.js';

export interface NodesModuleDeps {
  readonly db: Db;
  readonly config: Pick<Config, 'nodeOfflineAfterS' | 'nodeHealth' | 'nodeSweepIntervalMs' | 'nodeHistoryHours'>;
  readonly events: EventBus<NodeEvents>;
  readonly log: Logger;
  /** The clock of heartbeats and the offline sweep (tests drive it). */
  readonly now?: () => Date;
}

export interface NodesServices {
  /** Heartbeats, status, queries and live subscriptions of collector nodes. */
  readonly nodes: NodesService;
}

/** Collector nodes; its background work is the offline sweep. */
export function createNodesModule({ db, config, events, log, now }: NodesModuleDeps): Module<NodesServices, NodeLoaders> {
  const options = { offlineAfterS: config.nodeOfflineAfterS, thresholds: config.nodeHealth };
  const nodes = new NodesService(new NodesRepository(db), events, options, now);
  const sweeper = new NodeOfflineSweeper(nodes, config.nodeSweepIntervalMs, log);
  return {
    services: { nodes },
    collections: [nodesCollection, nodeHeartbeatsCollection(ttlSeconds(config.nodeHistoryHours))],
    loaders: nodeLoaders(nodes),
    start: () => sweeper.start(),
    stop: () => sweeper.stop(),
  };
}

declare module '../../graphql/context.js' {
  interface Services extends NodesServices {}
  interface Loaders extends NodeLoaders {}
}
