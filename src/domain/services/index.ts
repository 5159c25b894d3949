import type { Db } from 'mongodb';
import { ttlSeconds, type Config } from '../../config.js';
import type { Module } from '../module.js';
import { DEFAULT_JOIN_WINDOW_MS, DEFAULT_SWEEP_INTERVAL_MS, EdgeJoin } from './edge-join.js';
import { edgeClaimsCollection, pendingEdgesCollection, PendingEdgesRepository } from './pending-edges.repository.js';
import { edgeRollupsCollection, operationRollupsCollection, RollupsRepository, serviceRollupsCollection } from './rollups.repository.js';
import { operationsCollection, OperationsRepository } from './operations.repository.js';
import { RollupsService } from './rollups.service.js';
import { serviceLoaders, type ServiceLoaders } from './services.loaders.js';
import { ServicesRepository, servicesCollection } from './services.repository.js';
import { ServiceCatalog } from './services.service.js';
import { topologyLoaders, type TopologyLoaders } from './topology.loaders.js';
import { maxWindowMsFor } from './time-buckets.js';
import { TopologyService } from './topology.service.js';

export interface ServicesModuleDeps {
  readonly db: Db;
  readonly config: Pick<Config, 'retentionHours'>;
  /** How long a call's two sides may arrive apart and still pair (tests shorten it and drive the clock). */
  readonly joinWindowMs?: number;
  readonly sweepIntervalMs?: number;
  readonly now?: () => Date;
}

export interface ServicesServices {
  /** For ingest: maintains the rollups with every stored batch. */
  readonly rollups: RollupsService;
  /** Discovered services, their operations and their RED figures. */
  readonly catalog: ServiceCatalog;
  readonly topology: TopologyService;
}

/**
 * The service map: per-minute rollups maintained at ingest, and the services
 * and topology read from them (docs/services-topology.md).
 */
export function createServicesModule(deps: ServicesModuleDeps): Module<ServicesServices, ServiceLoaders & TopologyLoaders> {
  const now = deps.now ?? (() => new Date());
  const rollupsRepo = new RollupsRepository(deps.db);
  const servicesRepo = new ServicesRepository(deps.db);
  const operationsRepo = new OperationsRepository(deps.db);
  const join = new EdgeJoin(new PendingEdgesRepository(deps.db), {
    windowMs: deps.joinWindowMs ?? DEFAULT_JOIN_WINDOW_MS,
    sweepIntervalMs: deps.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS,
    now,
  });
  // Any window up to the retention can be read (31 days at least).
  const maxWindowMs = maxWindowMsFor(deps.config.retentionHours);
  const catalog = new ServiceCatalog(servicesRepo, rollupsRepo, operationsRepo, now, maxWindowMs);
  const topology = new TopologyService(rollupsRepo, servicesRepo, now, maxWindowMs);
  const retentionS = ttlSeconds(deps.config.retentionHours);
  return {
    services: { rollups: new RollupsService(rollupsRepo, servicesRepo, join, operationsRepo), catalog, topology },
    collections: [
      servicesCollection(retentionS),
      operationsCollection(retentionS),
      serviceRollupsCollection(retentionS),
      operationRollupsCollection(retentionS),
      edgeRollupsCollection(retentionS),
      pendingEdgesCollection(),
      edgeClaimsCollection(),
    ],
    loaders: { ...serviceLoaders(catalog), ...topologyLoaders(topology) },
  };
}

declare module '../../graphql/context.js' {
  interface Services extends ServicesServices {}
  interface Loaders extends ServiceLoaders, TopologyLoaders {}
}
