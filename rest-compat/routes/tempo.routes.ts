import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../src/errors.js';
import { formatField, quoteString } from '../../src/domain/search/search.format.js';
import { traceqlSpanFilter, traceqlToSearch } from '../../src/domain/search/traceql.js';
import { graphql } from '../__generated__/gql.js';
import type { OtlpSpanFragment, RestScalarValueFragment } from '../__generated__/graphql.js';
import { goDuration, jaegerTraceIdParam } from '../jaeger/jaeger-params.js';
import { modelSpan } from '../otlp-model.js';
import { text } from '../params.js';
import { assertWholeTrace, WHOLE_TRACE_SPANS } from '../whole-trace.js';
import { defineRoute, type RestRoute } from '../route.js';
import { groupResourceSpans, resourceSpansJson } from '../tempo/otlp-json.js';
import { encodeTraceByIdResponse, encodeTracesData } from '../../src/otlp/otlp-protobuf-encoder.js';

/*
 * The subset of Grafana Tempo's HTTP API (docs/sources/tempo/api_docs) that
 * Grafana's Tempo data source uses for search, trace view and autocompletion,
 * under `/tempo` (the data source URL is then http://host:4000/tempo).
 * TraceQL is translated into the search language (src/domain/search/traceql.ts).
 * Errors are plain text with the status, as Tempo answers them (families.ts).
 * docs/grafana.md lists every choice.
 */

const TAG = 'Tempo HTTP API';

/** Reported by buildinfo: the Tempo API generation whose routes and shapes these routes follow. */
export const TEMPO_API_VERSION = '2.6.0';

const NOW_S = () => Math.floor(Date.now() / 1000);
const DEFAULT_WINDOW_S = 3600;
const MAX_EPOCH_S = 253_402_300_799;

function epochSeconds(description: string) {
  const message = 'must be a whole number of seconds since the Unix epoch';
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : message) })
    .transform((value, ctx) => {
      const n = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
      if (!(n <= MAX_EPOCH_S)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    })
    .meta({ description });
}

