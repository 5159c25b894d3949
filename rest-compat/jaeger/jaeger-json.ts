import { z } from 'zod';
import type { AnyValue, KeyValue } from '../../src/otlp/otlp.types.js';
import { jsonText } from '../json-text.js';
import type { ModelSpan } from '../otlp-model.js';

/*
 * Jaeger's UI JSON model (jaegertracing/jaeger model/json, as the query
 * service writes it) of OTLP spans, mapped the way Jaeger's own OTLP
 * translator maps them (opentelemetry-collector-contrib pkg/translator/jaeger,
 * then model/converter/json): docs/grafana.md lists every rule and the few
 * places where this gateway had to choose.
 */

export const JaegerKeyValueJson = z
  .strictObject({
    key: z.string(),
    type: z.enum(['string', 'bool', 'int64', 'float64', 'binary']),
    value: z.union([z.string(), z.number(), z.boolean()]).meta({
      description: 'int64 beyond ±(2^53 − 1) as a string of its exact digits (as Jaeger writes it); binary as base64',
    }),
  })
  .meta({ id: 'JaegerKeyValue' });

const JaegerReferenceJson = z
  .strictObject({ refType: z.enum(['CHILD_OF', 'FOLLOWS_FROM']), traceID: z.string(), spanID: z.string() })
  .meta({ id: 'JaegerReference' });

const JaegerLogJson = z
  .strictObject({ timestamp: z.number().int().meta({ description: 'Epoch microseconds' }), fields: z.array(JaegerKeyValueJson) })
  .meta({ id: 'JaegerLog' });

const JaegerSpanJson = z
  .strictObject({
    traceID: z.string(),
    spanID: z.string(),
    flags: z.literal(1).optional().meta({ description: "1 (sampled) when the span's W3C trace flags say sampled; absent otherwise" }),
    operationName: z.string(),
    references: z.array(JaegerReferenceJson),
    startTime: z.number().int().meta({ description: 'Epoch microseconds' }),
    duration: z.number().int().meta({ description: 'Microseconds' }),
    tags: z.array(JaegerKeyValueJson),
    logs: z.array(JaegerLogJson),
    processID: z.string(),
    warnings: z.array(z.string()).nullable(),
  })
  .meta({ id: 'JaegerSpan' });

const JaegerProcessJson = z.strictObject({ serviceName: z.string(), tags: z.array(JaegerKeyValueJson) }).meta({ id: 'JaegerProcess' });

export const JaegerTraceJson = z
  .strictObject({
    traceID: z.string(),
    spans: z.array(JaegerSpanJson),
    processes: z.record(z.string(), JaegerProcessJson),
    warnings: z.array(z.string()).nullable(),
  })
  .meta({ id: 'JaegerTrace' });

export type JaegerKeyValue = z.input<typeof JaegerKeyValueJson>;
export type JaegerSpan = z.input<typeof JaegerSpanJson>;
export type JaegerTrace = z.input<typeof JaegerTraceJson>;

const JaegerErrorItemJson = z
  .strictObject({
    code: z.number().int().optional().meta({ description: 'The HTTP status; absent for a trace id that was not found' }),
    msg: z.string(),
    traceID: z.string().optional(),
  })
  .meta({ id: 'JaegerErrorItem' });

