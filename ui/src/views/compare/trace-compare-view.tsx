import '../../analysis.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { graphql } from '../../__generated__';
import { useQuery } from '../../api/hooks';
import { formatDuration } from '../../lib/format';
import { Link, navigate, type Route } from '../../router';
import { ErrorMessage } from '../shared';
import { CHANGE_TEXT, changeOf, visibleCompareRows } from './compare-rows';

const CompareQuery = graphql(`
  query ConsoleCompareTraces($a: String!, $b: String!) {
    compareTraces(a: $a, b: $b) {
      a {
        traceId
        durationMs
        spanCount
        rootServiceName
        rootOperation
      }
      b {
        traceId
        durationMs
        spanCount
        rootServiceName
        rootOperation
      }
      durationDeltaMs
      matchedCount
      onlyInACount
      onlyInBCount
      errorsAddedCount
      errorsRemovedCount
      nodes {
        parentIndex
        depth
        serviceName
        operation
        occurrence
        presence
        durationDeltaMs
        durationRatio
        errorChange
        a {
          spanId
          durationMs
          error
        }
        b {
          spanId
          durationMs
          error
        }
      }
    }
  }
`);

const TRACE_ID = /^[0-9a-f]{32}$/;
/** Rows drawn at first; a merged tree of two large traces can hold thousands. */
const ROW_LIMIT = 1_000;
/** Indentation per tree level, in rem, up to a depth where deeper rows stop moving right. */
const INDENT_REM = 1;
const MAX_INDENT_LEVELS = 24;

function signed(ms: number): string {
  return `${ms > 0 ? '+' : ms < 0 ? '−' : '±'}${formatDuration(Math.abs(ms))}`;
}

export function TraceCompareView({ route }: { route: Route }) {
  const a = route.query.get('a') ?? '';
  const b = route.query.get('b') ?? '';
  const ready = TRACE_ID.test(a) && TRACE_ID.test(b);

  useEffect(() => {
    document.title = 'Compare traces · Mesh-Trace';
  }, []);

  return (
    <section aria-labelledby="compare-title" class="view">
      <h1 id="compare-title" tabIndex={-1}>
        Compare traces
      </h1>
      <CompareForm key={`${a}|${b}`} a={a} b={b} />
      {ready ? (
        <Comparison a={a} b={b} />
      ) : (
        <p class="help">Enter two trace IDs (32 hex characters), or tick two traces in the search results.</p>
      )}
    </section>
  );
}

function CompareForm({ a, b }: { a: string; b: string }) {
  const [draft, setDraft] = useState({ a, b });
  const clean = (v: string) => v.trim().toLowerCase();
  return (
    <form
      class="compare-form"
      aria-label="Traces to compare"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(`/compare?a=${encodeURIComponent(clean(draft.a))}&b=${encodeURIComponent(clean(draft.b))}`);
      }}
    >
      <label>
        Trace A (baseline)
        <input
          type="text"
          class="mono"
          name="a"
          spellcheck={false}
          value={draft.a}
          onInput={(e) => setDraft({ ...draft, a: e.currentTarget.value })}
        />
      </label>
      <label>
        Trace B
        <input
          type="text"
          class="mono"
          name="b"
          spellcheck={false}
          value={draft.b}
          onInput={(e) => setDraft({ ...draft, b: e.currentTarget.value })}
        />
      </label>
      <button type="button" class="quiet" onClick={() => setDraft({ a: draft.b, b: draft.a })}>
        Swap
      </button>
      <button type="submit">Compare</button>
    </form>
  );
}

