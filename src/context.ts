import type { AuthService } from './auth/auth.service.js';
import type { Principal } from './auth/principal.js';
import type { RateLimits } from './auth/rate-limit.js';
import { createTraceLoaders, type TraceLoaders } from './domain/traces/traces.loaders.js';
import { createNodeLoaders, type NodeLoaders } from './domain/nodes/nodes.loaders.js';
import type { NodesService } from './domain/nodes/nodes.service.js';
import type { LiveTailService } from './domain/traces/live-tail.js';
import type { MeshPubSub } from './graphql/pubsub.js';
import type { TracesService } from './domain/traces/traces.service.js';
import type { SearchService } from './domain/search/search.service.js';
import { createServiceLoaders, type ServiceLoaders } from './domain/services/services.loaders.js';
import type { ServiceCatalog } from './domain/services/services.service.js';
import { createTopologyLoaders, type TopologyLoaders } from './domain/topology/topology.loaders.js';
import type { TopologyService } from './domain/topology/topology.service.js';
import type { AlertChannelsService } from './domain/alerts/alert-channels.service.js';
import { createAlertLoaders, type AlertLoaders } from './domain/alerts/alerts.loaders.js';
import type { AlertsService } from './domain/alerts/alerts.service.js';
import type { CompletenessService } from './domain/traces/completeness.service.js';
import { createTraceAnalysisLoaders, type TraceAnalysisLoaders } from './domain/traces/trace-analysis.loaders.js';

/** Application-scoped services, created once in buildApp and shared by every transport. */
export interface Services {
  readonly auth: AuthService;
  readonly traces: TracesService;
  readonly search: SearchService;
  /** Per-key budgets; routes with an extra documented limit charge it: `limits.admit(principal, 'mackerel-list')`. */
  readonly limits: RateLimits;
  readonly nodes: NodesService;
  readonly liveTail: LiveTailService;
  /** The one pubsub of this instance (in memory, or Redis with REDIS_URL). */
  readonly pubsub: MeshPubSub;
  /** Discovered services and their RED figures, from rollups. */
  readonly catalog: ServiceCatalog;
  readonly topology: TopologyService;
  /** Alert rules, their history and live alert events. */
  readonly alerts: AlertsService;
  /** Notification channels per tenant. */
  readonly alertChannels: AlertChannelsService;
  /** Trace completeness from the collector nodes' heartbeat history. */
  readonly completeness: CompletenessService;
}

/** Per-request context: the same shape for HTTP, WebSocket and REST-compat requests. */
export interface Context {
  readonly requestId: string;
  readonly principal: Principal | null;
  readonly services: Services;
  readonly loaders: TraceLoaders & NodeLoaders & ServiceLoaders & TopologyLoaders & AlertLoaders & TraceAnalysisLoaders;
}

export interface ContextInput {
  readonly requestId: string;
  readonly principal: Principal | null;
}

/** The one context factory; DataLoaders are per request so their caches never cross callers or tenants. */
export function createContext(services: Services, input: ContextInput): Context {
  return {
    requestId: input.requestId,
    principal: input.principal,
    services,
    loaders: {
      ...createTraceLoaders(services.traces, input.principal),
      ...createNodeLoaders(services.nodes, input.principal),
      ...createServiceLoaders(services.catalog, input.principal),
      ...createTopologyLoaders(services.topology, input.principal),
      ...createAlertLoaders(services.alerts, input.principal),
      ...createTraceAnalysisLoaders(services.completeness, input.principal),
    },
  };
}