function integer(min: number, max: number, description: string) {
  const message = `must be an integer from ${min} to ${max}`;
  return z
    .string()
    .transform((value, ctx) => {
      const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
      if (!(n >= min && n <= max)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    })
    .meta({ description, type: 'integer', minimum: min, maximum: max });
}

/** [start, end] in epoch seconds as DateTimes; the last hour without them (Tempo searches recent data then). */
function window(start: number | undefined, end: number | undefined): { from: string; to: string } {
  const to = end ?? NOW_S();
  const from = start ?? to - DEFAULT_WINDOW_S;
  if (from > to) throw new ValidationError("Parameter 'start' must not be after 'end'", 'start');
  return { from: new Date(from * 1000).toISOString(), to: new Date(to * 1000 + 999).toISOString() };
}

const ignored = (description: string) =>
  z
    .string()
    .optional()
    .meta({ description: `Accepted and ignored: ${description}` });

// ------------------------------------------------------------ echo, buildinfo

const PING = graphql(`
  query TempoPing {
    __typename
  }
`);

const echo = defineRoute({
  method: 'GET',
  path: '/tempo/api/echo',
  tag: TAG,
  summary: 'Echo (data source test)',
  description: 'Answers `echo` as text once the key is accepted: what Grafana calls to test the data source.',
  operation: PING,
  operationId: 'tempoEcho',
  input: {},
  variables: () => ({}),
  respond: () => ({ body: 'echo' as const }),
  response: { status: 200, schema: z.literal('echo'), mediaType: 'text/plain' },
  errors: [],
});

const BuildInfoJson = z
  .strictObject({
    version: z.string(),
    revision: z.string(),
    branch: z.string(),
    buildDate: z.string(),
    buildUser: z.string(),
    goVersion: z.string(),
  })
  .meta({ id: 'TempoBuildInfo' });

const buildInfo = defineRoute({
  method: 'GET',
  path: '/tempo/api/status/buildinfo',
  tag: TAG,
  summary: 'Build information',
  description: `The Tempo API version these routes follow (${TEMPO_API_VERSION}), which Grafana reads to choose its requests.`,
  operation: PING,
  operationId: 'tempoBuildInfo',
  input: {},
  variables: () => ({}),
  respond: () => ({
    body: {
      version: TEMPO_API_VERSION,
      revision: 'mesh-trace-gateway',
      branch: 'mesh-trace-gateway',
      buildDate: '',
      buildUser: '',
      goVersion: '',
    },
  }),
  response: { status: 200, schema: BuildInfoJson },
  errors: [],
});

// ------------------------------------------------------------ trace by id

const TRACE_BY_ID = graphql(`
  query TempoTrace($traceId: String!, $spanLimit: Int!) {
    trace(traceId: $traceId) {
      spanCount
      spans(first: $spanLimit) {
        ...OtlpSpan
      }
    }
  }
`);

const OtlpTraceJson = z.array(z.record(z.string(), z.unknown())).meta({ description: 'OTLP/JSON ResourceSpans' });
const PROTOBUF = ['application/protobuf', 'application/x-protobuf'];

const wantsProtobuf = (accept: string) => PROTOBUF.some((type) => accept.toLowerCase().includes(type));

/** A whole trace, as Tempo answers it: asked for WHOLE_TRACE_SPANS spans, a larger trace is a 413, never a truncated list. */
function traceResourceSpans(
  trace: { readonly spanCount: number; readonly spans: readonly OtlpSpanFragment[] } | null | undefined,
  traceId: string,
) {
  if (trace == null) throw new NotFoundError('trace not found', 'traceID');
  assertWholeTrace(trace, traceId, 'traceID');
  return groupResourceSpans(trace.spans.map(modelSpan));
}

const traceInput = {
  path: z.strictObject({ traceID: jaegerTraceIdParam('Trace id: 1 to 32 hex digits (left-padded with zeros)') }),
  query: z.strictObject({
    start: ignored('traces are found by id alone'),
    end: ignored('traces are found by id alone'),
  }),
};

const traceV1 = defineRoute({
  method: 'GET',
  path: '/tempo/api/traces/{traceID}',
  tag: TAG,
  summary: 'Trace by id',
  description:
    'OTLP/JSON under `batches` (Tempo v1), or `tempopb.Trace` in protobuf (OTLP TracesData) with `Accept: application/protobuf`.',
  operation: TRACE_BY_ID,
  operationId: 'tempoTraceV1',
  input: traceInput,
  variables: ({ path }) => ({ traceId: path.traceID, spanLimit: WHOLE_TRACE_SPANS }),
  respond: (data, { accept, path }) => {
    const resourceSpans = traceResourceSpans(data.trace, path.traceID);
    if (wantsProtobuf(accept))
      return { body: { batches: [] }, encoded: { contentType: 'application/protobuf', bytes: encodeTracesData(resourceSpans) } };
    return { body: { batches: resourceSpansJson(resourceSpans) } };
  },
  response: {
    status: 200,
    schema: z.strictObject({ batches: OtlpTraceJson }).meta({ id: 'TempoTraceV1' }),
    alternatives: ['application/protobuf'],
  },
  errorParams: { traceId: 'traceID' },
  errors: [400, 404],
});

const traceV2 = defineRoute({
  method: 'GET',
  path: '/tempo/api/v2/traces/{traceID}',
  tag: TAG,
  summary: 'Trace by id (v2)',
  description:
    'OTLP/JSON as `{"trace": {"resourceSpans": […]}}`, or `tempopb.TraceByIDResponse` in protobuf with `Accept: application/protobuf`.',
  operation: TRACE_BY_ID,
  operationId: 'tempoTraceV2',
  input: traceInput,
  variables: ({ path }) => ({ traceId: path.traceID, spanLimit: WHOLE_TRACE_SPANS }),
  respond: (data, { accept, path }) => {
    const resourceSpans = traceResourceSpans(data.trace, path.traceID);
    if (wantsProtobuf(accept)) {
      return {
        body: { trace: { resourceSpans: [] } },
        encoded: { contentType: 'application/protobuf', bytes: encodeTraceByIdResponse(resourceSpans) },
      };
    }
    return { body: { trace: { resourceSpans: resourceSpansJson(resourceSpans) } } };
  },
  response: {
    status: 200,
    schema: z.strictObject({ trace: z.strictObject({ resourceSpans: OtlpTraceJson }) }).meta({ id: 'TempoTraceV2' }),
    alternatives: ['application/protobuf'],
  },
  errorParams: { traceId: 'traceID' },
  errors: [400, 404],
});

// ------------------------------------------------------------------ search

/** Tempo's tags parameter: logfmt `key=value` pairs, a value with spaces in double quotes. */
function logfmt(input: string): [string, string][] {
  const pairs: [string, string][] = [];
  const pattern = /\s*([^\s=]+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))/y;
  let rest = input.trim();
  while (rest !== '') {
    pattern.lastIndex = 0;
    const m = pattern.exec(rest);
    if (m === null)
      throw new ValidationError('Parameter \'tags\' must be logfmt key=value pairs, e.g. service.name=cart http.url="/api/a b"', 'tags');
    pairs.push([m[1] ?? '', m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '')]);
    rest = rest.slice(m[0].length).trim();
  }
  return pairs;
}

