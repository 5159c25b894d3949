import DataLoader from 'dataloader';
import type { LoaderFactories } from '../../graphql/context.js';
import type { TimeWindow } from './time-buckets.js';
import type { OperationStats, SeriesPoint, ServiceCatalog, ServiceOperation, ServiceSelector, ServiceStats } from './services.service.js';
import type { SpanKind } from '../../otlp/otlp.types.js';

export interface ServiceStatsKey {
  readonly selector: ServiceSelector;
  readonly window: TimeWindow;
}

export interface ServiceSeriesKey extends ServiceStatsKey {
  readonly stepSeconds: number | null;
}

export interface ServiceOperationsKey extends ServiceStatsKey {
  readonly limit: number;
}

export interface ServiceOperationListKey {
  readonly selector: ServiceSelector;
  /** null: every kind. */
  readonly spanKind: SpanKind | null;
}

export interface ServiceLoaders {
  /** Window totals: one rollup read for a whole list of services (and shared by all their stat fields). */
  readonly serviceStats: DataLoader<ServiceStatsKey, ServiceStats, string>;
  readonly serviceSeries: DataLoader<ServiceSeriesKey, readonly SeriesPoint[], string>;
  readonly serviceTopOperations: DataLoader<ServiceOperationsKey, readonly OperationStats[], string>;
  /** Every operation of a list of services, from one catalog read. */
  readonly serviceOperations: DataLoader<ServiceOperationListKey, readonly ServiceOperation[], string>;
}

/** Keys by value: the same service and window asked twice in one request is read once. */
function keyOf(key: ServiceStatsKey & { readonly stepSeconds?: number | null; readonly limit?: number }): string {
  const { name, namespace, cluster } = key.selector;
  return JSON.stringify([name, namespace, cluster, key.window.from.getTime(), key.window.to.getTime(), key.stepSeconds, key.limit]);
}

/** Per-request loaders bound to the caller; the catalog answers in key order. */
export function serviceLoaders(catalog: ServiceCatalog): LoaderFactories<ServiceLoaders> {
  return {
    serviceStats: (principal) =>
      new DataLoader<ServiceStatsKey, ServiceStats, string>((keys) => catalog.stats(principal, keys), { cacheKeyFn: keyOf }),
    serviceSeries: (principal) =>
      new DataLoader<ServiceSeriesKey, readonly SeriesPoint[], string>((keys) => catalog.series(principal, keys), { cacheKeyFn: keyOf }),
    serviceTopOperations: (principal) =>
      new DataLoader<ServiceOperationsKey, readonly OperationStats[], string>((keys) => catalog.topOperations(principal, keys), {
        cacheKeyFn: keyOf,
      }),
    serviceOperations: (principal) =>
      new DataLoader<ServiceOperationListKey, readonly ServiceOperation[], string>((keys) => catalog.operations(principal, keys), {
        cacheKeyFn: (key) => JSON.stringify([key.selector.name, key.selector.namespace, key.selector.cluster, key.spanKind]),
      }),
  };
}
