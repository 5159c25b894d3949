import { useEffect, useMemo, useState } from 'preact/hooks';
import { graphql } from '../../__generated__';
import { useQuery } from '../../api/hooks';
import { servicePalette } from '../../lib/colors';
import { formatDateTime, formatDuration } from '../../lib/format';
import { href, Link, navigate, type Route } from '../../router';
import { ErrorMessage } from '../shared';
import { completenessFact } from '../analysis/completeness';
import { TraceCompletenessBanner } from '../analysis/completeness-banner';
import { placeCriticalPath } from './critical-path';
import { SpanPanel } from './span-panel';
import { Waterfall } from './waterfall';
import { layoutWaterfall } from './waterfall-layout';

/**
 * The waterfall needs only these fields per span; the side panel loads one span's details on demand.
 * `first: 10000` is the largest page of Trace.spans (and a request's span budget): every span of any
 * trace the console can draw at once.
 */
const TraceQuery = graphql(`
  query ConsoleTrace($traceId: String!) {
    trace(traceId: $traceId) {
      traceId
      startTime
      durationMs
      spanCount
      errorCount
      status
      services
      rootServiceName
      rootOperation
      spans(first: 10000) {
        spanId
        parentSpanId
        name
        serviceName
        kind
        durationMs
        startTimeUnixNano
        endTimeUnixNano
        status {
          code
        }
      }
      criticalPath {
        spanId
        segments {
          startTimeUnixNano
          endTimeUnixNano
        }
      }
      completeness {
        status
        unknownReason
        droppedSpans
        clusters
        reports {
          nodeId
          cluster
          droppedSpans
        }
      }
    }
  }
`);

export function TraceDetail({ traceId, route }: { traceId: string; route: Route }) {
  const { data, error, loading } = useQuery(TraceQuery, { traceId });
  const trace = data?.trace ?? null;
  const layout = useMemo(() => (trace === null ? null : layoutWaterfall(trace.spans)), [trace]);
  const colorOf = useMemo(() => servicePalette(trace?.services ?? []), [trace]);
  const [showCritical, setShowCritical] = useState(true);
  // Computed by the gateway (Trace.criticalPath), placed on the waterfall's rows.
  const critical = useMemo(
    () => (layout === null || trace === null ? null : placeCriticalPath(trace.criticalPath, layout)),
    [layout, trace],
  );
  const selectedSpanId = route.query.get('span');
  const selected = useMemo(() => {
    if (layout === null || selectedSpanId === null) return null;
    const row = layout.rows.find((r) => r.span.spanId === selectedSpanId);
    return row === undefined ? null : row.index;
  }, [layout, selectedSpanId]);
  const selectedRow = selected === null ? undefined : layout?.rows[selected];

  useEffect(() => {
    document.title = `Trace ${traceId.slice(0, 8)} · Mesh-Trace`;
  }, [traceId]);

  const select = (spanId: string | null) =>
    navigate(`/traces/${encodeURIComponent(traceId)}${spanId === null ? '' : `?span=${encodeURIComponent(spanId)}`}`, { replace: true });

  return (
    <section aria-labelledby="trace-title" class="view trace-view">
      <p class="breadcrumb">
        <a
          href={href('/traces')}
          onClick={(e) => {
            if (window.history.length > 1) {
              e.preventDefault();
              window.history.back();
            }
          }}
        >
          ← Back to results
        </a>
      </p>
      <h1 id="trace-title" tabIndex={-1}>
        {trace ? (
          <>
            {trace.rootServiceName ?? '(root span not received)'}: {trace.rootOperation ?? ''}
          </>
        ) : (
          'Trace'
        )}{' '}
        <span class="mono muted trace-id">{traceId}</span>
      </h1>
      {error !== undefined && <ErrorMessage error={error} context="The trace could not be loaded" />}
      {loading && data === undefined && <p role="status">Loading trace…</p>}
      {data !== undefined && trace === null && (
        <p role="status">
          No trace with this ID is stored (it may have expired). <Link to="/traces">Search traces</Link>.
        </p>
      )}
      {trace !== null && layout !== null && (
        <>
          <TraceCompletenessBanner completeness={trace.completeness} />
          <dl class="trace-facts">
            <div>
              <dt>Started</dt>
              <dd>{formatDateTime(trace.startTime)}</dd>
            </div>
            <div>
              <dt>Duration</dt>
              <dd>{formatDuration(trace.durationMs)}</dd>
            </div>
            <div>
              <dt>Spans</dt>
              <dd data-testid="span-count">{trace.spanCount}</dd>
            </div>
            <div>
              <dt>Errors</dt>
              <dd class={trace.errorCount > 0 ? 'error-text' : undefined}>{trace.errorCount}</dd>
            </div>
            <div>
              <dt>Services</dt>
              <dd>
                <ul class="chips" aria-label="Services in this trace">
                  {[...trace.services].sort().map((s) => (
                    <li key={s} class="chip">
                      <span class="swatch" style={{ background: colorOf(s) }} aria-hidden="true" />
                      {s}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>Collector drops</dt>
              <dd data-testid="completeness">{completenessFact(trace.completeness)}</dd>
            </div>
            <div>
              <dt>Compare</dt>
              <dd>
                <Link to={`/compare?a=${encodeURIComponent(traceId)}`}>Compare with another trace</Link>
              </dd>
            </div>
          </dl>
          <div class="legend">
            <label>
              <input type="checkbox" checked={showCritical} onChange={(e) => setShowCritical(e.currentTarget.checked)} /> Highlight the
              critical path
            </label>
            <span aria-hidden="true">
              <span class="legend-critical" /> critical path <span class="mark mark-error">!</span> error{' '}
              <span class="mark mark-skew">±</span> clock skew <span class="mark mark-detached">↑</span> parent missing
            </span>
          </div>
          <div class={`trace-layout${selectedRow ? ' with-panel' : ''}`}>
            <Waterfall
              layout={layout}
              critical={showCritical ? critical : null}
              selected={selected}
              onSelect={(row) => select(layout.rows[row]?.span.spanId ?? null)}
              label={`Spans of trace ${traceId}, ${trace.spanCount} spans`}
              colorOf={colorOf}
            />
            {selectedRow !== undefined && (
              <SpanPanel
                traceId={traceId}
                spanId={selectedRow.span.spanId}
                spanStartNs={selectedRow.span.startTimeUnixNano}
                colorOf={colorOf}
                onClose={() => select(null)}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
