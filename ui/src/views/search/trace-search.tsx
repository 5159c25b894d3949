import { useEffect, useMemo, useState } from 'preact/hooks';
import { graphql } from '../../__generated__';
import type { TraceRowFragment } from '../../__generated__/graphql';
import { useQuery } from '../../api/hooks';
import { servicePalette } from '../../lib/colors';
import { formatDateTime, formatDuration } from '../../lib/format';
import { TIME_WINDOWS } from '../../lib/time-window';
import { Link, navigate, type Route } from '../../router';
import { ResultsCompletenessBanner } from '../analysis/completeness-banner';
import { ErrorMessage } from '../shared';
import { DurationScatter } from './duration-scatter';
import {
  ATTRIBUTE_OPERATORS,
  ATTRIBUTE_TYPES,
  fromLocalInput,
  ORDER_CHOICES,
  parseSearch,
  resolveWindow,
  searchParams,
  TEXT_FILTERS,
  toLocalInput,
  toOrderBy,
  toTraceFilter,
  TRACE_STATUSES,
  type AttributeCondition,
  type SearchState,
} from './search-state';

// Declared for codegen: the two search operations below embed this fragment's text.
graphql(`
  fragment TraceRow on Trace {
    traceId
    startTime
    durationMs
    spanCount
    errorCount
    status
    rootServiceName
    rootOperation
    services
    completeness {
      status
      droppedSpans
    }
  }
`);

