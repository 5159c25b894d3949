import type { CollectionSpec } from '../db/collections.js';
import type { LoaderFactories } from '../graphql/context.js';

/**
 * What every area's `create<Area>Module(deps)` returns (domain/<area>/index.ts):
 * the app is a list of these, and tests and benchmarks build an area the same
 * way instead of wiring its repositories by hand.
 */
export interface Module<S extends object, L extends object = Record<never, never>> {
  /** The area's use cases, by name: what resolvers reach as `ctx.services`, transports and other areas use. */
  readonly services: S;
  /** The collections the area owns, with the indexes that serve its queries. */
  readonly collections: readonly CollectionSpec[];
  /** Its per-request DataLoaders (graphql/context.ts builds each on first use). */
  readonly loaders: LoaderFactories<L>;
  /** Starts the area's background work on this instance, once the gateway listens. */
  start?(): void;
  /** Stops that work and waits for a pass in progress. */
  stop?(): Promise<void>;
}

/** `A | B` → `A & B`. */
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * The app's modules as one: their services and loaders merged (typed as the
 * intersection, so that a caller wanting every area's services fails to
 * compile when an area is missing), their collections, and background work
 * started in list order and stopped in list order.
 */
export function combineModules<const M extends readonly Module<object, object>[]>(modules: M) {
  return {
    services: Object.assign({}, ...modules.map((m) => m.services)) as Intersection<M[number]['services']>,
    loaders: Object.assign({}, ...modules.map((m) => m.loaders)) as Intersection<M[number]['loaders']>,
    collections: modules.flatMap((m) => m.collections),
    start(): void {
      for (const module of modules) module.start?.();
    },
    async stop(): Promise<void> {
      for (const module of modules) await module.stop?.();
    },
  };
}
