import type { Db } from 'mongodb';
import { ttlSeconds, type Config } from '../../config.js';
import type { EventBus } from '../../events/pubsub.js';
import { silentLogger, type Logger } from '../../logger.js';
import type { Module } from '../module.js';
import { CapacityRepository } from './capacity.repository.js';
import { IngestService, type SpanRollups } from './ingest.service.js';
import { LiveTailService } from './live-tail.js';
import { spansCollection, SpansRepository } from './spans.repository.js';
import type { TraceEvents } from './traces.events.js';
import { traceLoaders, type TraceLoaders } from './traces.loaders.js';
import { tracesCollection, TracesRepository } from './traces.repository.js';
import { TracesService } from './traces.service.js';
import { TraceCapacity, type EvictionResult } from './trace-capacity.js';

/** How often the span count is checked against the capacity: an overshoot is at most this long's ingest. */
const CAPACITY_CHECK_INTERVAL_MS = 1_000;

export interface TracesModuleDeps {
  readonly db: Db;
  readonly config: Pick<Config, 'retentionHours' | 'ingestMaxFutureSkewS'>;
  readonly events: EventBus<TraceEvents>;
  /** The service map's rollups, written with every stored batch; absent in the rollup benchmark's baseline. */
  readonly rollups?: SpanRollups;
  /**
   * Span capacity of the store (MESH_EMBEDDED_MAX_SPANS, embedded store only): beyond it the oldest whole
   * traces are evicted. Absent: the store's own retention (TTL indexes) is the only bound.
   */
  readonly capacity?: {
    readonly maxSpans: number;
    readonly onEvicted?: (evicted: EvictionResult) => void;
    /** Share of the store's heap its data holds, when the store reports it (embedded mongo-java-server). */
    readonly heapUsed?: () => number | undefined;
  };
  readonly log?: Logger;
}

export interface TracesServices {
  readonly traces: TracesService;
  /** Live tail of ingested traces, fed by ingest after each durable write. */
  readonly liveTail: LiveTailService;
  /** OTLP export requests, decoded, into spans, trace summaries and rollups. */
  readonly ingest: IngestService;
}

/** Traces and their spans: OTLP ingest, listing and search, issues, the live tail. */
export function createTracesModule({ db, config, events, rollups, capacity, log }: TracesModuleDeps): Module<TracesServices, TraceLoaders> {
  const spansRepo = new SpansRepository(db);
  const tracesRepo = new TracesRepository(db, spansRepo);
  const traces = new TracesService(tracesRepo, spansRepo);
  const liveTail = new LiveTailService(events);
  const ingest = new IngestService(spansRepo, tracesRepo, {
    retentionHours: config.retentionHours,
    maxFutureSkewS: config.ingestMaxFutureSkewS,
    clusterFallbackAttribute: 'cluster',
    onStored: (tenant, spans) => liveTail.publish(tenant, spans),
    rollups,
  });
  const retentionS = ttlSeconds(config.retentionHours);
  const eviction =
    capacity === undefined
      ? undefined
      : new TraceCapacity(new CapacityRepository(db), { ...capacity, checkIntervalMs: CAPACITY_CHECK_INTERVAL_MS }, log ?? silentLogger);
  return {
    services: { traces, liveTail, ingest },
    collections: [spansCollection(retentionS), tracesCollection(retentionS)],
    loaders: traceLoaders(traces),
    ...(eviction === undefined ? {} : { start: () => eviction.start(), stop: () => eviction.stop() }),
  };
}

declare module '../../graphql/context.js' {
  interface Services extends TracesServices {}
  interface Loaders extends TraceLoaders {}
}
