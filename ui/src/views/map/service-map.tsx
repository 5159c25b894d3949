import { useEffect, useMemo, useState } from 'preact/hooks';
import { graphql } from '../../__generated__';
import type { TopologyNodeType } from '../../__generated__/graphql';
import { useQuery } from '../../api/hooks';
import { servicePalette } from '../../lib/colors';
import { formatCount, formatLatency, formatPercent, formatRate } from '../../lib/format';
import { DEFAULT_WINDOW, isTimeWindowId, windowRange, windowSeconds, type TimeWindowId } from '../../lib/time-window';
import { href, navigate, type Route } from '../../router';
import { ErrorMessage, WindowSelect } from '../shared';
import { layoutMap, NODE_HEIGHT, NODE_WIDTH } from './map-layout';

const TopologyQuery = graphql(`
  query ConsoleTopology($from: DateTime!, $to: DateTime!, $cluster: String) {
    topology(from: $from, to: $to, cluster: $cluster) {
      from
      to
      cluster
      nodes {
        id
        type
      }
      edges {
        source
        target
        requestCount
        errorCount
        errorRate
        p50LatencyMs
        p99LatencyMs
      }
    }
  }
`);

/** Average advance of the 11 px label font, for sizing label boxes before they are drawn. */
const LABEL_CHAR_PX = 6.2;

interface EdgeFigures {
  readonly requestCount: string;
  readonly errorRate: number;
  readonly p99LatencyMs?: number | null;
}

function edgeLabel(e: EdgeFigures, windowSeconds: number): string {
  return `${formatRate(e.requestCount, windowSeconds)} · ${formatPercent(e.errorRate)} · p99 ${formatLatency(e.p99LatencyMs)}`;
}

const TYPE_LABEL: Record<TopologyNodeType, string> = {
  SERVICE: 'Service',
  DATABASE: 'Database',
  MESSAGING: 'Messaging',
  EXTERNAL: 'External',
};