const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/**
 * One tag of a tag-based search: Tempo matches the value as a case-insensitive
 * substring of the span's or the resource's attribute; `name` is the span name.
 */
function tagCondition(key: string, value: string): string {
  const pattern = quoteString(`(?i)${value.replace(REGEX_SPECIAL, '\\$&')}`);
  if (key === 'name') return `name MATCHES ${pattern}`;
  const resourceField = key === 'service.name' ? 'service.name' : formatField({ path: `resource.${key}` });
  return `(${formatField({ path: `attr.${key}` })} MATCHES ${pattern} OR ${resourceField} MATCHES ${pattern})`;
}

graphql(`
  fragment TempoTraceSummary on Trace {
    traceId
    rootServiceName
    rootOperation
    startTimeUnixNano
    durationNs
  }
`);

const TraceSearchMetadataJson = z
  .strictObject({
    traceID: z.string(),
    rootServiceName: z.string(),
    rootTraceName: z.string().optional(),
    startTimeUnixNano: z.string(),
    durationMs: z.number().int().optional(),
  })
  .meta({ id: 'TempoTraceSearchMetadata' });

const SearchJson = z
  .strictObject({ traces: z.array(TraceSearchMetadataJson), metrics: z.strictObject({ inspectedTraces: z.number().int().optional() }) })
  .meta({ id: 'TempoSearchResponse' });

const search = defineRoute({
  method: 'GET',
  path: '/tempo/api/search',
  tag: TAG,
  summary: 'Search traces (TraceQL subset or tags)',
  description:
    'Traces started in [start, end] (epoch seconds; default: the last hour) matching `q` (the TraceQL subset of docs/grafana.md) and/or ' +
    '`tags`, with a trace duration in [minDuration, maxDuration], newest first. Anything outside the subset is a 400 naming the construct.',
  operation: graphql(`
    query TempoSearch($all: Boolean!, $query: String!, $from: DateTime!, $to: DateTime!, $first: Int!) {
      traces(filter: { from: $from, to: $to }, first: $first) @include(if: $all) {
        edges {
          node {
            ...TempoTraceSummary
          }
        }
      }
      searchTraces(query: $query, from: $from, to: $to, first: $first) @skip(if: $all) {
        edges {
          node {
            ...TempoTraceSummary
          }
        }
      }
    }
  `),
  operationId: 'tempoSearch',
  input: {
    query: z.strictObject({
      q: z.string().optional().meta({ description: 'TraceQL, e.g. { resource.service.name = "cart" && status = error }' }),
      tags: z.string().optional().meta({ description: 'logfmt key=value pairs, matched as case-insensitive substrings' }),
      minDuration: goDuration('Minimum trace duration, e.g. 100ms').optional(),
      maxDuration: goDuration('Maximum trace duration').optional(),
      limit: integer(1, 500, 'Most traces (1–500). Default: 20').optional(),
      start: epochSeconds('Window start, epoch seconds').optional(),
      end: epochSeconds('Window end, epoch seconds').optional(),
      spss: ignored('spans per span set (results carry no span sets)'),
    }),
  },
  variables: ({ query }) => {
    const conditions: string[] = [];
    const traceql = query.q === undefined || query.q.trim() === '' ? null : traceqlToSearch(query.q, 'q');
    if (traceql !== null) conditions.push(`(${traceql})`);
    for (const [key, value] of logfmt(query.tags ?? '')) conditions.push(tagCondition(key, value));
    if (query.minDuration !== undefined) conditions.push(`trace.duration >= ${query.minDuration}ns`);
    if (query.maxDuration !== undefined) conditions.push(`trace.duration <= ${query.maxDuration}ns`);
    return { all: conditions.length === 0, query: conditions.join(' AND '), ...window(query.start, query.end), first: query.limit ?? 20 };
  },
  respond: (data) => {
    const edges = data.traces?.edges ?? data.searchTraces?.edges ?? [];
    return {
      body: {
        traces: edges.map(({ node }) => ({
          traceID: node.traceId,
          // Tempo's own words for a trace whose root span has not arrived.
          rootServiceName: node.rootServiceName ?? '<root span not yet received>',
          ...(node.rootOperation == null ? {} : { rootTraceName: node.rootOperation }),
          startTimeUnixNano: node.startTimeUnixNano,
          ...durationMs(node.durationNs),
        })),
        metrics: {},
      },
    };
  },
  response: { status: 200, schema: SearchJson },
  errorParams: { query: 'q', first: 'limit', from: 'start', to: 'end' },
  errors: [400],
});

