import '../../analysis.css';
import { useEffect, useMemo } from 'preact/hooks';
import { graphql } from '../../__generated__';
import { useQuery } from '../../api/hooks';
import { formatCount, formatLatency, formatPercent, formatRate } from '../../lib/format';
import { LineChart } from '../../lib/line-chart';
import { DEFAULT_WINDOW, isTimeWindowId, windowRange, windowSeconds, type TimeWindowId } from '../../lib/time-window';
import { Link, navigate, type Route } from '../../router';
import { ErrorMessage, WindowSelect } from '../shared';
import { STEP_S } from './services-view';

const ServiceQuery = graphql(`
  query ConsoleService($name: String!, $cluster: String, $from: DateTime!, $to: DateTime!, $step: Int) {
    service(name: $name, cluster: $cluster, from: $from, to: $to) {
      name
      namespace
      clusters
      from
      to
      requestCount
      errorCount
      errorRate
      p50LatencyMs
      p95LatencyMs
      p99LatencyMs
      series(step: $step) {
        start
        requestCount
        errorRate
        p50LatencyMs
        p95LatencyMs
        p99LatencyMs
      }
      topOperations(limit: 10) {
        name
        requestCount
        errorRate
        p50LatencyMs
        p99LatencyMs
      }
      upstream {
        source
        requestCount
        errorRate
        p99LatencyMs
      }
      downstream {
        target
        requestCount
        errorRate
        p99LatencyMs
      }
    }
    topology(cluster: $cluster, from: $from, to: $to) {
      nodes {
        id
        type
      }
    }
  }
`);

interface EdgeRow {
  readonly peer: string;
  readonly requestCount: string;
  readonly errorRate: number;
  readonly p99LatencyMs?: number | null;
}

