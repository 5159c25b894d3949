import { useEffect, useMemo } from 'preact/hooks';
import { graphql } from '../../__generated__';
import { useQuery } from '../../api/hooks';
import { servicePalette } from '../../lib/colors';
import { formatCount, formatLatency, formatPercent, formatRate } from '../../lib/format';
import { Sparkline } from '../../lib/sparkline';
import { DEFAULT_WINDOW, isTimeWindowId, windowRange, windowSeconds, type TimeWindowId } from '../../lib/time-window';
import { Link, navigate, type Route } from '../../router';
import { ErrorMessage, WindowSelect } from '../shared';

const ServicesQuery = graphql(`
  query ConsoleServices($from: DateTime!, $to: DateTime!, $step: Int) {
    services(from: $from, to: $to, limit: 1000) {
      totalCount
      services {
        name
        namespace
        cluster
        requestCount
        errorCount
        errorRate
        p50LatencyMs
        p99LatencyMs
        lastSeen
        series(step: $step) {
          start
          requestCount
          errorRate
          p99LatencyMs
        }
      }
    }
  }
`);

/** Seconds per sparkline point for each window: 15 to 180 points, all steps the API accepts. */
export const STEP_S: Record<TimeWindowId, number> = { '15m': 60, '1h': 60, '6h': 300, '24h': 900, '7d': 3600 };

export function ServicesView({ route }: { route: Route }) {
  const param = route.query.get('window');
  const window: TimeWindowId = isTimeWindowId(param) ? param : DEFAULT_WINDOW;
  // The window ends when the view opens or the selection changes; the Refresh button moves it to now.
  const range = useMemo(() => windowRange(window, Date.now()), [window, route.query.get('at')]);
  const { data, error, loading } = useQuery(ServicesQuery, { ...range, step: STEP_S[window] });
  const seconds = windowSeconds(window);
  const colorOf = useMemo(() => servicePalette(data?.services.services.map((s) => s.name) ?? []), [data]);

  useEffect(() => {
    document.title = 'Services · Mesh-Trace';
  }, []);

  return (
    <section aria-labelledby="services-title" class="view" aria-busy={loading}>
      <h1 id="services-title" tabIndex={-1}>
        Services
      </h1>
      <div class="toolbar">
        <WindowSelect id="services-window" value={window} onChange={(w) => navigate(`/services?window=${w}`)} />
        <button type="button" class="quiet" onClick={() => navigate(`/services?window=${window}&at=${Date.now()}`, { replace: true })}>
          Refresh
        </button>
      </div>
      {error !== undefined && <ErrorMessage error={error} context="Services could not be loaded" />}
      {loading && data === undefined && <p role="status">Loading services…</p>}
      {data !== undefined && data.services.services.length === 0 && <p role="status">No service has reported spans in this window.</p>}
      {data !== undefined && data.services.services.length > 0 && (
        <table class="services-table">
          <caption>
            {data.services.totalCount} service deployments; rates over the{' '}
            {seconds / 60 >= 60 ? `${seconds / 3600} h` : `${seconds / 60} min`} window, sparklines per {STEP_S[window] / 60} min
          </caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" class="num">
                Requests
              </th>
              <th scope="col" class="num">
                Errors
              </th>
              <th scope="col" class="num">
                p50
              </th>
              <th scope="col" class="num">
                p99
              </th>
              <th scope="col">Requests over time</th>
              <th scope="col">Error rate over time</th>
              <th scope="col">p99 over time</th>
            </tr>
          </thead>
          <tbody>
            {data.services.services.map((s) => {
              const label = `${s.name}${s.cluster ? ` in ${s.cluster}` : ''}`;
              return (
                <tr key={`${s.name}|${s.namespace ?? ''}|${s.cluster ?? ''}`} data-service={s.name}>
                  <th scope="row">
                    <span class="swatch" style={{ background: colorOf(s.name) }} aria-hidden="true" />
                    <Link
                      to={`/services/${encodeURIComponent(s.name)}?window=${window}${s.cluster ? `&cluster=${encodeURIComponent(s.cluster)}` : ''}`}
                    >
                      {s.name}
                    </Link>
                    <div class="muted small">
                      {[s.namespace, s.cluster].filter(Boolean).join(' · ') || '—'} ·{' '}
                      <Link
                        to={`/traces?service=${encodeURIComponent(s.name)}${s.namespace ? `&serviceNamespace=${encodeURIComponent(s.namespace)}` : ''}`}
                        aria-label={`Traces of ${label}`}
                      >
                        traces
                      </Link>
                    </div>
                  </th>
                  <td class="num">
                    {formatRate(s.requestCount, seconds)}
                    <div class="muted small">{formatCount(s.requestCount)} total</div>
                  </td>
                  <td class={`num${s.errorRate > 0 ? ' error-text' : ''}`}>
                    {formatPercent(s.errorRate)}
                    <div class="muted small">{formatCount(s.errorCount)}</div>
                  </td>
                  <td class="num">{formatLatency(s.p50LatencyMs)}</td>
                  <td class="num">{formatLatency(s.p99LatencyMs)}</td>
                  <td>
                    <Sparkline
                      values={s.series.map((p) => Number(p.requestCount))}
                      label={`Requests of ${label} per ${STEP_S[window] / 60} min`}
                      format={formatCount}
                    />
                  </td>
                  <td>
                    <Sparkline
                      tone="error"
                      values={s.series.map((p) => (Number(p.requestCount) > 0 ? p.errorRate : null))}
                      label={`Error rate of ${label}`}
                      format={formatPercent}
                    />
                  </td>
                  <td>
                    <Sparkline
                      tone="latency"
                      values={s.series.map((p) => p.p99LatencyMs ?? null)}
                      label={`p99 latency of ${label}`}
                      format={formatLatency}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
