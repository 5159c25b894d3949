import type { HeartbeatSample, NodeStatusChange } from './node.js';

/** Live events of collector nodes, routed by tenant key (see events/pubsub.ts). */
export type NodeEvents = {
  'node:heartbeat': [tenantKey: string, payload: HeartbeatSample];
  'node:status': [tenantKey: string, payload: NodeStatusChange];
};
