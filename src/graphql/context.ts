import type { Principal } from '../auth/principal.js';

/**
 * The services of every area, by name, as resolvers see them. Empty here:
 * each area adds its own in its `domain/<area>/index.ts`
 * (`declare module '../../graphql/context.js'`), so this layer, which the
 * builder and the areas build on, names none of them.
 */
export interface Services {}

/** Per-request DataLoaders of every area, by name; added by each area as `Services` is. */
export interface Loaders {}

/** How an area builds each of its loaders for one caller. */
export type LoaderFactories<L> = { readonly [K in keyof L]: (principal: Principal | null) => L[K] };

/** Per-request context: the same shape for HTTP, WebSocket and REST-compat requests. */
export interface Context {
  readonly requestId: string;
  readonly principal: Principal | null;
  readonly services: Services;
  readonly loaders: Loaders;
}

export interface ContextInput {
  readonly requestId: string;
  readonly principal: Principal | null;
}

const PRINCIPAL = Symbol('principal');

/**
 * The one context factory of every transport, over the app's services and
 * loader factories. DataLoaders are per request, so their caches never cross
 * callers or tenants; each is built on first use, so a request builds only
 * the loaders its fields ask for.
 */
export function contextFactory(services: Services, loaders: LoaderFactories<Loaders>): (input: ContextInput) => Context {
  const prototype = {};
  for (const name of Object.keys(loaders) as (keyof Loaders)[]) {
    Object.defineProperty(prototype, name, {
      get(this: { readonly [PRINCIPAL]: Principal | null }) {
        const loader = loaders[name](this[PRINCIPAL]);
        Object.defineProperty(this, name, { value: loader });
        return loader;
      },
    });
  }
  return ({ requestId, principal }) => ({
    requestId,
    principal,
    services,
    loaders: Object.create(prototype, { [PRINCIPAL]: { value: principal } }) as Loaders,
  });
}
