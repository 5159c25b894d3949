import { assertCan } from '../../auth/policy.js';
import type { Principal } from '../../auth/principal.js';
import type { Tenant } from '../../auth/tenant.js';
import { ValidationError } from '../../errors.js';
import type { StatusCodeName } from '../../otlp/otlp.types.js';
import type { Span, AttributeCondition, AttributeFilterOperator, AttributeFilterType, SpanConditions } from './span.js';
import type { StoredValue } from './span.document.js';
import { spanConditionsFilter, type SampledField, type SpanSampleQuery, type SpansRepository } from './spans.repository.js';
import type { IssueGroup } from './issue.js';
import type { ServiceSegment } from './service-segment.js';
import type { TraceConditions, TraceOrder, TraceSummary } from './trace.js';
import { assertPageSize, pageOf, sealedCursor, type Page } from '../paging.js';
import { traceSortValue, type TraceCursor, type TraceListQuery, type TracesRepository } from './traces.repository.js';

export interface AttributeFilterInput {
  readonly key: string;
  readonly value: string;
  readonly operator: string;
  readonly type: string;
}

export interface TraceFilterInput {
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly traceId?: string | null;
  readonly service?: string | null;
  readonly serviceNamespace?: string | null;
  readonly environment?: string | null;
  readonly status?: StatusCodeName | null;
  readonly minDurationMs?: number | null;
  readonly maxDurationMs?: number | null;
  readonly spanName?: string | null;
  readonly spanStatus?: StatusCodeName | null;
  readonly serviceVersion?: string | null;
  readonly issueFingerprint?: string | null;
  readonly attributes?: readonly AttributeFilterInput[] | null;
  readonly resourceAttributes?: readonly AttributeFilterInput[] | null;
}

/** A trace cursor as issued: the keyset position, the order it belongs to and the window of the walk's first page. */
interface PinnedTraceCursor extends TraceCursor {
  readonly order: TraceOrder;
  readonly fromMs: number;
  readonly toMs: number;
}

const ORDER_CODES = { 'START_TIME:DESC': 's-', 'START_TIME:ASC': 's+', 'DURATION:DESC': 'd-', 'DURATION:ASC': 'd+' } as const;

/**
 * Keyset, not offset, so traces ingested between page requests never shift a
 * page; the window is pinned so a defaulted "last hour" does not slide under
 * a walk.
 */
export const TRACE_CURSOR = sealedCursor<PinnedTraceCursor>({
  scope: [],
  fields: 5,
  write: (c) => [ORDER_CODES[`${c.order.field}:${c.order.direction}`], c.value, c.traceId, c.fromMs, c.toMs],
  read: ([code, value, traceId, from, to]) => {
    const entry = Object.entries(ORDER_CODES).find(([, c]) => c === code);
    if (!entry || !/^-?\d{1,20}$/.test(value!) || !/^[0-9a-f]{32}$/.test(traceId!)) return null;
    const fromMs = Number(from);
    const toMs = Number(to);
    if (!Number.isSafeInteger(fromMs) || !Number.isSafeInteger(toMs)) return null;
    const [field, direction] = entry[0].split(':') as [TraceOrder['field'], TraceOrder['direction']];
    return { order: { field, direction }, value: value!, traceId: traceId!, fromMs, toMs };
  },
});

export const DEFAULT_WINDOW_MS = 60 * 60 * 1000;
/** Spans of a trace that `Trace.spans` returns when `first` is not given (docs/auth-and-limits.md). */
export const DEFAULT_TRACE_SPANS = 1_000;
/** The largest `first` of `Trace.spans`, and the spans one request may load in all (span-budget.ts). */
export const MAX_TRACE_SPANS = 10_000;

export interface SpanPageRequest {
  readonly traceId: string;
  readonly first: number;
  /** The span id of the last span of the previous page; null for the first page. */
  readonly after: string | null;
}

/** Validates the arguments of Trace.spans. */
export function assertSpanPage(page: SpanPageRequest): void {
  assertPageSize(page.first, 'first', MAX_TRACE_SPANS);
  if (page.after !== null) assertSpanId(page.after, 'after');
}
export const MAX_PAGE_SIZE = 500;
/** Most issues one `issues` query returns. */
export const MAX_ISSUES = 100;
const MAX_ATTRIBUTE_FILTERS = 20;
const MAX_TEXT = 1024;
const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Which operators each attribute type accepts: the table of the Mackerel
 * trace API, plus CONTAINS for strings, which that document's own example uses.
 */