/** Whole milliseconds, truncated; omitted at 0 as protobuf's JSON mapping omits a zero uint32. */
function durationMs(durationNs: string): { durationMs?: number } {
  const ms = Number(BigInt(durationNs) / 1_000_000n);
  return ms === 0 ? {} : { durationMs: ms };
}

// ------------------------------------------------------------ tag names

const INTRINSICS = ['duration', 'kind', 'name', 'status', 'traceDuration'];

const TAG_NAMES = graphql(`
  query TempoTagNames($span: Boolean!, $resource: Boolean!, $where: String, $from: DateTime!, $to: DateTime!, $limit: Int!) {
    span: spanAttributeKeys(scope: SPAN, where: $where, from: $from, to: $to, limit: $limit) @include(if: $span)
    resource: spanAttributeKeys(scope: RESOURCE, where: $where, from: $from, to: $to, limit: $limit) @include(if: $resource)
  }
`);

const SCOPES = ['span', 'resource', 'intrinsic', 'all'] as const;

const tagNamesQuery = z.strictObject({
  scope: z
    .enum(SCOPES, { error: `must be one of ${SCOPES.join(', ')}` })
    .optional()
    .meta({ description: 'span, resource, intrinsic or all (default)' }),
  q: z.string().optional().meta({ description: 'TraceQL filter: only tags of spans matching it (read leniently, as Tempo does)' }),
  start: epochSeconds('Window start, epoch seconds').optional(),
  end: epochSeconds('Window end, epoch seconds').optional(),
  limit: integer(1, 10_000, 'Most tags per scope. Default: 1000').optional(),
  maxStaleValues: ignored('the search reads a bounded sample of spans anyway'),
});

function tagNameVariables(query: z.output<typeof tagNamesQuery>) {
  const scope = query.scope ?? 'all';
  return {
    span: scope === 'span' || scope === 'all',
    resource: scope === 'resource' || scope === 'all',
    where: query.q === undefined ? null : traceqlSpanFilter(query.q),
    ...window(query.start, query.end),
    limit: query.limit ?? 1000,
  };
}

const tagNamesV1 = defineRoute({
  method: 'GET',
  path: '/tempo/api/search/tags',
  tag: TAG,
  summary: 'Tag names',
  description: 'Span and resource attribute keys seen on the latest spans of the window (default: the last hour), merged and sorted.',
  operation: TAG_NAMES,
  operationId: 'tempoTagNamesV1',
  input: { query: tagNamesQuery },
  variables: ({ query }) => tagNameVariables(query),
  respond: (data, { query }) => {
    const names = new Set([...(data.span ?? []), ...(data.resource ?? []), ...(query.scope === 'intrinsic' ? INTRINSICS : [])]);
    return { body: { tagNames: [...names].sort() } };
  },
  response: { status: 200, schema: z.strictObject({ tagNames: z.array(z.string()) }).meta({ id: 'TempoTagNames' }) },
  errorParams: { from: 'start', to: 'end' },
  errors: [400],
});

