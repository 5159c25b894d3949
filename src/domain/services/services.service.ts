import { assertCan } from '../../auth/policy.js';
import type { Principal } from '../../auth/principal.js';
import type { Tenant } from '../../auth/tenant.js';
import { ValidationError } from '../../errors.js';
import type { SpanKind } from '../../otlp/otlp.types.js';
import { RedAccumulator, type RedStats } from './red-stats.js';
import type { RollupsRepository, ServiceBucket, ServiceBucketFilter } from './rollups.repository.js';
import { coveredWindow, floorTo, MAX_WINDOW_MS, planSeries, planWindow, resolveWindow, type TimeWindow } from './time-buckets.js';
import type { OperationsRepository } from './operations.repository.js';
import type { ServiceRecord, ServicesRepository } from './services.repository.js';

/**
 * Which rollups a service view reads. `undefined` means "any": a deployment
 * row of the services list pins namespace and cluster; `service(name)` pins
 * only what the caller gave.
 */
export interface ServiceSelector {
  readonly name: string;
  readonly namespace?: string | null;
  readonly cluster?: string | null;
}

/** A service (or one deployment of it) over a query window; its figures are loaded on demand. */
export interface ServiceView {
  readonly selector: ServiceSelector;
  readonly window: TimeWindow;
  readonly name: string;
  readonly namespace: string | null;
  readonly cluster: string | null;
  readonly clusters: readonly string[];
  readonly firstSeen: Date;
  readonly lastSeen: Date;
}

export interface ServiceStats extends RedStats {
  /** Every span of the service in the window, entry spans or not. */
  readonly spanCount: number;
}

export interface SeriesPoint extends RedStats {
  readonly start: Date;
}

export interface OperationStats extends RedStats {
  readonly name: string;
}

/** An operation of a service: a span name with the span kind it was sent with. */
export interface ServiceOperation {
  readonly name: string;
  readonly kind: SpanKind;
}

export interface ServiceList {
  readonly window: TimeWindow;
  readonly totalCount: number;
  readonly services: readonly ServiceView[];
}

export interface WindowInput {
  readonly from?: Date | null;
  readonly to?: Date | null;
}

export const MAX_SERVICES = 1000;
export const DEFAULT_SERVICES = 100;
export const MAX_TOP_OPERATIONS = 100;
/** Most operations one service view lists (span names can be high-cardinality; Jaeger's lists have no bound either). */
export const MAX_OPERATIONS = 10_000;
const MAX_TEXT = 1024;

function boundedText(value: string | null | undefined, param: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length === 0 || value.length > MAX_TEXT) {
    throw new ValidationError(`Parameter '${param}' must be a non-empty string of at most ${MAX_TEXT} characters`, param);
  }
  return value;
}

function matches(bucket: Pick<ServiceBucket, 'service' | 'namespace' | 'cluster'>, selector: ServiceSelector): boolean {
  return (
    bucket.service === selector.name &&
    (selector.namespace === undefined || bucket.namespace === selector.namespace) &&
    (selector.cluster === undefined || bucket.cluster === selector.cluster)
  );
}

function sameWindow(a: TimeWindow, b: TimeWindow): boolean {
  return a.from.getTime() === b.from.getTime() && a.to.getTime() === b.to.getTime();
}

/** Groups keys that can share one rollup read (same window, and whatever else `sameGroup` requires). */
function groupKeys<K extends { readonly window: TimeWindow }>(keys: readonly K[], sameGroup: (a: K, b: K) => boolean = () => true): K[][] {
  const groups: K[][] = [];
  for (const key of keys) {
    const group = groups.find((g) => sameWindow(g[0]!.window, key.window) && sameGroup(g[0]!, key));
    if (group) group.push(key);
    else groups.push([key]);
  }
  return groups;
}

/** The narrowest rollup filter that still covers every selector of a group. */
function coveringFilter(selectors: readonly ServiceSelector[]): ServiceBucketFilter & { services: string[] } {
  const clusters = new Set(selectors.map((s) => s.cluster));
  const [cluster] = clusters;
  return { services: [...new Set(selectors.map((s) => s.name))], ...(clusters.size === 1 && cluster !== undefined ? { cluster } : {}) };
}