const TracesQuery = graphql(`
  query ConsoleTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!, $after: String) {
    traces(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...TraceRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SearchTracesQuery = graphql(`
  query ConsoleSearchTraces($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {
    searchTraces(query: $query, from: $from, to: $to, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...TraceRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Names for the service field's suggestions. */
const ServiceNamesQuery = graphql(`
  query ConsoleServiceNames {
    services(limit: 1000) {
      services {
        name
      }
    }
  }
`);

const PAGE_SIZE = 25;

const EXAMPLES = [
  'service.name = "payment-svc" AND status = ERROR',
  'duration > 100ms AND kind = server',
  'attr.http.response.status_code >= 500',
];

export function TraceSearch({ route }: { route: Route }) {
  const state = useMemo(() => parseSearch(route.query), [route.query.toString()]);

  // First visit: run the default search over the last hour, pinned to absolute bounds.
  useEffect(() => {
    if (state.from === null || state.to === null) {
      navigate(`/traces?${searchParams({ ...state, ...resolveWindow(state, Date.now()) }).toString()}`, { replace: true });
    }
  }, [state]);

  useEffect(() => {
    document.title = 'Traces · Mesh-Trace';
  }, []);

  return (
    <section aria-labelledby="search-title" class="view">
      <h1 id="search-title" tabIndex={-1}>
        Traces
      </h1>
      <SearchForm key={route.query.toString()} initial={state} />
      {state.from !== null && state.to !== null && <Results state={state} from={state.from} to={state.to} />}
    </section>
  );
}

function SearchForm({ initial }: { initial: SearchState }) {
  const [draft, setDraft] = useState<SearchState>(initial);
  const names = useQuery(ServiceNamesQuery, {});
  const serviceNames = useMemo(() => [...new Set(names.data?.services.services.map((s) => s.name) ?? [])].sort(), [names.data]);
  const set = (patch: Partial<SearchState>) => setDraft((d) => ({ ...d, ...patch }));
  const setAttribute = (i: number, patch: Partial<AttributeCondition>) =>
    set({ attributes: draft.attributes.map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  function submit(event: Event) {
    event.preventDefault();
    const resolved = { ...draft, cursors: [], ...resolveWindow(draft, Date.now()) };
    navigate(`/traces?${searchParams(resolved).toString()}`);
  }

  return (
    <form class="search-form" onSubmit={submit} aria-label="Trace search">
      <fieldset class="mode">
        <legend>Search by</legend>
        <label>
          <input type="radio" name="mode" checked={draft.mode === 'filters'} onChange={() => set({ mode: 'filters' })} /> Filters
        </label>
        <label>
          <input type="radio" name="mode" checked={draft.mode === 'query'} onChange={() => set({ mode: 'query' })} /> Search language
        </label>
      </fieldset>

      <div class="field-row">
        <label>
          Time range
          <select value={draft.window} onChange={(e) => set({ window: e.currentTarget.value as SearchState['window'] })}>
            {TIME_WINDOWS.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
            <option value="custom">Custom range</option>
          </select>
        </label>
        {draft.window === 'custom' && (
          <>
            <label>
              From
              <input
                type="datetime-local"
                value={toLocalInput(draft.from)}
                onInput={(e) => set({ from: fromLocalInput(e.currentTarget.value) })}
              />
            </label>
            <label>
              To
              <input
                type="datetime-local"
                value={toLocalInput(draft.to)}
                onInput={(e) => set({ to: fromLocalInput(e.currentTarget.value) })}
              />
            </label>
          </>
        )}
        {draft.mode === 'filters' && (
          <label>
            Order
            <select value={draft.order} onChange={(e) => set({ order: e.currentTarget.value as SearchState['order'] })}>
              {ORDER_CHOICES.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>

      {draft.mode === 'query' ? (
        <div class="query-field">
          <label for="search-query">Search expression</label>
          <input
            id="search-query"
            type="search"
            class="mono"
            spellcheck={false}
            value={draft.query}
            placeholder={EXAMPLES[0]}
            aria-describedby="search-query-help"
            onInput={(e) => set({ query: e.currentTarget.value })}
          />
          <p id="search-query-help" class="help">
            Fields, operators and examples: docs/search-language.md. For instance <code>{EXAMPLES[1]}</code> or <code>{EXAMPLES[2]}</code>.
          </p>
        </div>
      ) : (
        <>
          <div class="field-grid">
            {TEXT_FILTERS.map((f) => (
              <label key={f.name}>
                {f.label}
                <input
                  type="text"
                  name={f.name}
                  value={draft.text[f.name]}
                  list={f.name === 'service' ? 'service-names' : undefined}
                  class={f.name === 'traceId' || f.name === 'issueFingerprint' ? 'mono' : undefined}
                  onInput={(e) => set({ text: { ...draft.text, [f.name]: e.currentTarget.value } })}
                />
              </label>
            ))}
            <StatusSelect label="Trace status" value={draft.status} onChange={(status) => set({ status })} />
            <StatusSelect label="Span status" value={draft.spanStatus} onChange={(spanStatus) => set({ spanStatus })} />
            <label>
              Min duration (ms)
              <input
                type="number"
                min="0"
                step="any"
                value={draft.minDurationMs}
                onInput={(e) => set({ minDurationMs: e.currentTarget.value })}
              />
            </label>
            <label>
              Max duration (ms)
              <input
                type="number"
                min="0"
                step="any"
                value={draft.maxDurationMs}
                onInput={(e) => set({ maxDurationMs: e.currentTarget.value })}
              />
            </label>
          </div>
          <datalist id="service-names">
            {serviceNames.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <fieldset class="attributes">
            <legend>Attribute conditions (one span must match all of them)</legend>
            {draft.attributes.map((a, i) => (
              <div class="attribute-row" key={i} role="group" aria-label={`Condition ${i + 1}`}>
                <label>
                  On
                  <select
                    value={a.scope}
                    onChange={(e) => setAttribute(i, { scope: e.currentTarget.value as AttributeCondition['scope'] })}
                  >
                    <option value="span">span attribute</option>
                    <option value="resource">resource attribute</option>
                  </select>
                </label>
                <label>
                  Key
                  <input type="text" class="mono" value={a.key} onInput={(e) => setAttribute(i, { key: e.currentTarget.value })} />
                </label>
                <label>
                  Type
                  <select value={a.type} onChange={(e) => setAttribute(i, { type: e.currentTarget.value as AttributeCondition['type'] })}>
                    {ATTRIBUTE_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {t.toLowerCase()}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Operator
                  <select
                    value={a.operator}
                    onChange={(e) => setAttribute(i, { operator: e.currentTarget.value as AttributeCondition['operator'] })}
                  >
                    {ATTRIBUTE_OPERATORS.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Value
                  <input type="text" value={a.value} onInput={(e) => setAttribute(i, { value: e.currentTarget.value })} />
                </label>
                <button type="button" class="quiet" onClick={() => set({ attributes: draft.attributes.filter((_, j) => j !== i) })}>
                  Remove condition {i + 1}
                </button>
              </div>
            ))}
            <button
              type="button"
              class="quiet"
              onClick={() =>
                set({ attributes: [...draft.attributes, { scope: 'span', key: '', type: 'STRING', operator: 'EQ', value: '' }] })
              }
            >
              Add attribute condition
            </button>
          </fieldset>
        </>
      )}
      <div class="actions">
        <button type="submit">Search</button>
      </div>
    </form>
  );
}

function StatusSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: SearchState['status'];
  onChange: (v: SearchState['status']) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as SearchState['status'])}>
        <option value="">Any</option>
        {TRACE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s.toLowerCase()}
          </option>
        ))}
      </select>
    </label>
  );
}

interface Page {
  readonly rows: readonly TraceRowFragment[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null | undefined;
}

function Results({ state, from, to }: { state: SearchState; from: string; to: string }) {
  const after = state.cursors.at(-1) ?? null;
  const byQuery = state.mode === 'query';
  const filtered = useQuery(
    TracesQuery,
    { filter: toTraceFilter(state, { from, to }), orderBy: toOrderBy(state.order), first: PAGE_SIZE, after },
    { skip: byQuery },
  );
  const searched = useQuery(
    SearchTracesQuery,
    { query: state.query, from, to, first: PAGE_SIZE, after },
    { skip: !byQuery || state.query.trim() === '' },
  );
  const result = byQuery ? searched : filtered;
  const connection = byQuery ? searched.data?.searchTraces : filtered.data?.traces;
  const page: Page | undefined = connection && {
    rows: connection.edges.map((e) => e.node),
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
  const pageNumber = state.cursors.length + 1;
  const go = (cursors: readonly string[]) => navigate(`/traces?${searchParams({ ...state, cursors }).toString()}`);
  // Two traces picked for comparison; kept while paging, so they may come from different pages.
  const [picked, setPicked] = useState<readonly string[]>([]);
  const toggle = (traceId: string) =>
    setPicked((p) => (p.includes(traceId) ? p.filter((id) => id !== traceId) : [...p, traceId].slice(-2)));

  if (byQuery && state.query.trim() === '') return <p class="help">Enter a search expression to search.</p>;
  return (
    <section aria-labelledby="results-title" class="results" aria-busy={result.loading}>
      <h2 id="results-title">
        Results{' '}
        <span class="muted">
          ({formatDateTime(from)} – {formatDateTime(to)}, page {pageNumber})
        </span>
      </h2>
      <DurationScatter state={state} from={from} to={to} />
      {result.error !== undefined && <ErrorMessage error={result.error} context="Search failed" />}
      {page !== undefined && result.error === undefined && <ResultsCompletenessBanner rows={page.rows} />}
      <div class="compare-bar" role="group" aria-label="Compare traces">
        <span>
          {picked.length === 0
            ? 'Tick two traces to compare them.'
            : picked.length === 1
              ? 'One trace picked; tick another.'
              : 'Two traces picked.'}
        </span>
        <button type="button" disabled={picked.length !== 2} onClick={() => navigate(`/compare?a=${picked[0] ?? ''}&b=${picked[1] ?? ''}`)}>
          Compare selected
        </button>
        <Link to="/compare">Compare by trace ID</Link>
      </div>
      {page !== undefined && result.error === undefined && <TraceTable rows={page.rows} picked={picked} onToggle={toggle} />}
      {result.loading && page === undefined && <p role="status">Searching…</p>}
      <nav class="pager" aria-label="Result pages">
        <button type="button" disabled={state.cursors.length === 0} onClick={() => go(state.cursors.slice(0, -1))}>
          Previous page
        </button>
        <span aria-live="polite">Page {pageNumber}</span>
        <button
          type="button"
          disabled={!page?.hasNextPage || !page.endCursor}
          onClick={() => page?.endCursor && go([...state.cursors, page.endCursor])}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}

function TraceTable({
  rows,
  picked,
  onToggle,
}: {
  rows: readonly TraceRowFragment[];
  picked: readonly string[];
  onToggle: (traceId: string) => void;
}) {
  if (rows.length === 0) return <p role="status">No traces match in this time range.</p>;
  const longest = Math.max(...rows.map((r) => r.durationMs), 0.001);
  const colorOf = servicePalette(rows.flatMap((r) => r.services));
  return (
    <table class="trace-table">
      <caption class="visually-hidden">Matching traces, with their duration relative to the slowest on this page</caption>
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">Compare</span>
          </th>
          <th scope="col">Started</th>
          <th scope="col">Root</th>
          <th scope="col" class="duration-col">
            Duration
          </th>
          <th scope="col" class="num">
            Spans
          </th>
          <th scope="col" class="num">
            Errors
          </th>
          <th scope="col">Services</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.traceId} data-trace-id={t.traceId} data-completeness={t.completeness.status}>
            <td>
              <input
                type="checkbox"
                class="compare-pick"
                checked={picked.includes(t.traceId)}
                onChange={() => onToggle(t.traceId)}
                aria-label={`Compare trace ${t.traceId}`}
              />
            </td>
            <td class="nowrap">{formatDateTime(t.startTime)}</td>
            <td>
              <Link to={`/traces/${t.traceId}`} class="trace-link">
                <span class="svc">{t.rootServiceName ?? '(root span not received)'}</span>: {t.rootOperation ?? t.traceId}
              </Link>
              {t.completeness.status === 'DROPS_REPORTED' && (
                <span
                  class="chip chip-incomplete"
                  title={`Collectors reported dropping ${t.completeness.droppedSpans} spans while this trace ran`}
                >
                  may be incomplete
                </span>
              )}
            </td>
            <td class="duration-col">
              <div class="duration-cell">
                <span class="bar-track" aria-hidden="true">
                  <span
                    class={`bar${t.status === 'ERROR' ? ' bar-error' : ''}`}
                    style={{ width: `${Math.max(0.5, (t.durationMs / longest) * 100)}%`, background: colorOf(t.rootServiceName ?? '') }}
                  />
                </span>
                <span class="num">{formatDuration(t.durationMs)}</span>
              </div>
            </td>
            <td class="num">{t.spanCount}</td>
            <td class={`num${t.errorCount > 0 ? ' error-text' : ''}`}>{t.errorCount}</td>
            <td>
              <ul class="chips" aria-label="Services">
                {[...t.services].sort().map((s) => (
                  <li key={s} class="chip">
                    <span class="swatch" style={{ background: colorOf(s) }} aria-hidden="true" />
                    {s}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
