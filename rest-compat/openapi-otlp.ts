/*
 * The OpenAPI description of OTLP/HTTP trace ingest, `POST /v1/traces`. It is
 * not a REST declaration (src/http/otlp-handler.ts serves it, in OTLP's own
 * wire formats), so it is described here by hand, from the OTLP specification
 * (ExportTraceServiceRequest / ExportTraceServiceResponse, the proto3 JSON
 * mapping with hex ids, google.rpc.Status errors) and what the handler accepts.
 * test/openapi-client.test.ts validates live answers and an OpenTelemetry SDK
 * export against it.
 */

type JsonSchema = { [key: string]: unknown };

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** int64/uint64 in OTLP/JSON: a decimal string, or a JSON number (exact up to 2^53). */
const INT64 = { oneOf: [{ type: 'string', pattern: '^-?[0-9]+$' }, { type: 'integer' }] };
const UINT64 = {
  oneOf: [
    { type: 'string', pattern: '^[0-9]+$' },
    { type: 'integer', minimum: 0 },
  ],
};
const ENUM = (names: string) => ({
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', description: names },
  ],
});
const attributes = { type: 'array', items: ref('OtlpKeyValue'), maxItems: 128 };

/** The components the path item refers to, under `Otlp…` names. */
export const OTLP_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  OtlpAnyValue: {
    type: 'object',
    description: 'One of the value fields, or none (an empty value). Nested arrays and kvlists are bounded at 32 levels.',
    properties: {
      stringValue: { type: 'string' },
      boolValue: { type: 'boolean' },
      intValue: INT64,
      doubleValue: { oneOf: [{ type: 'number' }, { type: 'string', enum: ['NaN', 'Infinity', '-Infinity'] }] },
      bytesValue: { type: 'string', contentEncoding: 'base64' },
      arrayValue: ref('OtlpArrayValue'),
      kvlistValue: ref('OtlpKeyValueList'),
    },
  },
  OtlpArrayValue: { type: 'object', properties: { values: { type: 'array', items: ref('OtlpAnyValue') } } },
  OtlpKeyValueList: { type: 'object', properties: { values: { type: 'array', items: ref('OtlpKeyValue') } } },
  OtlpKeyValue: { type: 'object', required: ['key'], properties: { key: { type: 'string' }, value: ref('OtlpAnyValue') } },
  OtlpSpan: {
    type: 'object',
    required: ['traceId', 'spanId'],
    properties: {
      traceId: { type: 'string', pattern: '^[0-9a-fA-F]{32}$', description: '16 bytes, hex (not all zero)' },
      spanId: { type: 'string', pattern: '^[0-9a-fA-F]{16}$', description: '8 bytes, hex (not all zero)' },
      traceState: { type: 'string' },
      parentSpanId: { type: 'string', pattern: '^([0-9a-fA-F]{16})?$', description: 'Empty or absent for a root span' },
      flags: { type: 'integer', minimum: 0 },
      name: { type: 'string' },
      kind: ENUM('SPAN_KIND_UNSPECIFIED, SPAN_KIND_INTERNAL, SPAN_KIND_SERVER, SPAN_KIND_CLIENT, SPAN_KIND_PRODUCER, SPAN_KIND_CONSUMER'),
      startTimeUnixNano: UINT64,
      endTimeUnixNano: UINT64,
      attributes,
      droppedAttributesCount: { type: 'integer', minimum: 0 },
      events: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            timeUnixNano: UINT64,
            name: { type: 'string' },
            attributes,
            droppedAttributesCount: { type: 'integer', minimum: 0 },
          },
        },
      },
      droppedEventsCount: { type: 'integer', minimum: 0 },
      links: {
        type: 'array',
        items: {
          type: 'object',
          required: ['traceId', 'spanId'],
          properties: {
            traceId: { type: 'string', pattern: '^[0-9a-fA-F]{32}$' },
            spanId: { type: 'string', pattern: '^[0-9a-fA-F]{16}$' },
            traceState: { type: 'string' },
            attributes,
            droppedAttributesCount: { type: 'integer', minimum: 0 },
            flags: { type: 'integer', minimum: 0 },
          },
        },
      },
      droppedLinksCount: { type: 'integer', minimum: 0 },
      status: {
        type: 'object',
        properties: { message: { type: 'string' }, code: ENUM('STATUS_CODE_UNSET, STATUS_CODE_OK, STATUS_CODE_ERROR') },
      },
    },
  },
  OtlpExportTraceServiceRequest: {
    type: 'object',
    description:
      'OTLP/JSON (the proto3 JSON mapping, ids in hex). Keys may be lowerCamelCase or the proto field names; ' +
      'unknown keys are ignored; enums may be integers or names.',
    properties: {
      resourceSpans: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            resource: {
              type: 'object',
              properties: { attributes, droppedAttributesCount: { type: 'integer', minimum: 0 } },
            },
            scopeSpans: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  scope: {
                    type: 'object',
                    properties: {
                      name: { type: 'string' },
                      version: { type: 'string' },
                      attributes,
                      droppedAttributesCount: { type: 'integer', minimum: 0 },
                    },
                  },
                  spans: { type: 'array', items: ref('OtlpSpan') },
                  schemaUrl: { type: 'string' },
                },
              },
            },
            schemaUrl: { type: 'string' },
          },
        },
      },
    },
  },
  OtlpExportTraceServiceResponse: {
    type: 'object',
    additionalProperties: false,
    description: 'Empty when every span was stored; `partialSuccess` names the spans refused one by one (e.g. older than retention).',
    properties: {
      partialSuccess: {
        type: 'object',
        required: ['rejectedSpans', 'errorMessage'],
        additionalProperties: false,
        properties: { rejectedSpans: { type: 'string', pattern: '^[0-9]+$' }, errorMessage: { type: 'string' } },
      },
    },
  },
  OtlpStatus: {
    type: 'object',
    required: ['code', 'message'],
    additionalProperties: false,
    description: "google.rpc.Status, as OTLP/HTTP requires, with the gateway's error envelope alongside",
    properties: {
      code: {
        type: 'integer',
        description: 'google.rpc.Code: 3 invalid argument, 7 permission denied, 8 resource exhausted, 16 unauthenticated, …',
      },
      message: { type: 'string', description: 'The error message and the request id' },
      error: {
        type: 'object',
        description: "The gateway's error envelope (`Error.error`)",
        required: ['code', 'message', 'param', 'request_id'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          param: { type: ['string', 'null'] },
          request_id: { type: 'string' },
        },
      },
    },
  },
};

