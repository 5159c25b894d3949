import { graphql } from '../../__generated__';
import { useQuery } from '../../api/hooks';
import { formatDateTime, formatDuration } from '../../lib/format';
import { Link } from '../../router';
import { ErrorMessage } from '../shared';
import { AttributeTable } from './any-value';

// Declared for codegen: AnyValue three levels deep (GraphQL fragments cannot recurse), embedded by the span query.
graphql(`
  fragment ScalarValue on AnyValue {
    __typename
    ... on StringValue {
      stringValue
    }
    ... on BoolValue {
      boolValue
    }
    ... on IntValue {
      intValue
    }
    ... on DoubleValue {
      doubleValue
      text
    }
    ... on BytesValue {
      bytesValue
    }
    ... on EmptyValue {
      empty
    }
  }
`);
graphql(`
  fragment NestedValue on AnyValue {
    ...ScalarValue
    ... on ArrayValue {
      arrayValue {
        ...ScalarValue
      }
    }
    ... on KvlistValue {
      kvlistValue {
        key
        valueType
        value {
          ...ScalarValue
        }
      }
    }
  }
`);
graphql(`
  fragment AttributeDetail on Attribute {
    key
    valueType
    value {
      ...ScalarValue
      ... on ArrayValue {
        arrayValue {
          ...NestedValue
        }
      }
      ... on KvlistValue {
        kvlistValue {
          key
          valueType
          value {
            ...NestedValue
          }
        }
      }
    }
  }
`);

const SpanQuery = graphql(`
  query ConsoleSpan($traceId: String!, $spanId: String!) {
    span(traceId: $traceId, spanId: $spanId) {
      traceId
      spanId
      parentSpanId
      name
      kind
      serviceName
      serviceNamespace
      startTime
      endTime
      durationMs
      traceState
      flags
      issueFingerprint
      status {
        code
        message
      }
      attributes {
        ...AttributeDetail
      }
      droppedAttributesCount
      events {
        name
        time
        timeUnixNano
        droppedAttributesCount
        attributes {
          ...AttributeDetail
        }
      }
      droppedEventsCount
      links {
        traceId
        spanId
        traceState
        flags
        droppedAttributesCount
        attributes {
          ...AttributeDetail
        }
      }
      droppedLinksCount
      resource {
        schemaUrl
        droppedAttributesCount
        attributes {
          ...AttributeDetail
        }
      }
      scope {
        name
        version
        schemaUrl
        droppedAttributesCount
        attributes {
          ...AttributeDetail
        }
      }
    }
  }
`);

/** Milliseconds between two Int64 nanosecond timestamps. */
function nsDiffMs(later: string, earlier: string): number {
  return Number(BigInt(later) - BigInt(earlier)) / 1e6;
}

interface SpanPanelProps {
  readonly traceId: string;
  readonly spanId: string;
  /** Start of the span, for event offsets (Int64 ns). */
  readonly spanStartNs: string;
  readonly colorOf: (service: string) => string;
  onClose(): void;
}

