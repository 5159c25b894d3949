import type { TracesService } from '../traces/traces.service.js';
import type { Module } from '../module.js';
import { SearchService } from './search.service.js';

export interface SearchServices {
  /** The search language over traces (docs/search-language.md). */
  readonly search: SearchService;
}

/** Trace search by expression: compiled to the traces area's queries, so it owns no collection. */
export function createSearchModule({ traces }: { readonly traces: TracesService }): Module<SearchServices> {
  return { services: { search: new SearchService(traces) }, collections: [], loaders: {} };
}

declare module '../../graphql/context.js' {
  interface Services extends SearchServices {}
}