/** A service's own page: RED charts over the window, its top operations, and who calls it and whom it calls. */
export function ServicePage({ name, route }: { name: string; route: Route }) {
  const param = route.query.get('window');
  const window: TimeWindowId = isTimeWindowId(param) ? param : DEFAULT_WINDOW;
  const cluster = route.query.get('cluster') || null;
  const range = useMemo(() => windowRange(window, Date.now()), [window, route.query.get('at')]);
  const step = STEP_S[window];
  const { data, error, loading } = useQuery(ServiceQuery, { name, cluster, ...range, step });
  const seconds = windowSeconds(window);
  const service = data?.service ?? null;
  const types = useMemo(() => new Map(data?.topology.nodes.map((n) => [n.id, n.type]) ?? []), [data]);
  const to = (w: TimeWindowId, c: string | null, extra = '') =>
    `/services/${encodeURIComponent(name)}?window=${w}${c ? `&cluster=${encodeURIComponent(c)}` : ''}${extra}`;

  useEffect(() => {
    document.title = `${name} · Services · Mesh-Trace`;
  }, [name]);

  const starts = service?.series.map((p) => Date.parse(p.start)) ?? [];
  return (
    <section aria-labelledby="service-title" class="view" aria-busy={loading}>
      <p class="breadcrumb">
        <Link to={`/services?window=${window}`}>← Services</Link>
      </p>
      <h1 id="service-title" tabIndex={-1}>
        {name}
        {cluster && <span class="muted"> in {cluster}</span>}
      </h1>
      <div class="toolbar">
        <WindowSelect id="service-window" value={window} onChange={(w) => navigate(to(w, cluster))} />
        {service !== null && service.clusters.length > 1 && (
          <label>
            Cluster
            <select value={cluster ?? ''} onChange={(e) => navigate(to(window, e.currentTarget.value || null))}>
              <option value="">All clusters</option>
              {service.clusters.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" class="quiet" onClick={() => navigate(to(window, cluster, `&at=${Date.now()}`), { replace: true })}>
          Refresh
        </button>
        <Link to={`/traces?service=${encodeURIComponent(name)}`}>Search its traces</Link>
      </div>
      {error !== undefined && <ErrorMessage error={error} context="The service could not be loaded" />}
      {loading && data === undefined && <p role="status">Loading service…</p>}
      {data !== undefined && service === null && (
        <p role="status">
          No service named {name} has reported spans{cluster ? ` in ${cluster}` : ''}. <Link to="/services">All services</Link>.
        </p>
      )}
      {service !== null && (
        <>
          <dl class="trace-facts">
            <div>
              <dt>Requests</dt>
              <dd>
                {formatRate(service.requestCount, seconds)} <span class="muted">({formatCount(service.requestCount)})</span>
              </dd>
            </div>
            <div>
              <dt>Error rate</dt>
              <dd class={service.errorRate > 0 ? 'error-text' : undefined}>{formatPercent(service.errorRate)}</dd>
            </div>
            <div>
              <dt>p50 · p95 · p99</dt>
              <dd>
                {formatLatency(service.p50LatencyMs)} · {formatLatency(service.p95LatencyMs)} · {formatLatency(service.p99LatencyMs)}
              </dd>
            </div>
            <div>
              <dt>Namespace · clusters</dt>
              <dd>
                {service.namespace ?? '—'} · {service.clusters.join(', ') || '—'}
              </dd>
            </div>
          </dl>
          <div class="chart-grid-3">
            <LineChart
              title="Request rate"
              starts={starts}
              stepMs={step * 1000}
              series={[{ name: 'requests/s', tone: 'chart-line-1', values: service.series.map((p) => Number(p.requestCount) / step) }]}
              format={(v) => `${formatCount(Number(v.toPrecision(3)))}/s`}
            />
            <LineChart
              title="Error rate"
              starts={starts}
              stepMs={step * 1000}
              series={[
                {
                  name: 'errors',
                  tone: 'chart-line-3',
                  values: service.series.map((p) => (Number(p.requestCount) > 0 ? p.errorRate : null)),
                },
              ]}
              format={formatPercent}
            />
            <LineChart
              title="Latency"
              starts={starts}
              stepMs={step * 1000}
              series={[
                { name: 'p50', tone: 'chart-line-1', values: service.series.map((p) => p.p50LatencyMs ?? null) },
                { name: 'p95', tone: 'chart-line-2', values: service.series.map((p) => p.p95LatencyMs ?? null) },
                { name: 'p99', tone: 'chart-line-3', values: service.series.map((p) => p.p99LatencyMs ?? null) },
              ]}
              format={formatLatency}
            />
          </div>
          <p class="muted small">
            One point per {step >= 3600 ? `${step / 3600} h` : `${step / 60} min`} from the service rollups; latencies within 2 %.
          </p>
          <h2>Top operations</h2>
          {service.topOperations.length === 0 ? (
            <p class="muted">No requests in this window.</p>
          ) : (
            <table class="top-operations">
              <caption class="visually-hidden">The most requested operations of {name}</caption>
              <thead>
                <tr>
                  <th scope="col">Operation</th>
                  <th scope="col" class="num">
                    Requests
                  </th>
                  <th scope="col" class="num">
                    Error rate
                  </th>
                  <th scope="col" class="num">
                    p50
                  </th>
                  <th scope="col" class="num">
                    p99
                  </th>
                </tr>
              </thead>
              <tbody>
                {service.topOperations.map((op) => (
                  <tr key={op.name} data-operation={op.name}>
                    <th scope="row">
                      <Link to={`/traces?service=${encodeURIComponent(name)}&spanName=${encodeURIComponent(op.name)}`}>{op.name}</Link>
                    </th>
                    <td class="num">{formatRate(op.requestCount, seconds)}</td>
                    <td class={`num${op.errorRate > 0 ? ' error-text' : ''}`}>{formatPercent(op.errorRate)}</td>
                    <td class="num">{formatLatency(op.p50LatencyMs)}</td>
                    <td class="num">{formatLatency(op.p99LatencyMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div class="neighbours">
            <Neighbours
              title="Upstream (callers)"
              rows={service.upstream.map((e) => ({ ...e, peer: e.source }))}
              types={types}
              window={window}
              seconds={seconds}
              empty="Nothing called it in this window."
            />
            <Neighbours
              title="Downstream (calls)"
              rows={service.downstream.map((e) => ({ ...e, peer: e.target }))}
              types={types}
              window={window}
              seconds={seconds}
              empty="It called nothing in this window."
            />
          </div>
        </>
      )}
    </section>
  );
}

function Neighbours(props: {
  title: string;
  rows: readonly EdgeRow[];
  types: ReadonlyMap<string, string>;
  window: TimeWindowId;
  seconds: number;
  empty: string;
}) {
  const { title, rows, types, window, seconds, empty } = props;
  return (
    <section aria-label={title} class="neighbour-list">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Peer</th>
              <th scope="col" class="num">
                Calls
              </th>
              <th scope="col" class="num">
                Error rate
              </th>
              <th scope="col" class="num">
                p99
              </th>
            </tr>
          </thead>
          <tbody>
            {[...rows]
              .sort((a, b) => Number(b.requestCount) - Number(a.requestCount) || a.peer.localeCompare(b.peer))
              .map((r) => {
                const type = types.get(r.peer) ?? 'SERVICE';
                return (
                  <tr key={r.peer} data-peer={r.peer}>
                    <th scope="row">
                      {type === 'SERVICE' ? <Link to={`/services/${encodeURIComponent(r.peer)}?window=${window}`}>{r.peer}</Link> : r.peer}
                      {type !== 'SERVICE' && <span class="muted small"> {type.toLowerCase()}</span>}
                    </th>
                    <td class="num">{formatRate(r.requestCount, seconds)}</td>
                    <td class={`num${r.errorRate > 0 ? ' error-text' : ''}`}>{formatPercent(r.errorRate)}</td>
                    <td class="num">{formatLatency(r.p99LatencyMs)}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      )}
    </section>
  );
}
