import type { Db } from 'mongodb';
import type { Config } from '../../config.js';
import type { EventBus } from '../../events/pubsub.js';
import type { Module } from '../module.js';
import { IngestService, type SpanRollups } from './ingest.service.js';
import { LiveTailService } from './live-tail.js';
import { spansCollection, SpansRepository } from './spans.repository.js';
import type { TraceEvents } from './traces.events.js';
import { traceLoaders, type TraceLoaders } from './traces.loaders.js';
import { tracesCollection, TracesRepository } from './traces.repository.js';
import { TracesService } from './traces.service.js';

export interface TracesModuleDeps {
  readonly db: Db;
  readonly config: Pick<Config, 'retentionHours' | 'ingestMaxFutureSkewS'>;
  readonly events: EventBus<TraceEvents>;
  /** The service map's rollups, written with every stored batch; absent in the rollup benchmark's baseline. */
  readonly rollups?: SpanRollups;
}

export interface TracesServices {
  readonly traces: TracesService;
  /** Live tail of ingested traces, fed by ingest after each durable write. */
  readonly liveTail: LiveTailService;
  /** OTLP export requests, decoded, into spans, trace summaries and rollups. */
  readonly ingest: IngestService;
}

/** Traces and their spans: OTLP ingest, listing and search, issues, the live tail. */
export function createTracesModule({ db, config, events, rollups }: TracesModuleDeps): Module<TracesServices, TraceLoaders> {
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
  const retentionS = config.retentionHours * 3600;
  return {
    services: { traces, liveTail, ingest },
    collections: [spansCollection(retentionS), tracesCollection(retentionS)],
    loaders: traceLoaders(traces),
  };
}

declare module '../../graphql/context.js' {
  interface Services extends TracesServices {}
  interface Loaders extends TraceLoaders {}
}