export const OPERATORS_BY_TYPE: Readonly<Record<AttributeFilterType, readonly AttributeFilterOperator[]>> = {
  string: ['EQ', 'NEQ', 'STARTS_WITH', 'CONTAINS'],
  int: ['EQ', 'GT', 'GTE', 'LT', 'LTE'],
  double: ['EQ', 'GT', 'GTE', 'LT', 'LTE'],
  bool: ['EQ', 'NEQ'],
};

export function assertTraceId(traceId: string, param: string): string {
  if (!TRACE_ID.test(traceId)) {
    throw new ValidationError(`Parameter '${param}' must be a 32-character lowercase hex trace ID (W3C format)`, param);
  }
  return traceId;
}

export function assertSpanId(spanId: string, param: string): string {
  if (!SPAN_ID.test(spanId)) throw new ValidationError(`Parameter '${param}' must be a 16-character lowercase hex span ID`, param);
  return spanId;
}

function boundedText(value: string | null | undefined, param: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length > MAX_TEXT) throw new ValidationError(`Parameter '${param}' is longer than ${MAX_TEXT} characters`, param);
  return value;
}

export function parseAttributeFilter(input: AttributeFilterInput, param: string): AttributeCondition {
  const key = boundedText(input.key, `${param}.key`);
  if (key === undefined || key === '') throw new ValidationError(`Parameter '${param}.key' must be a non-empty string`, `${param}.key`);
  const type = input.type as AttributeFilterType;
  const allowed = OPERATORS_BY_TYPE[type];
  if (allowed === undefined) {
    throw new ValidationError(`Parameter '${param}.type' must be one of string, int, double, bool`, `${param}.type`);
  }
  const operator = input.operator as AttributeFilterOperator;
  if (!allowed.includes(operator)) {
    throw new ValidationError(
      `Operator '${input.operator}' is not allowed for type '${type}' (attribute '${key}'); allowed: ${allowed.join(', ')}`,
      `${param}.operator`,
    );
  }
  const raw = boundedText(input.value, `${param}.value`) ?? '';
  const valueParam = `${param}.value`;
  switch (type) {
    case 'string':
      return { key, operator, value: raw };
    case 'int': {
      if (!/^-?\d{1,19}$/.test(raw)) throw new ValidationError(`Parameter '${valueParam}' must be an integer for type 'int'`, valueParam);
      const value = BigInt(raw);
      if (value < INT64_MIN || value > INT64_MAX)
        throw new ValidationError(`Parameter '${valueParam}' is outside the int64 range`, valueParam);
      return { key, operator, value };
    }
    case 'double': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value))
        throw new ValidationError(`Parameter '${valueParam}' must be a finite number for type 'double'`, valueParam);
      return { key, operator, value };
    }
    case 'bool':
      if (raw !== 'true' && raw !== 'false')
        throw new ValidationError(`Parameter '${valueParam}' must be true or false for type 'bool'`, valueParam);
      return { key, operator, value: raw === 'true' };
  }
}

function attributeConditions(list: readonly AttributeFilterInput[] | null | undefined, param: string): AttributeCondition[] | undefined {
  if (list === null || list === undefined || list.length === 0) return undefined;
  if (list.length > MAX_ATTRIBUTE_FILTERS) throw new ValidationError(`At most ${MAX_ATTRIBUTE_FILTERS} ${param} filters`, param);
  return list.map((f, i) => parseAttributeFilter(f, `${param}[${i}]`));
}

function durationNs(ms: number | null | undefined, param: string): bigint | undefined {
  if (ms === null || ms === undefined) return undefined;
  if (!Number.isFinite(ms) || ms < 0)
    throw new ValidationError(`Parameter '${param}' must be a non-negative number of milliseconds`, param);
  return BigInt(Math.round(ms * 1_000_000));
}

const STATUS_NUMBER = { unset: 0, ok: 1, error: 2 } as const;

