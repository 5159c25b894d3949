import type { Principal } from '../../auth/principal.js';
import { ValidationError } from '../../errors.js';
import type { Page } from '../paging.js';
import type { TraceSummary } from '../traces/trace.js';
import type { TracesService } from '../traces/traces.service.js';
import { compileSearch, type CompiledSearch } from './search.compiler.js';
import { SearchError } from './search.errors.js';
import { parseSearch } from './search.parser.js';

/** Default page size of a search: the documented default `limit` of POST /v1/traces/search. */
export const DEFAULT_SEARCH_PAGE_SIZE = 100;

export interface SearchTracesArgs {
  readonly query: string;
  readonly from: Date;
  readonly to: Date;
  readonly first: number;
  readonly after: string | null;
}

/**
 * Parses and compiles a search expression; a syntax or semantic error is the
 * client's, reported on the `query` parameter with the position in the message.
 */
export function compileSearchQuery(query: string): CompiledSearch {
  try {
    return compileSearch(parseSearch(query));
  } catch (error) {
    if (error instanceof SearchError) throw new ValidationError(error.message, 'query');
    throw error;
  }
}

export class SearchService {
  constructor(private readonly traces: TracesService) {}

  /**
   * Traces matching a search expression in a window, newest first. The compiled
   * filters go to TracesService.listTraces, so tenancy, the time window, keyset
   * cursors and the indexed span→trace lookup are the same as for `traces`.
   */
  searchTraces(principal: Principal | null, args: SearchTracesArgs): Promise<Page<TraceSummary>> {
    const compiled = compileSearchQuery(args.query);
    return this.traces.listTraces(principal, {
      filter: { from: args.from, to: args.to },
      order: { field: 'START_TIME', direction: 'DESC' },
      first: args.first,
      after: args.after,
      extraQuery: {
        ...(compiled.trace !== null ? { extra: compiled.trace } : {}),
        ...(compiled.span !== null ? { spanFilter: compiled.span } : {}),
      },
    });
  }
}
