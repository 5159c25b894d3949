import type { AnyValue, KeyValue, OtlpSpan, ResourceSpans, ScopeSpans } from '../../src/otlp/otlp.types.js';
import { jsonText } from '../json-text.js';
import type { ModelSpan } from '../otlp-model.js';

/*
 * A trace in OTLP's own structure — resource → scope → spans — in the OTLP/JSON
 * encoding (opentelemetry-proto's JSON mapping: lowerCamelCase names, hex
 * trace and span ids, enums as integers, 64-bit integers as decimal strings,
 * bytes as base64, fields at their default value left out), as Tempo's trace
 * by id API answers it.
 */

/**
 * Groups spans back into ResourceSpans and ScopeSpans: spans sent under equal
 * resources (attributes, dropped count, schema URL) share one, in the order
 * spans first use them, and likewise scopes within a resource.
 */
export function groupResourceSpans(spans: readonly ModelSpan[]): ResourceSpans[] {
  const resources = new Map<string, { resourceSpans: ResourceSpans; scopes: Map<string, ScopeSpans & { spans: OtlpSpan[] }> }>();
  for (const span of spans) {
    const { resource, scope, serviceName: _serviceName, ...otlpSpan } = span;
    const resourceKey = jsonText([resource.attributes, resource.droppedAttributesCount, resource.schemaUrl]);
    let entry = resources.get(resourceKey);
    if (entry === undefined) {
      const { schemaUrl, ...rest } = resource;
      entry = { resourceSpans: { resource: rest, schemaUrl, scopeSpans: [] }, scopes: new Map() };
      resources.set(resourceKey, entry);
    }
    const scopeKey = jsonText([scope.name, scope.version, scope.attributes, scope.droppedAttributesCount, scope.schemaUrl]);
    let scopeSpans = entry.scopes.get(scopeKey);
    if (scopeSpans === undefined) {
      const { schemaUrl, ...rest } = scope;
      scopeSpans = { scope: rest, schemaUrl, spans: [] };
      entry.scopes.set(scopeKey, scopeSpans);
      (entry.resourceSpans.scopeSpans as ScopeSpans[]).push(scopeSpans);
    }
    scopeSpans.spans.push(otlpSpan);
  }
  return [...resources.values()].map((e) => e.resourceSpans);
}

type Json = { [key: string]: unknown };

/** Members at their proto3 default are left out, as protobuf's JSON printers do. */
function compact(object: Json): Json {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => !(v === undefined || v === '' || v === 0 || (Array.isArray(v) && v.length === 0))),
  );
}

function anyValueJson(value: AnyValue): Json {
  switch (value.type) {
    case 'string':
      return { stringValue: value.value };
    case 'bool':
      return { boolValue: value.value };
    case 'int':
      return { intValue: value.value.toString() };
    case 'double':
      // JSON numbers cannot be NaN or ±Infinity; the JSON mapping writes those as strings.
      return { doubleValue: Number.isFinite(value.value) ? value.value : String(value.value) };
    case 'bytes':
      return { bytesValue: Buffer.from(value.value).toString('base64') };
    case 'array':
      return { arrayValue: compact({ values: value.values.map(anyValueJson) }) };
    case 'kvlist':
      return { kvlistValue: compact({ values: value.values.map(keyValueJson) }) };
    case 'empty':
      return {};
  }
}

function keyValueJson(kv: KeyValue): Json {
  return { key: kv.key, value: anyValueJson(kv.value) };
}

function spanJson(span: OtlpSpan): Json {
  return compact({
    traceId: span.traceId,
    spanId: span.spanId,
    traceState: span.traceState,
    parentSpanId: span.parentSpanId ?? '',
    flags: span.flags,
    name: span.name,
    kind: span.kind,
    startTimeUnixNano: span.startTimeUnixNano.toString(),
    endTimeUnixNano: span.endTimeUnixNano.toString(),
    attributes: span.attributes.map(keyValueJson),
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map((e) =>
      compact({
        timeUnixNano: e.timeUnixNano.toString(),
        name: e.name,
        attributes: e.attributes.map(keyValueJson),
        droppedAttributesCount: e.droppedAttributesCount,
      }),
    ),
    droppedEventsCount: span.droppedEventsCount,
    links: span.links.map((l) =>
      compact({
        traceId: l.traceId,
        spanId: l.spanId,
        traceState: l.traceState,
        attributes: l.attributes.map(keyValueJson),
        droppedAttributesCount: l.droppedAttributesCount,
        flags: l.flags,
      }),
    ),
    droppedLinksCount: span.droppedLinksCount,
    // A message field that is set is written even when empty: `"status": {}` for UNSET.
    status: compact({ message: span.status.message, code: span.status.code }),
  });
}

export function resourceSpansJson(data: readonly ResourceSpans[]): Json[] {
  return data.map((rs) =>
    compact({
      resource: compact({
        attributes: rs.resource.attributes.map(keyValueJson),
        droppedAttributesCount: rs.resource.droppedAttributesCount,
      }),
      scopeSpans: rs.scopeSpans.map((ss) =>
        compact({
          scope: compact({
            name: ss.scope.name,
            version: ss.scope.version,
            attributes: ss.scope.attributes.map(keyValueJson),
            droppedAttributesCount: ss.scope.droppedAttributesCount,
          }),
          spans: ss.spans.map(spanJson),
          schemaUrl: ss.schemaUrl,
        }),
      ),
      schemaUrl: rs.schemaUrl,
    }),
  );
}