function toView(records: readonly ServiceRecord[], selector: ServiceSelector, window: TimeWindow): ServiceView {
  const namespaces = [...new Set(records.map((r) => r.namespace))];
  const clusters = [...new Set(records.map((r) => r.cluster).filter((c): c is string => c !== null))].sort();
  return {
    selector,
    window,
    name: selector.name,
    namespace: namespaces.length === 1 ? (namespaces[0] ?? null) : null,
    cluster: selector.cluster !== undefined ? selector.cluster : clusters.length === 1 ? (clusters[0] ?? null) : null,
    clusters,
    firstSeen: new Date(Math.min(...records.map((r) => r.firstSeen.getTime()))),
    lastSeen: new Date(Math.max(...records.map((r) => r.lastSeen.getTime()))),
  };
}

/**
 * Discovered services and their RED figures. Every figure is read from the
 * per-minute / per-hour rollups (O(time buckets) per service), never from spans.
 */
export class ServiceCatalog {
  constructor(
    private readonly services: ServicesRepository,
    private readonly rollups: RollupsRepository,
    private readonly operationsCatalog: OperationsRepository,
    private readonly now: () => Date = () => new Date(),
    private readonly maxWindowMs = MAX_WINDOW_MS,
  ) {}

  private tenant(principal: Principal | null): Tenant {
    return assertCan(principal, 'services:read').tenant;
  }

  /** The window the figures cover: the requested one, widened to the buckets read (time-buckets.ts). */
  window(input: WindowInput): TimeWindow {
    return coveredWindow(resolveWindow(input, this.now(), this.maxWindowMs));
  }

