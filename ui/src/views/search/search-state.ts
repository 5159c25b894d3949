import type { AttributeFilterOperator, AttributeFilterType, TraceFilter, TraceOrderBy, TraceStatus } from '../../__generated__/graphql';
import { DEFAULT_WINDOW, isTimeWindowId, windowRange, type TimeWindowId } from '../../lib/time-window';

/**
 * The trace search lives in the URL query, so a search can be bookmarked and
 * shared and Back returns to the previous page of results. Relative windows
 * are resolved to absolute from/to when a search is submitted: paging then
 * walks one fixed window while new traces keep arriving.
 */

export type SearchMode = 'filters' | 'query';
export type OrderChoice = 'START_TIME_DESC' | 'START_TIME_ASC' | 'DURATION_DESC' | 'DURATION_ASC';

export const ORDER_CHOICES: readonly { id: OrderChoice; label: string }[] = [
  { id: 'START_TIME_DESC', label: 'Newest first' },
  { id: 'START_TIME_ASC', label: 'Oldest first' },
  { id: 'DURATION_DESC', label: 'Slowest first' },
  { id: 'DURATION_ASC', label: 'Fastest first' },
];

export const TRACE_STATUSES: readonly TraceStatus[] = ['ERROR', 'OK', 'UNSET'];
export const ATTRIBUTE_TYPES: readonly AttributeFilterType[] = ['STRING', 'INT', 'DOUBLE', 'BOOL'];
export const ATTRIBUTE_OPERATORS: readonly { id: AttributeFilterOperator; label: string }[] = [
  { id: 'EQ', label: '=' },
  { id: 'NEQ', label: '≠' },
  { id: 'GT', label: '>' },
  { id: 'GTE', label: '≥' },
  { id: 'LT', label: '<' },
  { id: 'LTE', label: '≤' },
  { id: 'CONTAINS', label: 'contains' },
  { id: 'STARTS_WITH', label: 'starts with' },
];

export interface AttributeCondition {
  readonly scope: 'span' | 'resource';
  readonly key: string;
  readonly type: AttributeFilterType;
  readonly operator: AttributeFilterOperator;
  readonly value: string;
}

/** The text fields of TraceFilter the form offers, by their GraphQL names. */
export const TEXT_FILTERS = [
  { name: 'service', label: 'Service' },
  { name: 'serviceNamespace', label: 'Namespace' },
  { name: 'environment', label: 'Environment' },
  { name: 'serviceVersion', label: 'Service version' },
  { name: 'spanName', label: 'Span name' },
  { name: 'issueFingerprint', label: 'Issue fingerprint' },
  { name: 'traceId', label: 'Trace ID' },
] as const;

export type TextFilterName = (typeof TEXT_FILTERS)[number]['name'];

export interface SearchState {
  readonly mode: SearchMode;
  readonly window: TimeWindowId | 'custom';
  /** Absolute bounds (ISO); null until a search resolves the window. */
  readonly from: string | null;
  readonly to: string | null;
  readonly query: string;
  readonly text: Readonly<Record<TextFilterName, string>>;
  readonly status: TraceStatus | '';
  readonly spanStatus: TraceStatus | '';
  readonly minDurationMs: string;
  readonly maxDurationMs: string;
  readonly attributes: readonly AttributeCondition[];
  readonly order: OrderChoice;
  /** `after` cursors of the pages before this one: the last is this page's `after`. */
  readonly cursors: readonly string[];
}

const EMPTY_TEXT: Record<TextFilterName, string> = Object.fromEntries(TEXT_FILTERS.map((f) => [f.name, ''])) as Record<
  TextFilterName,
  string
>;

export const INITIAL_SEARCH: SearchState = {
  mode: 'filters',
  window: DEFAULT_WINDOW,
  from: null,
  to: null,
  query: '',
  text: EMPTY_TEXT,
  status: '',
  spanStatus: '',
  minDurationMs: '',
  maxDurationMs: '',
  attributes: [],
  order: 'START_TIME_DESC',
  cursors: [],
};

const isStatus = (v: string | null): v is TraceStatus => v !== null && (TRACE_STATUSES as readonly string[]).includes(v);
const isOrder = (v: string | null): v is OrderChoice => ORDER_CHOICES.some((o) => o.id === v);
const isType = (v: string | undefined): v is AttributeFilterType => v !== undefined && (ATTRIBUTE_TYPES as readonly string[]).includes(v);
const isOperator = (v: string | undefined): v is AttributeFilterOperator => ATTRIBUTE_OPERATORS.some((o) => o.id === v);
const isIso = (v: string | null): v is string => v !== null && !Number.isNaN(Date.parse(v));