/** Jaeger's structured response: `data` and the paging fields it always writes (zero where unused), `errors` null when none. */
export function jaegerEnvelope<D extends z.ZodType>(data: D, id: string) {
  return z
    .strictObject({
      data,
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
      errors: z.array(JaegerErrorItemJson).nullable(),
    })
    .meta({ id });
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A JSON-able rendering of a value inside a composite (pcommon Value.AsRaw); maps with sorted keys, as Go marshals maps. */
function rawValue(value: AnyValue): unknown {
  switch (value.type) {
    case 'string':
    case 'bool':
    case 'int':
      return value.value;
    case 'double':
      return Number.isFinite(value.value) ? value.value : String(value.value);
    case 'bytes':
      return Buffer.from(value.value).toString('base64');
    case 'array':
      return value.values.map(rawValue);
    case 'kvlist':
      return Object.fromEntries(
        [...value.values].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((kv) => [kv.key, rawValue(kv.value)]),
      );
    case 'empty':
      return null;
  }
}

/**
 * One attribute as a Jaeger tag. Arrays and kvlists become strings of their
 * JSON (the translator's `AsString`), with int64 members exact; an empty
 * value becomes the empty string (the translator leaves such a tag a string).
 */
export function jaegerTag(kv: KeyValue): JaegerKeyValue {
  const { key, value } = kv;
  switch (value.type) {
    case 'string':
      return { key, type: 'string', value: value.value };
    case 'bool':
      return { key, type: 'bool', value: value.value };
    case 'int': {
      const n = value.value;
      // model/converter/json: beyond the JavaScript safe range, the exact digits as a string.
      return { key, type: 'int64', value: n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : n.toString() };
    }
    case 'double':
      // JSON has no NaN/±Infinity: written as the strings OTLP/JSON uses for them.
      return { key, type: 'float64', value: Number.isFinite(value.value) ? value.value : String(value.value) };
    case 'bytes':
      return { key, type: 'binary', value: Buffer.from(value.value).toString('base64') };
    case 'array':
    case 'kvlist':
      return { key, type: 'string', value: jsonText(rawValue(value)) };
    case 'empty':
      return { key, type: 'string', value: '' };
  }
}

const stringTag = (key: string, value: string): JaegerKeyValue => ({ key, type: 'string', value });

const SPAN_KIND_TAG = ['', 'internal', 'server', 'client', 'producer', 'consumer'] as const;
/** W3C trace flags' sampled bit, the low bit of OTLP span flags. */
const SAMPLED = 0x01;

/** The translator's order: scope, attributes, span.kind, otel.status_code, error, otel.status_description, w3c.tracestate. */
function spanTags(span: ModelSpan): JaegerKeyValue[] {
  const tags: JaegerKeyValue[] = [];
  if (span.scope.name !== '') tags.push(stringTag('otel.scope.name', span.scope.name));
  if (span.scope.version !== '') tags.push(stringTag('otel.scope.version', span.scope.version));
  tags.push(...span.attributes.map(jaegerTag));
  const kind = SPAN_KIND_TAG[span.kind];
  if (kind !== '') tags.push(stringTag('span.kind', kind));
  if (span.status.code === 1) tags.push(stringTag('otel.status_code', 'OK'));
  if (span.status.code === 2) tags.push(stringTag('otel.status_code', 'ERROR'), { key: 'error', type: 'bool', value: true });
  if (span.status.message !== '') tags.push(stringTag('otel.status_description', span.status.message));
  if (span.traceState !== '') tags.push(stringTag('w3c.tracestate', span.traceState));
  return tags;
}

function references(span: ModelSpan): z.input<typeof JaegerReferenceJson>[] {
  const refs: z.input<typeof JaegerReferenceJson>[] = [];
  // The parent first: backends read the first CHILD_OF as the parent.
  if (span.parentSpanId !== null) refs.push({ refType: 'CHILD_OF', traceID: span.traceId, spanID: span.parentSpanId });
  for (const link of span.links) {
    const refAttribute = link.attributes.find((a) => a.key === 'opentracing.ref_type');
    const refType = refAttribute?.value.type === 'string' && refAttribute.value.value === 'child_of' ? 'CHILD_OF' : 'FOLLOWS_FROM';
    const first = refs[0];
    if (first !== undefined && span.parentSpanId !== null && link.traceId === span.traceId && link.spanId === span.parentSpanId) {
      // A link to the parent only says which kind of reference the parent is.
      refs[0] = { ...first, refType };
      continue;
    }
    refs.push({ refType, traceID: link.traceId, spanID: link.spanId });
  }
  return refs;
}

function logs(span: ModelSpan): z.input<typeof JaegerLogJson>[] {
  return span.events.map((event) => {
    const named = event.name !== '' && !event.attributes.some((a) => a.key === 'event');
    return {
      timestamp: Number(event.timeUnixNano / 1000n),
      fields: [...(named ? [stringTag('event', event.name)] : []), ...event.attributes.map(jaegerTag)],
    };
  });
}

/** The resource as a Jaeger process: service.name becomes `serviceName`, the other attributes its tags, in order. */
function process(span: ModelSpan): z.input<typeof JaegerProcessJson> {
  const serviceAttribute = span.resource.attributes.find((a) => a.key === 'service.name');
  return {
    serviceName: serviceAttribute?.value.type === 'string' ? serviceAttribute.value.value : span.serviceName,
    tags: span.resource.attributes.filter((a) => a.key !== 'service.name').map(jaegerTag),
  };
}

/**
 * A trace in Jaeger's model. Processes are numbered p1, p2, … in the order
 * the spans first use them; spans with equal processes share one. A span
 * whose parent is not in the trace keeps its CHILD_OF reference and gets the
 * warning Jaeger's clock-skew adjuster gives it.
 */
export function jaegerTrace(traceId: string, spans: readonly ModelSpan[]): JaegerTrace {
  const processIds = new Map<string, string>();
  const processes: Record<string, z.input<typeof JaegerProcessJson>> = {};
  const spanIds = new Set(spans.map((s) => s.spanId));
  const jaegerSpans = spans.map((span): JaegerSpan => {
    const proc = process(span);
    const key = jsonText(proc);
    let processID = processIds.get(key);
    if (processID === undefined) {
      processID = `p${processIds.size + 1}`;
      processIds.set(key, processID);
      Object.defineProperty(processes, processID, { value: proc, enumerable: true, writable: true, configurable: true });
    }
    const orphan = span.parentSpanId !== null && !spanIds.has(span.parentSpanId);
    const durationNs = span.endTimeUnixNano > span.startTimeUnixNano ? span.endTimeUnixNano - span.startTimeUnixNano : 0n;
    return {
      traceID: span.traceId,
      spanID: span.spanId,
      // The translator keeps only the sampled bit of the W3C flags; Jaeger's JSON omits zero flags.
      ...((span.flags & SAMPLED) !== 0 ? { flags: 1 as const } : {}),
      operationName: span.name,
      references: references(span),
      startTime: Number(span.startTimeUnixNano / 1000n),
      duration: Number(durationNs / 1000n),
      tags: spanTags(span),
      logs: logs(span),
      processID,
      warnings: orphan ? [`invalid parent span IDs=${span.parentSpanId}; skipping clock skew adjustment`] : null,
    };
  });
  return { traceID: traceId, spans: jaegerSpans, processes, warnings: null };
}