  /** One row per deployment (service.namespace, service.name, cluster), by name. */
  async list(principal: Principal | null, input: WindowInput & { cluster?: string | null; limit?: number | null }): Promise<ServiceList> {
    const tenant = this.tenant(principal);
    const window = this.window(input);
    const limit = input.limit ?? DEFAULT_SERVICES;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SERVICES) {
      throw new ValidationError(`Parameter 'limit' must be an integer from 1 to ${MAX_SERVICES}`, 'limit');
    }
    const cluster = boundedText(input.cluster, 'cluster');
    const filter = cluster === undefined ? {} : { cluster };
    const [records, totalCount] = await Promise.all([this.services.list(tenant, filter, limit), this.services.count(tenant, filter)]);
    const services = records.map((r) => toView([r], { name: r.name, namespace: r.namespace, cluster: r.cluster }, window));
    return { window, totalCount, services };
  }

  /** A service by name, over all its deployments, or those of one cluster / namespace; null if never seen. */
  async get(
    principal: Principal | null,
    input: WindowInput & { name: string; namespace?: string | null; cluster?: string | null },
  ): Promise<ServiceView | null> {
    const tenant = this.tenant(principal);
    const window = this.window(input);
    const name = boundedText(input.name, 'name') ?? '';
    const cluster = boundedText(input.cluster, 'cluster');
    const namespace = boundedText(input.namespace, 'namespace');
    const records = (await this.services.list(tenant, { name, ...(cluster === undefined ? {} : { cluster }) }, MAX_SERVICES)).filter(
      (r) => namespace === undefined || r.namespace === namespace,
    );
    if (records.length === 0) return null;
    const selector: ServiceSelector = {
      name,
      ...(cluster === undefined ? {} : { cluster }),
      ...(namespace === undefined ? {} : { namespace }),
    };
    return toView(records, selector, window);
  }

  /** Window totals for many services, batched into one rollup read per window. */
  async stats(principal: Principal | null, keys: readonly { selector: ServiceSelector; window: TimeWindow }[]): Promise<ServiceStats[]> {
    const tenant = this.tenant(principal);
    const results = new Map<(typeof keys)[number], ServiceStats>();
    for (const group of groupKeys(keys)) {
      const window = group[0]!.window;
      const buckets = await this.rollups.serviceBuckets(tenant, planWindow(window), coveringFilter(group.map((k) => k.selector)));
      for (const key of group) {
        const red = new RedAccumulator();
        let spanCount = 0;
        for (const bucket of buckets) {
          if (!matches(bucket, key.selector)) continue;
          red.add(bucket);
          spanCount += bucket.spans;
        }
        results.set(key, { ...red.stats(), spanCount });
      }
    }
    return keys.map((key) => results.get(key)!);
  }

  /** A RED point per step for many services; one rollup read per (window, step). */
  async series(
    principal: Principal | null,
    keys: readonly { selector: ServiceSelector; window: TimeWindow; stepSeconds: number | null }[],
  ): Promise<SeriesPoint[][]> {
    const tenant = this.tenant(principal);
    const results = new Map<(typeof keys)[number], SeriesPoint[]>();
    for (const group of groupKeys(keys, (a, b) => a.stepSeconds === b.stepSeconds)) {
      const plan = planSeries(group[0]!.window, group[0]!.stepSeconds);
      const buckets = await this.rollups.serviceBuckets(tenant, [plan.range], coveringFilter(group.map((k) => k.selector)));
      for (const key of group) {
        const points = new Map(plan.points.map((start) => [start.getTime(), new RedAccumulator()]));
        for (const bucket of buckets) {
          if (matches(bucket, key.selector)) points.get(floorTo(bucket.t.getTime(), plan.stepMs))?.add(bucket);
        }
        results.set(
          key,
          [...points].map(([start, red]) => ({ start: new Date(start), ...red.stats() })),
        );
      }
    }
    return keys.map((key) => results.get(key)!);
  }

  /**
   * Every operation (span name and kind) of many service views, from the
   * operations catalog: one read for all of them, sorted by name then kind.
   * A view pinned to a namespace or cluster lists that deployment's only.
   */
  async operations(
    principal: Principal | null,
    keys: readonly { selector: ServiceSelector; spanKind: SpanKind | null }[],
  ): Promise<ServiceOperation[][]> {
    const tenant = this.tenant(principal);
    const kinds = new Set(keys.map((k) => k.spanKind));
    const [kind] = kinds;
    const records = await this.operationsCatalog.list(tenant, {
      services: [...new Set(keys.map((k) => k.selector.name))],
      ...(kinds.size === 1 && kind !== null && kind !== undefined ? { kind } : {}),
      limit: MAX_OPERATIONS * keys.length,
    });
    return keys.map((key) => {
      // Deployments of one service share operation names: each (name, kind) once.
      const unique = new Map<string, ServiceOperation>();
      for (const record of records) {
        if (!matches({ service: record.service, namespace: record.namespace, cluster: record.cluster }, key.selector)) continue;
        if (key.spanKind !== null && record.kind !== key.spanKind) continue;
        unique.set(`${record.kind}:${record.name}`, { name: record.name, kind: record.kind });
      }
      return [...unique.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind - b.kind)).slice(0, MAX_OPERATIONS);
    });
  }

  /** The most requested entry operations of many services over their windows. */
  async topOperations(
    principal: Principal | null,
    keys: readonly { selector: ServiceSelector; window: TimeWindow; limit: number }[],
  ): Promise<OperationStats[][]> {
    const tenant = this.tenant(principal);
    for (const key of keys) {
      if (!Number.isInteger(key.limit) || key.limit < 1 || key.limit > MAX_TOP_OPERATIONS) {
        throw new ValidationError(`Parameter 'limit' must be an integer from 1 to ${MAX_TOP_OPERATIONS}`, 'limit');
      }
    }
    const results = new Map<(typeof keys)[number], OperationStats[]>();
    for (const group of groupKeys(keys)) {
      const buckets = await this.rollups.operationBuckets(
        tenant,
        planWindow(group[0]!.window),
        coveringFilter(group.map((k) => k.selector)),
      );
      for (const key of group) {
        const byOperation = new Map<string, RedAccumulator>();
        for (const bucket of buckets) {
          if (!matches(bucket, key.selector)) continue;
          let red = byOperation.get(bucket.operation);
          if (red === undefined) byOperation.set(bucket.operation, (red = new RedAccumulator()));
          red.add(bucket);
        }
        const ranked = [...byOperation]
          .sort(([a, ra], [b, rb]) => rb.requests - ra.requests || a.localeCompare(b))
          .slice(0, key.limit)
          .map(([name, red]) => ({ name, ...red.stats() }));
        results.set(key, ranked);
      }
    }
    return keys.map((key) => results.get(key)!);
  }
}
