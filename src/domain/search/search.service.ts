import type { Principal } from '../../auth/principal.js';
import { ValidationError } from '../../errors.js';
import { SPAN_KINDS, STATUS_CODES, type AnyValue } from '../../otlp/otlp.types.js';
import { assertPageSize, type Page } from '../paging.js';
import type { SampledField, SpanSampleQuery } from '../traces/spans.repository.js';
import { fromStoredValue } from '../traces/stored-value.js';
import type { TraceSummary } from '../traces/trace.js';
import { DEFAULT_WINDOW_MS, type TracesService } from '../traces/traces.service.js';
import { compileSearch, resolveField, type CompiledSearch } from './search.compiler.js';
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
export function compileSearchQuery(query: string, param = 'query'): CompiledSearch {
  try {
    return compileSearch(parseSearch(query));
  } catch (error) {
    if (error instanceof SearchError) throw new ValidationError(error.message, param);
    throw error;
  }
}

/** Spans read to list keys or values: the latest this many of the window (docs/search-language.md, Discovering fields). */
export const FIELD_SAMPLE_SPANS = 10_000;
export const MAX_FIELD_LIST = 10_000;
export const DEFAULT_FIELD_LIST = 1000;

export interface FieldSampleArgs {
  readonly from?: Date | null;
  readonly to?: Date | null;
  /** Span-level search expression the sampled spans must match. */
  readonly where?: string | null;
  readonly limit: number;
}

const SCALAR_TYPES: ReadonlySet<AnyValue['type']> = new Set(['string', 'bool', 'int', 'double']);
const TYPE_ORDER = ['string', 'int', 'double', 'bool'];

function fieldOf(field: string): ReturnType<typeof resolveField> {
  try {
    return resolveField({ path: field, text: field, position: 0 });
  } catch (error) {
    if (error instanceof SearchError) throw new ValidationError(`Parameter 'field': ${error.message}`, 'field');
    throw error;
  }
}

/** Values in a stable order: by type, then by value (numbers numerically, strings by code unit). */
function compareValues(a: AnyValue, b: AnyValue): number {
  if (a.type !== b.type) return TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type);
  const x = 'value' in a ? a.value : null;
  const y = 'value' in b ? b.value : null;
  return x === y ? 0 : (x as string | number | bigint | boolean) < (y as string | number | bigint | boolean) ? -1 : 1;
}

export class SearchService {
  constructor(
    private readonly traces: TracesService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Attribute keys of spans (or of their resources) seen on the latest spans of a window, sorted. */
  attributeKeys(principal: Principal | null, args: FieldSampleArgs & { scope: 'span' | 'resource' }): Promise<string[]> {
    return this.traces.sampleAttributeKeys(principal, args.scope === 'span' ? 'attrs' : 'res.attrs', this.sampleQuery(args));
  }

  /**
   * The distinct scalar values a search-language field (`name`, `service.name`,
   * `status`, `kind`, `resource.<key>`, `attr.<key>`, a bare key) takes on the
   * latest spans of a window; enum fields as their names (`error`, `server`).
   */
  async fieldValues(principal: Principal | null, args: FieldSampleArgs & { field: string }): Promise<AnyValue[]> {
    const resolved = fieldOf(args.field);
    let field: SampledField;
    if (resolved.type === 'attribute') field = { kind: 'attribute', path: resolved.path, key: resolved.key };
    else if (resolved.level === 'span' && (resolved.type === 'string' || resolved.type === 'enum') && resolved.path !== 'st')
      field = { kind: 'column', path: resolved.path };
    else
      throw new ValidationError(
        `Parameter 'field' names '${args.field}', which has no list of values (durations and trace-level fields do not)`,
        'field',
      );
    const stored = await this.traces.sampleFieldValues(principal, field, this.sampleQuery(args));
    const names =
      field.kind === 'column' && field.path === 'kind'
        ? SPAN_KINDS
        : field.kind === 'column' && field.path === 'status.code'
          ? STATUS_CODES
          : null;
    const values = stored.map((v): AnyValue =>
      names !== null && typeof v === 'number' ? { type: 'string', value: names[v] ?? String(v) } : fromStoredValue(v),
    );
    return values.filter((v) => SCALAR_TYPES.has(v.type)).sort(compareValues);
  }

  private sampleQuery(args: FieldSampleArgs): SpanSampleQuery {
    assertPageSize(args.limit, 'limit', MAX_FIELD_LIST);
    const to = args.to ?? this.now();
    const from = args.from ?? new Date(to.getTime() - DEFAULT_WINDOW_MS);
    if (from.getTime() > to.getTime()) throw new ValidationError("Parameter 'from' must not be after 'to'", 'from');
    let filter = null;
    if (args.where != null && args.where.trim() !== '') {
      const compiled = compileSearchQuery(args.where, 'where');
      if (compiled.trace !== null)
        throw new ValidationError("Parameter 'where' takes span-level conditions only (no trace.* fields)", 'where');
      filter = compiled.span;
    }
    return { from, to, filter, sample: FIELD_SAMPLE_SPANS, limit: args.limit };
  }

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