/** Splits a filter into trace-level conditions and the single-span conditions. */
export function compileTraceFilter(filter: TraceFilterInput, window: { from: Date; to: Date }): Omit<TraceListQuery, 'order'> {
  if (window.from.getTime() > window.to.getTime()) {
    throw new ValidationError("Parameter 'start_time' must not be after 'end_time'", 'start_time');
  }
  const service = boundedText(filter.service, 'service');
  const serviceNamespace = boundedText(filter.serviceNamespace, 'serviceNamespace');
  const environment = boundedText(filter.environment, 'environment');
  const conditions: TraceConditions = {
    from: window.from,
    to: window.to,
    ...(filter.traceId ? { traceId: assertTraceId(filter.traceId, 'traceId') } : {}),
    ...(service !== undefined ? { service } : {}),
    ...(serviceNamespace !== undefined ? { namespace: serviceNamespace } : {}),
    ...(environment !== undefined ? { environment } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...optional('minDurationNs', durationNs(filter.minDurationMs, 'min_duration_ms')),
    ...optional('maxDurationNs', durationNs(filter.maxDurationMs, 'max_duration_ms')),
  };
  const span: SpanConditions = {
    ...optional('spanName', boundedText(filter.spanName, 'spanName')),
    ...optional('serviceVersion', boundedText(filter.serviceVersion, 'version')),
    ...optional('issueFingerprint', boundedText(filter.issueFingerprint, 'issueFingerprint')),
    ...(filter.spanStatus ? { statusCode: STATUS_NUMBER[filter.spanStatus] } : {}),
    ...optional('attributes', attributeConditions(filter.attributes, 'attributes')),
    ...optional('resourceAttributes', attributeConditions(filter.resourceAttributes, 'resourceAttributes')),
  };
  const identity: SpanConditions = {
    ...optional('serviceName', service),
    ...optional('serviceNamespace', serviceNamespace),
    ...optional('deploymentEnvironment', environment),
  };
  // Name, namespace and environment together name one service: given two of them, one span
  // must carry both ("payment-svc in namespace default", not payment-svc somewhere and
  // another service in default). The trace-level conditions above stay: they narrow by index.
  const namesOneService = Object.keys(identity).length > 1;
  if (Object.keys(span).length === 0 && !namesOneService) return { conditions };
  // Single-span rule: with span-level conditions, the service/namespace/environment
  // constrain that same span, so "service X with attribute Y" means X's span has Y.
  return { conditions, spanFilter: spanConditionsFilter({ ...span, ...identity }) };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export class TracesService {
  constructor(
    private readonly traces: TracesRepository,
    private readonly spans: SpansRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * A keyset page of traces. Without explicit times the window defaults to the
   * last hour; a cursor carries the window of its first page.
   */
  async listTraces(
    principal: Principal | null,
    args: {
      filter: TraceFilterInput;
      order: TraceOrder;
      first: number;
      after: string | null;
      extraQuery?: Pick<TraceListQuery, 'extra' | 'spanFilter'>;
    },
  ): Promise<Page<TraceSummary>> {
    const { tenant } = assertCan(principal, 'traces:read');
    assertPageSize(args.first, 'first', MAX_PAGE_SIZE);
    const cursor = args.after === null ? null : TRACE_CURSOR.decode(tenant, args.after, 'after');
    if (cursor !== null && (cursor.order.field !== args.order.field || cursor.order.direction !== args.order.direction)) {
      throw new ValidationError("Parameter 'after' was issued for a different sort order", 'after');
    }
    const now = this.now().getTime();
    const window = {
      from: args.filter.from ?? new Date(cursor?.fromMs ?? now - DEFAULT_WINDOW_MS),
      to: args.filter.to ?? new Date(cursor?.toMs ?? now),
    };
    const compiled = compileTraceFilter(args.filter, window);
    const query: TraceListQuery = { ...compiled, ...mergeExtra(compiled, args.extraQuery), order: args.order };
    const rows = await this.traces.list(tenant, query, { after: cursor }, args.first + 1);
    const cursorOf = (t: TraceSummary) =>
      TRACE_CURSOR.encode(tenant, {
        order: args.order,
        value: traceSortValue(args.order, t),
        traceId: t.traceId,
        fromMs: window.from.getTime(),
        toMs: window.to.getTime(),
      });
    return pageOf(rows, args.first, cursorOf, () => this.traces.count(tenant, query));
  }

  /** Numbered pages (Mackerel's contract); `hasNextPage` is exact because one extra row is read. */
  async listTracePage(
    principal: Principal | null,
    args: { filter: TraceFilterInput & { from: Date; to: Date }; order: TraceOrder; page: number; perPage: number },
  ): Promise<{ traces: TraceSummary[]; hasNextPage: boolean }> {
    const { tenant } = assertCan(principal, 'traces:read');
    assertPageSize(args.perPage, 'perPage', 100);
    if (!Number.isInteger(args.page) || args.page < 1 || args.page > 10_000) {
      throw new ValidationError("Parameter 'page' must be an integer from 1 to 10000", 'page');
    }
    const compiled = compileTraceFilter(args.filter, { from: args.filter.from, to: args.filter.to });
    const rows = await this.traces.list(
      tenant,
      { ...compiled, order: args.order },
      { skip: (args.page - 1) * args.perPage },
      args.perPage + 1,
    );
    return { traces: rows.slice(0, args.perPage), hasNextPage: rows.length > args.perPage };
  }

  loadTraces(principal: Principal | null, traceIds: readonly string[]): Promise<TraceSummary[]> {
    const { tenant } = assertCan(principal, 'traces:read');
    return this.traces.findByIds(tenant, traceIds);
  }

  /** Spans of the given traces: their summaries list the span ids, which are then read by `_id`. */
  async loadSpansOfTraces(principal: Principal | null, traceIds: readonly string[]): Promise<Map<string, Span[]>> {
    const { tenant } = assertCan(principal, 'traces:read');
    return this.spans.findByTraceIds(tenant, await this.traces.spanIds(tenant, traceIds));
  }

  /**
   * One page of a trace's spans (Trace.spans): `first` of them in start order
   * (ties by span id), after the span `after` when given. `after` is the span
   * id of the last span of the previous page: stable while spans arrive, and
   * already in every response. A span id that is not in the trace is refused.
   */
  async loadSpanPage(principal: Principal | null, page: SpanPageRequest): Promise<Span[]> {
    const { tenant } = assertCan(principal, 'traces:read');
    assertSpanPage(page);
    const members = await this.traces.spanIds(tenant, [page.traceId]);
    if (page.after === null) return this.spans.findPage(tenant, members, page.first, null);
    const [anchor] = await this.spans.findByIds(tenant, [{ traceId: page.traceId, spanId: page.after }]);
    if (anchor === undefined) throw new ValidationError(`Parameter 'after' is not the id of a span of trace '${page.traceId}'`, 'after');
    return this.spans.findPage(tenant, members, page.first, { startNs: anchor.startTimeUnixNano, spanId: anchor.spanId });
  }

  loadSpans(principal: Principal | null, ids: readonly { traceId: string; spanId: string }[]): Promise<Span[]> {
    const { tenant } = assertCan(principal, 'traces:read');
    return this.spans.findByIds(tenant, ids);
  }

  /** Every service's segment of the given traces, in no particular order (the loader maps them back). */
  async loadServiceSegments(principal: Principal | null, traceIds: readonly string[]): Promise<ServiceSegment[]> {
    const { tenant } = assertCan(principal, 'traces:read');
    return this.spans.serviceSegments(tenant, await this.traces.spanIds(tenant, traceIds));
  }

  /** Issues (error spans grouped by fingerprint) seen in [from, to], optionally of one service; most frequent first. */
  listIssues(principal: Principal | null, args: { service?: string | null; from: Date; to: Date; first: number }): Promise<IssueGroup[]> {
    const { tenant } = assertCan(principal, 'traces:read');
    assertPageSize(args.first, 'first', MAX_ISSUES);
    if (args.from.getTime() > args.to.getTime()) throw new ValidationError("Parameter 'from' must not be after 'to'", 'from');
    const service = boundedText(args.service, 'service');
    return this.spans.issueGroups(tenant, { from: args.from, to: args.to, limit: args.first, ...optional('service', service) });
  }

  /** Attribute keys (of spans, or of their resources) on the latest spans of a window, sorted (the search area lists them). */
  sampleAttributeKeys(principal: Principal | null, path: 'attrs' | 'res.attrs', query: SpanSampleQuery): Promise<string[]> {
    const { tenant } = assertCan(principal, 'traces:read');
    return this.spans.attributeKeys(tenant, path, query);
  }

  /** The distinct stored values of one span field on the latest spans of a window, in no particular order. */
  sampleFieldValues(principal: Principal | null, field: SampledField, query: SpanSampleQuery): Promise<StoredValue[]> {
    const { tenant } = assertCan(principal, 'traces:read');
    return this.spans.fieldValues(tenant, field, query);
  }

  tenantOf(principal: Principal | null): Tenant {
    return assertCan(principal, 'traces:read').tenant;
  }
}

function mergeExtra(
  compiled: Omit<TraceListQuery, 'order'>,
  extra: Pick<TraceListQuery, 'extra' | 'spanFilter'> | undefined,
): Pick<TraceListQuery, 'extra' | 'spanFilter'> {
  if (extra === undefined) return {};
  const spanFilter =
    compiled.spanFilter !== undefined && extra.spanFilter !== undefined
      ? { $and: [compiled.spanFilter, extra.spanFilter] }
      : (extra.spanFilter ?? compiled.spanFilter);
  return { ...(extra.extra ? { extra: extra.extra } : {}), ...(spanFilter ? { spanFilter } : {}) };
}