export function ServiceMap({ route }: { route: Route }) {
  const param = route.query.get('window');
  const window: TimeWindowId = isTimeWindowId(param) ? param : DEFAULT_WINDOW;
  const cluster = route.query.get('cluster') ?? '';
  const [clusterDraft, setClusterDraft] = useState(cluster);
  const range = useMemo(() => windowRange(window, Date.now()), [window, route.query.get('at')]);
  const { data, error, loading } = useQuery(TopologyQuery, { ...range, cluster: cluster === '' ? null : cluster });
  const topology = data?.topology;
  const seconds = windowSeconds(window);
  const colorOf = useMemo(() => servicePalette(topology?.nodes.filter((n) => n.type === 'SERVICE').map((n) => n.id) ?? []), [topology]);
  const layout = useMemo(
    () =>
      topology
        ? layoutMap(topology.nodes, topology.edges, {
            labelSize: (e) => ({ width: edgeLabel(e, seconds).length * LABEL_CHAR_PX + 6, height: 15 }),
          })
        : null,
    [topology, seconds],
  );
  const go = (w: TimeWindowId, c: string, extra = '') =>
    navigate(`/map?window=${w}${c ? `&cluster=${encodeURIComponent(c)}` : ''}${extra}`);

  useEffect(() => {
    document.title = 'Service map · Mesh-Trace';
  }, []);
  useEffect(() => setClusterDraft(cluster), [cluster]);

  const counts = topology
    ? (['SERVICE', 'DATABASE', 'MESSAGING', 'EXTERNAL'] as const).map(
        (t) => [t, topology.nodes.filter((n) => n.type === t).length] as const,
      )
    : [];
  const summary = counts.map(([t, n]) => `${n} ${TYPE_LABEL[t].toLowerCase()}${n === 1 ? '' : t === 'MESSAGING' ? '' : 's'}`).join(', ');

  return (
    <section aria-labelledby="map-title" class="view" aria-busy={loading}>
      <h1 id="map-title" tabIndex={-1}>
        Service map
      </h1>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          go(window, clusterDraft.trim());
        }}
      >
        <WindowSelect id="map-window" value={window} onChange={(w) => go(w, cluster)} />
        <label for="map-cluster">
          Cluster
          <input
            id="map-cluster"
            type="text"
            value={clusterDraft}
            placeholder="all clusters"
            onInput={(e) => setClusterDraft(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Apply</button>
        <button type="button" class="quiet" onClick={() => go(window, cluster, `&at=${Date.now()}`)}>
          Refresh
        </button>
      </form>
      {error !== undefined && <ErrorMessage error={error} context="The topology could not be loaded" />}
      {loading && data === undefined && <p role="status">Loading topology…</p>}
      {topology && layout && topology.nodes.length === 0 && <p role="status">No calls were recorded in this window.</p>}
      {topology && layout && topology.nodes.length > 0 && (
        <>
          <p class="muted">
            {summary}; {topology.edges.length} connections. Edge labels: request rate · error rate · p99 latency.
          </p>
          <div class="map-scroll">
            <svg
              class="service-map"
              width={layout.width}
              height={layout.height}
              viewBox={`0 0 ${layout.width} ${layout.height}`}
              role="group"
              aria-label={`Service map: ${summary}. The connections are listed in the table below.`}
            >
              <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
                </marker>
              </defs>
              <g aria-hidden="true">
                {layout.edges.map((e) => (
                  <path
                    key={`${e.edge.source}>${e.edge.target}`}
                    d={e.path}
                    class={`map-edge${e.edge.errorRate > 0 ? ' has-errors' : ''}${e.backward ? ' backward' : ''}`}
                    marker-end="url(#arrow)"
                    data-edge={`${e.edge.source}>${e.edge.target}`}
                  />
                ))}
                {layout.edges.map((e) => (
                  <text
                    key={`${e.edge.source}>${e.edge.target}:label`}
                    x={e.labelX}
                    y={e.labelY}
                    class="edge-label"
                    text-anchor="middle"
                    dominant-baseline="central"
                  >
                    {edgeLabel(e.edge, seconds)}
                  </text>
                ))}
              </g>
              {layout.nodes.map(({ node, x, y }) => (
                <MapNode key={node.id} id={node.id} type={node.type} x={x} y={y} color={colorOf(node.id)} />
              ))}
            </svg>
          </div>
          <table class="edges-table">
            <caption>Connections in the window</caption>
            <thead>
              <tr>
                <th scope="col">Caller</th>
                <th scope="col">Callee</th>
                <th scope="col" class="num">
                  Requests
                </th>
                <th scope="col" class="num">
                  Rate
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
              {topology.edges.map((e) => (
                <tr key={`${e.source}>${e.target}`}>
                  <td>{e.source}</td>
                  <td>
                    {e.target}{' '}
                    <span class="muted small">
                      ({TYPE_LABEL[topology.nodes.find((n) => n.id === e.target)?.type ?? 'SERVICE'].toLowerCase()})
                    </span>
                  </td>
                  <td class="num">{formatCount(e.requestCount)}</td>
                  <td class="num">{formatRate(e.requestCount, seconds)}</td>
                  <td class={`num${e.errorRate > 0 ? ' error-text' : ''}`}>{formatPercent(e.errorRate)}</td>
                  <td class="num">{formatLatency(e.p50LatencyMs)}</td>
                  <td class="num">{formatLatency(e.p99LatencyMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Shapes by type: a box for a service, a cylinder for a database, a slanted box for messaging, a dashed box for an external peer. */
function MapNode({ id, type, x, y, color }: { id: string; type: TopologyNodeType; x: number; y: number; color: string }) {
  const left = x - NODE_WIDTH / 2;
  const top = y - NODE_HEIGHT / 2;
  const label = id.length > 22 ? `${id.slice(0, 21)}…` : id;
  const common = { 'data-node-id': id, 'data-node-type': type, class: `map-node node-${type.toLowerCase()}` };
  const text = (
    <>
      <text x={x} y={y - 2} text-anchor="middle" class="node-label">
        {label}
      </text>
      <text x={x} y={y + 13} text-anchor="middle" class="node-type">
        {TYPE_LABEL[type].toLowerCase()}
      </text>
    </>
  );
  if (type === 'SERVICE') {
    return (
      <a
        {...common}
        href={href(`/services/${encodeURIComponent(id)}`)}
        aria-label={`Service ${id}: open its service page`}
        onClick={(e) => {
          e.preventDefault();
          navigate(`/services/${encodeURIComponent(id)}`);
        }}
      >
        <rect x={left} y={top} width={NODE_WIDTH} height={NODE_HEIGHT} rx="8" class="node-shape" />
        <rect x={left} y={top} width="6" height={NODE_HEIGHT} rx="3" style={{ fill: color }} />
        {text}
      </a>
    );
  }
  const shape =
    type === 'DATABASE' ? (
      <path
        class="node-shape"
        d={`M${left},${top + 7} a${NODE_WIDTH / 2},7 0 0,0 ${NODE_WIDTH},0 a${NODE_WIDTH / 2},7 0 0,0 ${-NODE_WIDTH},0 v${NODE_HEIGHT - 14} a${NODE_WIDTH / 2},7 0 0,0 ${NODE_WIDTH},0 v${-(NODE_HEIGHT - 14)}`}
      />
    ) : type === 'MESSAGING' ? (
      <path class="node-shape" d={`M${left + 10},${top} h${NODE_WIDTH - 10} l-10,${NODE_HEIGHT} h${-(NODE_WIDTH - 10)} z`} />
    ) : (
      <rect x={left} y={top} width={NODE_WIDTH} height={NODE_HEIGHT} rx="20" class="node-shape" />
    );
  return (
    <g {...common} role="img" aria-label={`${TYPE_LABEL[type]} ${id}`}>
      {shape}
      {text}
    </g>
  );
}