const ScopeJson = z
  .strictObject({ name: z.enum(['span', 'resource', 'intrinsic']), tags: z.array(z.string()) })
  .meta({ id: 'TempoTagScope' });

const tagNamesV2 = defineRoute({
  method: 'GET',
  path: '/tempo/api/v2/search/tags',
  tag: TAG,
  summary: 'Tag names by scope',
  description: 'Span and resource attribute keys seen on the latest spans of the window, and the intrinsics the TraceQL subset supports.',
  operation: TAG_NAMES,
  operationId: 'tempoTagNamesV2',
  input: { query: tagNamesQuery },
  variables: ({ query }) => tagNameVariables(query),
  respond: (data, { query }) => {
    const scope = query.scope ?? 'all';
    const scopes: z.input<typeof ScopeJson>[] = [];
    if (data.resource !== undefined) scopes.push({ name: 'resource', tags: [...data.resource] });
    if (data.span !== undefined) scopes.push({ name: 'span', tags: [...data.span] });
    if (scope === 'intrinsic' || scope === 'all') scopes.push({ name: 'intrinsic', tags: INTRINSICS });
    return { body: { scopes } };
  },
  response: { status: 200, schema: z.strictObject({ scopes: z.array(ScopeJson) }).meta({ id: 'TempoTagNamesV2' }) },
  errorParams: { from: 'start', to: 'end' },
  errors: [400],
});

// ------------------------------------------------------------ tag values

const TAG_VALUES = graphql(`
  query TempoTagValues(
    $span: Boolean!
    $spanField: String!
    $resource: Boolean!
    $resourceField: String!
    $where: String
    $from: DateTime!
    $to: DateTime!
    $limit: Int!
  ) {
    span: spanFieldValues(field: $spanField, where: $where, from: $from, to: $to, limit: $limit) @include(if: $span) {
      ...RestScalarValue
    }
    resource: spanFieldValues(field: $resourceField, where: $where, from: $from, to: $to, limit: $limit) @include(if: $resource) {
      ...RestScalarValue
    }
  }
`);

/** Intrinsics whose values are listed, as search-language fields, with Tempo's value type for them. */
const INTRINSIC_FIELDS: Readonly<Record<string, { readonly field: string; readonly keyword: boolean }>> = {
  name: { field: 'name', keyword: false },
  'span:name': { field: 'name', keyword: false },
  status: { field: 'status', keyword: true },
  'span:status': { field: 'status', keyword: true },
  kind: { field: 'kind', keyword: true },
  'span:kind': { field: 'kind', keyword: true },
};

/** Which search-language fields a Tempo tag names: its span side, its resource side, or both for an unscoped `.key`. */
function tagFields(tag: string): { span: string | null; resource: string | null; keyword: boolean } {
  const intrinsic = INTRINSIC_FIELDS[tag];
  if (intrinsic !== undefined) return { span: intrinsic.field, resource: null, keyword: intrinsic.keyword };
  const resourceField = (key: string) => (key === 'service.name' ? 'service.name' : `resource.${key}`);
  if (tag.startsWith('resource.')) return { span: null, resource: resourceField(tag.slice('resource.'.length)), keyword: false };
  if (tag.startsWith('span.')) return { span: `attr.${tag.slice('span.'.length)}`, resource: null, keyword: false };
  if (tag.startsWith('.')) return { span: `attr.${tag.slice(1)}`, resource: resourceField(tag.slice(1)), keyword: false };
  // Tempo's v1 tag names are unscoped keys.
  return { span: `attr.${tag}`, resource: resourceField(tag), keyword: false };
}