/** `attr` values are scope~type~operator~key~value; the value is last, so it may contain '~'. */
function parseAttribute(encoded: string): AttributeCondition | null {
  const [scope, type, operator, key, ...rest] = encoded.split('~');
  if ((scope !== 'span' && scope !== 'resource') || !isType(type) || !isOperator(operator) || !key) return null;
  return { scope, type, operator, key, value: rest.join('~') };
}

function encodeAttribute(a: AttributeCondition): string {
  return [a.scope, a.type, a.operator, a.key, a.value].join('~');
}

export function parseSearch(params: URLSearchParams): SearchState {
  const windowParam = params.get('window');
  const text = { ...EMPTY_TEXT };
  for (const f of TEXT_FILTERS) text[f.name] = params.get(f.name) ?? '';
  const status = params.get('status');
  const spanStatus = params.get('spanStatus');
  const order = params.get('order');
  const from = params.get('from');
  const to = params.get('to');
  return {
    mode: params.get('mode') === 'query' ? 'query' : 'filters',
    window: windowParam === 'custom' || isTimeWindowId(windowParam) ? windowParam : DEFAULT_WINDOW,
    from: isIso(from) ? from : null,
    to: isIso(to) ? to : null,
    query: params.get('q') ?? '',
    text,
    status: isStatus(status) ? status : '',
    spanStatus: isStatus(spanStatus) ? spanStatus : '',
    minDurationMs: params.get('minMs') ?? '',
    maxDurationMs: params.get('maxMs') ?? '',
    attributes: params.getAll('attr').flatMap((a) => parseAttribute(a) ?? []),
    order: isOrder(order) ? order : 'START_TIME_DESC',
    cursors: params.getAll('after'),
  };
}

export function searchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  params.set('mode', state.mode);
  params.set('window', state.window);
  if (state.from !== null) params.set('from', state.from);
  if (state.to !== null) params.set('to', state.to);
  if (state.mode === 'query') {
    params.set('q', state.query);
  } else {
    for (const f of TEXT_FILTERS) if (state.text[f.name].trim() !== '') params.set(f.name, state.text[f.name].trim());
    if (state.status !== '') params.set('status', state.status);
    if (state.spanStatus !== '') params.set('spanStatus', state.spanStatus);
    if (state.minDurationMs.trim() !== '') params.set('minMs', state.minDurationMs.trim());
    if (state.maxDurationMs.trim() !== '') params.set('maxMs', state.maxDurationMs.trim());
    for (const a of state.attributes) if (a.key.trim() !== '') params.append('attr', encodeAttribute({ ...a, key: a.key.trim() }));
    if (state.order !== 'START_TIME_DESC') params.set('order', state.order);
  }
  for (const cursor of state.cursors) params.append('after', cursor);
  return params;
}

/** The absolute window of a search submitted at `now` (a relative window ends now; a custom one is kept). */
export function resolveWindow(state: SearchState, now: number): { from: string; to: string } {
  if (state.window !== 'custom') return windowRange(state.window, now);
  const fallback = windowRange(DEFAULT_WINDOW, now);
  return { from: state.from ?? fallback.from, to: state.to ?? fallback.to };
}

function optionalNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** The `traces(filter:)` argument of a filters search: empty fields are left out. */
export function toTraceFilter(state: SearchState, window: { from: string; to: string }): TraceFilter {
  const filter: TraceFilter = { from: window.from, to: window.to };
  for (const f of TEXT_FILTERS) {
    const value = state.text[f.name].trim();
    if (value !== '') filter[f.name] = value;
  }
  if (state.status !== '') filter.status = state.status;
  if (state.spanStatus !== '') filter.spanStatus = state.spanStatus;
  const min = optionalNumber(state.minDurationMs);
  const max = optionalNumber(state.maxDurationMs);
  if (min !== undefined) filter.minDurationMs = min;
  if (max !== undefined) filter.maxDurationMs = max;
  const toFilter = (a: AttributeCondition) => ({ key: a.key.trim(), type: a.type, operator: a.operator, value: a.value });
  const span = state.attributes.filter((a) => a.scope === 'span' && a.key.trim() !== '').map(toFilter);
  const resource = state.attributes.filter((a) => a.scope === 'resource' && a.key.trim() !== '').map(toFilter);
  if (span.length > 0) filter.attributes = span;
  if (resource.length > 0) filter.resourceAttributes = resource;
  return filter;
}

const ORDER_BY: Record<OrderChoice, TraceOrderBy> = {
  START_TIME_DESC: { field: 'START_TIME', direction: 'DESC' },
  START_TIME_ASC: { field: 'START_TIME', direction: 'ASC' },
  DURATION_DESC: { field: 'DURATION', direction: 'DESC' },
  DURATION_ASC: { field: 'DURATION', direction: 'ASC' },
};

export function toOrderBy(order: OrderChoice): TraceOrderBy {
  return ORDER_BY[order];
}

/** `datetime-local` input value (local time, minutes) ↔ ISO. */
export function toLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const d = new Date(iso);
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string | null {
  if (value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
