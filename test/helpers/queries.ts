/** AnyValue selection, nested three levels deep (arrays of kvlists of arrays…). */
const VALUE_LEAF = `
  __typename
  ... on StringValue { stringValue }
  ... on BoolValue { boolValue }
  ... on IntValue { intValue }
  ... on DoubleValue { doubleValue text }
  ... on BytesValue { bytesValue }
  ... on EmptyValue { empty }`;

const nest = (depth: number): string =>
  depth === 0
    ? VALUE_LEAF
    : `${VALUE_LEAF}
  ... on ArrayValue { arrayValue { ${nest(depth - 1)} } }
  ... on KvlistValue { kvlistValue { key value { ${nest(depth - 1)} } } }`;

export const ATTRIBUTES = `key valueType value { ${nest(3)} }`;

export const SPAN_FIELDS = `
  traceId spanId parentSpanId traceState flags name kind
  startTime endTime startTimeUnixNano endTimeUnixNano durationMs
  serviceName serviceNamespace issueFingerprint
  attributes { ${ATTRIBUTES} } droppedAttributesCount
  events { name time timeUnixNano attributes { ${ATTRIBUTES} } droppedAttributesCount } droppedEventsCount
  links { traceId spanId traceState flags attributes { ${ATTRIBUTES} } droppedAttributesCount } droppedLinksCount
  status { code message }
  resource { attributes { ${ATTRIBUTES} } droppedAttributesCount schemaUrl }
  scope { name version attributes { ${ATTRIBUTES} } droppedAttributesCount schemaUrl }`;

export const TRACE_WITH_SPANS = `query Trace($traceId: String!) {
  trace(traceId: $traceId) {
    traceId rootServiceName rootOperation startTime durationMs spanCount errorCount status services
    spans { ${SPAN_FIELDS} }
  }
}`;