const PROTOBUF = { type: 'string', contentMediaType: 'application/x-protobuf' };

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('OtlpStatus') }, 'application/x-protobuf': { schema: PROTOBUF } },
});

/** `POST /v1/traces`: OTLP/HTTP export, JSON or protobuf, optionally gzip- or deflate-compressed. */
export const OTLP_EXPORT_OPERATION: JsonSchema = {
  operationId: 'exportTraces',
  summary: 'Export spans (OTLP/HTTP)',
  description:
    'OpenTelemetry SDKs and Collectors send spans here unchanged (the OTLP/HTTP traces endpoint). Needs the `write` permission. ' +
    'A 2xx means every span of the request is durably stored; a retried request never duplicates a span. ' +
    'Answers are in the request encoding (protobuf or JSON). `Content-Encoding: gzip` or `deflate` is accepted.',
  tags: ['OTLP'],
  requestBody: {
    required: true,
    content: {
      'application/x-protobuf': {
        schema: { ...PROTOBUF, description: 'opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest' },
      },
      'application/json': { schema: ref('OtlpExportTraceServiceRequest') },
    },
  },
  responses: {
    '200': {
      description: 'Stored (all spans, or all but those `partialSuccess` names)',
      content: {
        'application/json': { schema: ref('OtlpExportTraceServiceResponse') },
        'application/x-protobuf': { schema: { ...PROTOBUF, description: 'ExportTraceServiceResponse' } },
      },
    },
    '400': errorResponse('The payload does not decode, or a span is invalid (the message names the field)'),
    '401': errorResponse('Missing or invalid API key'),
    '403': errorResponse('API key lacks the write permission'),
    '413': errorResponse('Body over MESH_MAX_BODY_BYTES'),
    '415': errorResponse('Content-Type is neither protobuf nor JSON'),
    '429': errorResponse("The key's per-minute budget or the in-flight ingest bound is spent; retry after Retry-After"),
    '500': errorResponse('Internal error'),
    '503': errorResponse('The trace store is unreachable; retry after Retry-After'),
  },
};