const tagValuesInput = {
  path: z.strictObject({ tag: text('A tag: resource.<key>, span.<key>, .<key>, name, status or kind (URL-encoded)') }),
  query: z.strictObject({
    q: z.string().optional().meta({ description: 'TraceQL filter: only values of spans matching it (read leniently, as Tempo does)' }),
    start: epochSeconds('Window start, epoch seconds').optional(),
    end: epochSeconds('Window end, epoch seconds').optional(),
    limit: integer(1, 10_000, 'Most values. Default: 1000').optional(),
    maxStaleValues: ignored('the search reads a bounded sample of spans anyway'),
  }),
};

function tagValueVariables(tag: string, query: z.output<typeof tagValuesInput.query>) {
  const fields = tagFields(tag);
  return {
    span: fields.span !== null,
    spanField: fields.span ?? '',
    resource: fields.resource !== null,
    resourceField: fields.resource ?? '',
    where: query.q === undefined ? null : traceqlSpanFilter(query.q),
    ...window(query.start, query.end),
    limit: query.limit ?? 1000,
  };
}

type TagValue = { type: 'string' | 'int' | 'float' | 'bool' | 'keyword'; value: string };

function tagValue(value: RestScalarValueFragment, keyword: boolean): TagValue | null {
  switch (value.__typename) {
    case 'StringValue':
      return { type: keyword ? 'keyword' : 'string', value: value.stringValue };
    case 'IntValue':
      return { type: 'int', value: value.intValue };
    case 'DoubleValue':
      return { type: 'float', value: value.text };
    case 'BoolValue':
      return { type: 'bool', value: String(value.boolValue) };
    default:
      return null;
  }
}

/** The span side's values, then the resource side's, each value once. */
function tagValues(
  data: { span?: readonly RestScalarValueFragment[]; resource?: readonly RestScalarValueFragment[] },
  tag: string,
): TagValue[] {
  const { keyword } = tagFields(tag);
  const seen = new Map<string, TagValue>();
  for (const value of [...(data.span ?? []), ...(data.resource ?? [])]) {
    const v = tagValue(value, keyword);
    if (v !== null) seen.set(`${v.type}:${v.value}`, v);
  }
  return [...seen.values()];
}

const TagValueJson = z
  .strictObject({ type: z.enum(['string', 'int', 'float', 'bool', 'keyword']), value: z.string() })
  .meta({ id: 'TempoTagValue' });

const tagValuesV2 = defineRoute({
  method: 'GET',
  path: '/tempo/api/v2/search/tag/{tag}/values',
  tag: TAG,
  summary: 'Values of a tag, typed',
  description: 'The values a tag takes on the latest spans of the window (default: the last hour), with their TraceQL types.',
  operation: TAG_VALUES,
  operationId: 'tempoTagValuesV2',
  input: tagValuesInput,
  variables: ({ path, query }) => tagValueVariables(path.tag, query),
  respond: (data, { path }) => ({ body: { tagValues: tagValues(data, path.tag) } }),
  response: { status: 200, schema: z.strictObject({ tagValues: z.array(TagValueJson) }).meta({ id: 'TempoTagValuesV2' }) },
  errorParams: { from: 'start', to: 'end', spanField: 'tag', resourceField: 'tag', field: 'tag' },
  errors: [400],
});

const tagValuesV1 = defineRoute({
  method: 'GET',
  path: '/tempo/api/search/tag/{tag}/values',
  tag: TAG,
  summary: 'Values of a tag',
  description: 'Like the v2 route, as plain strings.',
  operation: TAG_VALUES,
  operationId: 'tempoTagValuesV1',
  input: tagValuesInput,
  variables: ({ path, query }) => tagValueVariables(path.tag, query),
  respond: (data, { path }) => ({ body: { tagValues: [...new Set(tagValues(data, path.tag).map((v) => v.value))] } }),
  response: { status: 200, schema: z.strictObject({ tagValues: z.array(z.string()) }).meta({ id: 'TempoTagValues' }) },
  errorParams: { from: 'start', to: 'end', spanField: 'tag', resourceField: 'tag', field: 'tag' },
  errors: [400],
});

export const tempoRoutes: readonly RestRoute[] = [
  echo,
  buildInfo,
  traceV1,
  traceV2,
  search,
  tagNamesV1,
  tagNamesV2,
  tagValuesV2,
  tagValuesV1,
];
