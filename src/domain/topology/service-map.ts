import type { Db } from 'mongodb';
import type { CollectionSpec } from '../../db/collections.js';
import { edgeRollupsCollection, operationRollupsCollection, RollupsRepository, serviceRollupsCollection } from '../rollups/rollups.repository.js';
import { RollupsService } from '../rollups/rollups.service.js';
import { ServicesRepository, servicesCollection } from '../services/services.repository.js';
import { ServiceCatalog } from '../services/services.service.js';
import { DEFAULT_JOIN_WINDOW_MS, DEFAULT_SWEEP_INTERVAL_MS, EdgeJoin } from './edge-join.js';
import { edgeClaimsCollection, pendingEdgesCollection, PendingEdgesRepository } from './pending-edges.repository.js';
import { TopologyService } from './topology.service.js';

/** The collections of services and topology, for `collectionSpecs()`. */
export function serviceMapCollections(retentionSeconds: number): CollectionSpec[] {
  return [
    servicesCollection(retentionSeconds),
    serviceRollupsCollection(retentionSeconds),
    operationRollupsCollection(retentionSeconds),
    edgeRollupsCollection(retentionSeconds),
    pendingEdgesCollection(),
    edgeClaimsCollection(),
  ];
}

export interface ServiceMapOptions {
  readonly joinWindowMs?: number;
  readonly sweepIntervalMs?: number;
  readonly now?: () => Date;
  /** Longest query window (maxWindowMsFor the retention); default 31 days. */
  readonly maxWindowMs?: number;
}

export interface ServiceMap {
  /** For IngestService: maintains the rollups. */
  readonly rollups: RollupsService;
  /** For the schema: services and their figures. */
  readonly catalog: ServiceCatalog;
  readonly topology: TopologyService;
}

/** Wires the repositories and services of this area once, for buildApp (and benchmarks). */
export function createServiceMap(db: Db, options: ServiceMapOptions = {}): ServiceMap {
  const now = options.now ?? (() => new Date());
  const rollupsRepo = new RollupsRepository(db);
  const servicesRepo = new ServicesRepository(db);
  const join = new EdgeJoin(new PendingEdgesRepository(db), {
    windowMs: options.joinWindowMs ?? DEFAULT_JOIN_WINDOW_MS,
    sweepIntervalMs: options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS,
    now,
  });
  return {
    rollups: new RollupsService(rollupsRepo, servicesRepo, join),
    catalog: new ServiceCatalog(servicesRepo, rollupsRepo, now, options.maxWindowMs),
    topology: new TopologyService(rollupsRepo, servicesRepo, now, options.maxWindowMs),
  };
}
