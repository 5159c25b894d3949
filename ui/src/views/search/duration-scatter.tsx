import '../../analysis.css';
import { useMemo } from 'preact/hooks';
import { graphql } from '../../__generated__';
import type { ScatterTraceFragment } from '../../__generated__/graphql';
import { useQuery } from '../../api/hooks';
import { formatDateTime, formatDuration } from '../../lib/format';
import { href, navigate } from '../../router';
import { ErrorMessage } from '../shared';
import { SCATTER_FRAME, scatterLayout } from './scatter-layout';
import { toOrderBy, toTraceFilter, type SearchState } from './search-state';

// Declared for codegen: the two scatter queries embed this fragment's text.
graphql(`
  fragment ScatterTrace on Trace {
    traceId
    startTime
    durationMs
    status
    rootServiceName
    rootOperation
  }
`);

const ScatterTracesQuery = graphql(`
  query ConsoleScatterTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!) {
    traces(filter: $filter, orderBy: $orderBy, first: $first) {
      edges {
        node {
          ...ScatterTrace
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const ScatterSearchQuery = graphql(`
  query ConsoleScatterSearch($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!) {
    searchTraces(query: $query, from: $from, to: $to, first: $first) {
      edges {
        node {
          ...ScatterTrace
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** The most traces one API page holds (MAX_PAGE_SIZE): the scatter plots the first page of this size. */
const SCATTER_LIMIT = 500;

function pointLabel(t: ScatterTraceFragment): string {
  return `${t.rootServiceName ?? '(root span not received)'}: ${t.rootOperation ?? t.traceId}, ${formatDuration(t.durationMs)}, started ${formatDateTime(t.startTime)}${t.status === 'ERROR' ? ', error' : ''}`;
}

/**
 * Trace durations over the search window, like Jaeger's: one mark per trace
 * (the first 500 of the search in its order), errors as red crosses, a click
 * opens the trace, a tooltip names it. The marks are a pointer shortcut: to
 * assistive technology the chart is one image with a summary, and the
 * results table below lists the traces for keyboards and screen readers.
 */
export function DurationScatter({ state, from, to }: { state: SearchState; from: string; to: string }) {
  const byQuery = state.mode === 'query';
  const filtered = useQuery(
    ScatterTracesQuery,
    { filter: toTraceFilter(state, { from, to }), orderBy: toOrderBy(state.order), first: SCATTER_LIMIT },
    { skip: byQuery },
  );
  const searched = useQuery(
    ScatterSearchQuery,
    { query: state.query, from, to, first: SCATTER_LIMIT },
    { skip: !byQuery || state.query.trim() === '' },
  );
  const result = byQuery ? searched : filtered;
  const connection = byQuery ? searched.data?.searchTraces : filtered.data?.traces;
  const traces = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);
  const byId = useMemo(() => new Map(traces.map((t) => [t.traceId, t])), [traces]);
  const layout = useMemo(
    () =>
      scatterLayout(
        traces.map((t) => ({ traceId: t.traceId, startTime: t.startTime, durationMs: t.durationMs, error: t.status === 'ERROR' })),
        { fromMs: Date.parse(from), toMs: Date.parse(to) },
      ),
    [traces, from, to],
  );
  if (result.error !== undefined) return <ErrorMessage error={result.error} context="The duration chart could not be loaded" />;
  if (connection === undefined) return null;
  const { width, height, left, right, top, bottom } = SCATTER_FRAME;
  const errors = traces.filter((t) => t.status === 'ERROR').length;
  return (
    <figure class="scatter-figure">
      <svg
        class="duration-scatter"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Durations of ${traces.length} traces over time, ${errors} with errors`}
      >
        {layout.yTicks.map((t) => (
          <g key={t.value} class="scatter-grid">
            <line x1={left} x2={width - right} y1={t.y} y2={t.y} />
            <text x={left - 6} y={t.y + 4} text-anchor="end">
              {formatDuration(t.value)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={t.x} class="scatter-axis" x={t.x} y={height - bottom + 16} text-anchor="middle">
            {t.label}
          </text>
        ))}
        <line class="scatter-baseline" x1={left} x2={width - right} y1={height - bottom} y2={height - bottom} />
        <line class="scatter-baseline" x1={left} x2={left} y1={top} y2={height - bottom} />
        {layout.points.map((p) => {
          const trace = byId.get(p.traceId);
          const label = trace === undefined ? p.traceId : pointLabel(trace);
          return (
            <a
              key={p.traceId}
              href={href(`/traces/${p.traceId}`)}
              class={`scatter-point${p.error ? ' scatter-error' : ''}`}
              data-trace-id={p.traceId}
              tabIndex={-1}
              onClick={(event) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                navigate(`/traces/${p.traceId}`);
              }}
            >
              <title>{label}</title>
              {p.error ? (
                <path d={`M${p.x - 4},${p.y - 4}L${p.x + 4},${p.y + 4}M${p.x - 4},${p.y + 4}L${p.x + 4},${p.y - 4}`} />
              ) : (
                <circle cx={p.x} cy={p.y} r={4} />
              )}
            </a>
          );
        })}
      </svg>
      <figcaption class="muted small">
        Duration × start time of{' '}
        {connection.pageInfo.hasNextPage
          ? `the first ${traces.length} traces`
          : traces.length === 1
            ? 'the 1 trace'
            : `all ${traces.length} traces`}{' '}
        of this search
        {connection.pageInfo.hasNextPage ? ' in the chosen order' : ''}; <span class="scatter-key-error">✕</span> has errors. Click a mark
        to open its trace; the table below lists the same results.
      </figcaption>
    </figure>
  );
}