export function SpanPanel({ traceId, spanId, spanStartNs, colorOf, onClose }: SpanPanelProps) {
  const { data, error, loading } = useQuery(SpanQuery, { traceId, spanId });
  const span = data?.span?.spanId === spanId ? data.span : undefined;
  return (
    <aside class="span-panel" aria-labelledby="span-panel-title" aria-busy={loading}>
      <div class="panel-head">
        <h2 id="span-panel-title">{span ? span.name : 'Span'}</h2>
        <button type="button" class="quiet" onClick={onClose}>
          Close span details
        </button>
      </div>
      {error !== undefined && <ErrorMessage error={error} context="Span could not be loaded" />}
      {data !== undefined && data.span === null && <p>This span is no longer stored.</p>}
      {span === undefined && error === undefined && <p role="status">Loading span…</p>}
      {span !== undefined && (
        <>
          <dl class="facts">
            <dt>Service</dt>
            <dd>
              <span class="swatch" style={{ background: colorOf(span.serviceName) }} aria-hidden="true" />
              {span.serviceName}
              {span.serviceNamespace ? <span class="muted"> ({span.serviceNamespace})</span> : null}
            </dd>
            <dt>Kind</dt>
            <dd>{span.kind.toLowerCase()}</dd>
            <dt>Status</dt>
            <dd class={span.status.code === 'ERROR' ? 'error-text' : undefined}>
              {span.status.code.toLowerCase()}
              {span.status.message ? `: ${span.status.message}` : ''}
            </dd>
            <dt>Duration</dt>
            <dd>{formatDuration(span.durationMs)}</dd>
            <dt>Start</dt>
            <dd>{formatDateTime(span.startTime)}</dd>
            <dt>Span ID</dt>
            <dd class="mono">{span.spanId}</dd>
            <dt>Parent</dt>
            <dd class="mono">{span.parentSpanId ?? '(root)'}</dd>
            {span.issueFingerprint ? (
              <>
                <dt>Issue</dt>
                <dd class="mono">{span.issueFingerprint}</dd>
              </>
            ) : null}
            {span.traceState ? (
              <>
                <dt>Trace state</dt>
                <dd class="mono">{span.traceState}</dd>
              </>
            ) : null}
            <dt>Flags</dt>
            <dd>{span.flags}</dd>
          </dl>

          <AttributeTable caption="Span attributes" attributes={span.attributes} dropped={span.droppedAttributesCount} />

          <section aria-labelledby="events-title">
            <h3 id="events-title">
              Events ({span.events.length}
              {span.droppedEventsCount > 0 ? `, ${span.droppedEventsCount} dropped` : ''})
            </h3>
            {span.events.length === 0 ? (
              <p class="muted">No events.</p>
            ) : (
              <ol class="events">
                {span.events.map((e, i) => (
                  <li key={i}>
                    <p>
                      <strong>{e.name}</strong> <span class="muted">at +{formatDuration(nsDiffMs(e.timeUnixNano, spanStartNs))}</span>
                    </p>
                    <AttributeTable
                      caption={`Attributes of event ${e.name}`}
                      attributes={e.attributes}
                      dropped={e.droppedAttributesCount}
                    />
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section aria-labelledby="links-title">
            <h3 id="links-title">
              Links ({span.links.length}
              {span.droppedLinksCount > 0 ? `, ${span.droppedLinksCount} dropped` : ''})
            </h3>
            {span.links.length === 0 ? (
              <p class="muted">No links.</p>
            ) : (
              <ul class="links">
                {span.links.map((l, i) => (
                  <li key={i}>
                    <Link to={`/traces/${l.traceId}?span=${l.spanId}`} class="mono">
                      {l.traceId === traceId ? `span ${l.spanId} in this trace` : `trace ${l.traceId}, span ${l.spanId}`}
                    </Link>
                    {l.traceState ? <span class="muted mono"> state {l.traceState}</span> : null}
                    <AttributeTable caption="Link attributes" attributes={l.attributes} dropped={l.droppedAttributesCount} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="resource-title">
            <h3 id="resource-title">Resource</h3>
            {span.resource.schemaUrl ? <p class="muted mono">{span.resource.schemaUrl}</p> : null}
            <AttributeTable
              caption="Resource attributes"
              attributes={span.resource.attributes}
              dropped={span.resource.droppedAttributesCount}
            />
          </section>

          <section aria-labelledby="scope-title">
            <h3 id="scope-title">Instrumentation scope</h3>
            <p>
              <span class="mono">{span.scope.name || '(unnamed)'}</span>
              {span.scope.version ? <span class="muted"> version {span.scope.version}</span> : null}
            </p>
            {span.scope.schemaUrl ? <p class="muted mono">{span.scope.schemaUrl}</p> : null}
            <AttributeTable caption="Scope attributes" attributes={span.scope.attributes} dropped={span.scope.droppedAttributesCount} />
          </section>
        </>
      )}
    </aside>
  );
}
