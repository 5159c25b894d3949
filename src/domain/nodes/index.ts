import type { Db } from 'mongodb';
import { ttlSeconds, type Config } from '../../config.js';
import type { EventBus } from '../../events/pubsub.js';
import type { Logger } from '../../logger.js';
import type { Module } from '../module.js';
import { CompletenessService } from './completeness.service.js';
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
  /** Trace completeness from the heartbeat history: whether nodes reported dropped spans while a trace ran. */
  readonly completeness: CompletenessService;
}

/** Collector nodes and what their heartbeats say about traces; its background work is the offline sweep. */
export function createNodesModule({ db, config, events, log, now }: NodesModuleDeps): Module<NodesServices, NodeLoaders> {
  const options = { offlineAfterS: config.nodeOfflineAfterS, thresholds: config.nodeHealth };
  const repo = new NodesRepository(db);
  const nodes = new NodesService(repo, events, options, now);
  // A heartbeat up to MESH_NODE_OFFLINE_AFTER_S after a trace's end still covers it; older than the history, nothing can be said.
  const completeness = new CompletenessService(
    repo,
    { slackMs: config.nodeOfflineAfterS * 1000, historyMs: config.nodeHistoryHours * 3_600_000 },
    now,
  );
  const sweeper = new NodeOfflineSweeper(nodes, config.nodeSweepIntervalMs, log);
  return {
    services: { nodes, completeness },
    collections: [nodesCollection, nodeHeartbeatsCollection(ttlSeconds(config.nodeHistoryHours))],
    loaders: nodeLoaders(nodes, completeness),
    start: () => sweeper.start(),
    stop: () => sweeper.stop(),
  };
}

declare module '../../graphql/context.js' {
  interface Services extends NodesServices {}
  interface Loaders extends NodeLoaders {}
}