function Comparison({ a, b }: { a: string; b: string }) {
  const { data, error, loading } = useQuery(CompareQuery, { a, b });
  const [onlyChanges, setOnlyChanges] = useState(false);
  const [limit, setLimit] = useState(ROW_LIMIT);
  const comparison = data?.compareTraces;
  const shown = useMemo(
    () => (comparison === undefined ? [] : visibleCompareRows(comparison.nodes, onlyChanges)),
    [comparison, onlyChanges],
  );

  if (error !== undefined) return <ErrorMessage error={error} context="The traces could not be compared" />;
  if (comparison === undefined) return loading ? <p role="status">Comparing…</p> : null;
  const { nodes } = comparison;
  return (
    <section aria-labelledby="comparison-title" aria-busy={loading}>
      <h2 id="comparison-title" class="visually-hidden">
        Comparison
      </h2>
      <dl class="trace-facts compare-summary">
        {(['a', 'b'] as const).map((side) => {
          const t = comparison[side];
          return (
            <div key={side}>
              <dt>{side === 'a' ? 'A (baseline)' : 'B'}</dt>
              <dd>
                <Link to={`/traces/${t.traceId}`}>
                  {t.rootServiceName ?? '(root span not received)'}: {t.rootOperation ?? t.traceId}
                </Link>{' '}
                <span class="muted">
                  {formatDuration(t.durationMs)}, {t.spanCount} spans
                </span>
              </dd>
            </div>
          );
        })}
        <div>
          <dt>B − A</dt>
          <dd data-testid="duration-delta">{signed(comparison.durationDeltaMs)}</dd>
        </div>
        <div>
          <dt>Spans</dt>
          <dd data-testid="compare-counts">
            {comparison.matchedCount} matched, {comparison.onlyInBCount} only in B, {comparison.onlyInACount} only in A
          </dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd>
            {comparison.errorsAddedCount} new in B, {comparison.errorsRemovedCount} gone in B
          </dd>
        </div>
      </dl>
      <div class="legend compare-legend">
        <label>
          <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.currentTarget.checked)} /> Only show changes (with
          their parents)
        </label>
        <span>
          <span class="change-swatch change-slower" /> slower <span class="change-swatch change-faster" /> faster{' '}
          <span class="change-swatch change-added" /> only in B <span class="change-swatch change-removed" /> only in A — more than 10 % and
          1 ms counts as a change
        </span>
      </div>
      <table class="compare-table">
        <caption class="visually-hidden">Spans of both traces matched by their path of service and operation from the root</caption>
        <thead>
          <tr>
            <th scope="col">Span (service: operation)</th>
            <th scope="col" class="num">
              A
            </th>
            <th scope="col" class="num">
              B
            </th>
            <th scope="col" class="num">
              B − A
            </th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, limit).map((i) => {
            const n = nodes[i]!;
            const change = changeOf(n);
            const path = `${n.serviceName}: ${n.operation}${n.occurrence > 0 ? ` #${n.occurrence + 1}` : ''}`;
            return (
              <tr key={i} class={`change-${change}`} data-change={change} data-node={`${n.serviceName}:${n.operation}#${n.occurrence}`}>
                <th scope="row" style={{ paddingLeft: `${0.5 + Math.min(n.depth, MAX_INDENT_LEVELS) * INDENT_REM}rem` }}>
                  {path}
                </th>
                <td class="num">
                  {n.a === null || n.a === undefined ? '—' : formatDuration(n.a.durationMs)}
                  {n.a?.error && (
                    <span class="mark mark-error" title="Error in A">
                      !
                    </span>
                  )}
                </td>
                <td class="num">
                  {n.b === null || n.b === undefined ? '—' : formatDuration(n.b.durationMs)}
                  {n.b?.error && (
                    <span class="mark mark-error" title="Error in B">
                      !
                    </span>
                  )}
                </td>
                <td class="num delta-cell">
                  {n.durationDeltaMs === null || n.durationDeltaMs === undefined ? '' : signed(n.durationDeltaMs)}
                </td>
                <td>
                  {CHANGE_TEXT[change]}
                  {n.errorChange === 'ADDED' && <strong class="error-text"> · new error</strong>}
                  {n.errorChange === 'REMOVED' && <span class="ok-text"> · error gone</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length > limit && (
        <p>
          <button type="button" onClick={() => setLimit(shown.length)}>
            Show all {shown.length} rows
          </button>
        </p>
      )}
    </section>
  );
}
