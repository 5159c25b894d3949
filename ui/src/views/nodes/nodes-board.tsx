import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql } from '../../__generated__';
import type { ConsoleNodesQuery, NodeStatus, NodeStatusReason } from '../../__generated__/graphql';
import type { ApiError } from '../../api/client';
import { useClient } from '../../api/hooks';
import { formatAge, formatClock, formatCount, formatPercent } from '../../lib/format';
import { ErrorMessage } from '../shared';
import { applyHeartbeat, applyStatusChange, loadBoard, sortedNodes, statusCounts, type Board, type BoardNode } from './board-state';

const NodesQuery = graphql(`
  query ConsoleNodes($first: Int!) {
    nodes(first: $first) {
      totalCount
      edges {
        node {
          nodeId
          cluster
          version
          status
          statusReasons
          statusSince
          lastHeartbeat
          cpuPercent
          memoryMb
          spansIngested1h
          health {
            ingestionRateSps
            bufferUtilizationPct
            samplingRate
            otlpGrpcActive
            otlpHttpActive
          }
        }
      }
    }
  }
`);

const HeartbeatSubscription = graphql(`
  subscription ConsoleNodeHeartbeat {
    nodeHeartbeat {
      nodeId
      cluster
      version
      status
      statusReasons
      receivedAt
      cpuPercent
      memoryMb
      ingestionRateSps
      bufferUtilizationPct
      samplingRate
      otlpGrpcActive
      otlpHttpActive
    }
  }
`);

const StatusSubscription = graphql(`
  subscription ConsoleNodeStatus {
    nodeStatusChanged {
      nodeId
      cluster
      status
      previousStatus
      statusReasons
      changedAt
    }
  }
`);

/** Cards on the first load; more nodes are added as their heartbeats arrive. */
const PAGE = 200;
/** Reload now and then, so the hour figures stay current and anything missed during a reconnect is caught up. */
const RELOAD_MS = 60_000;
const ANNOUNCEMENTS_KEPT = 8;

const STATUS_TEXT: Record<NodeStatus, string> = { HEALTHY: 'healthy', DEGRADED: 'degraded', UNHEALTHY: 'unhealthy', OFFLINE: 'offline' };
const REASON_TEXT: Record<NodeStatusReason, string> = {
  BUFFER_FULL: 'buffer full',
  BUFFER_HIGH: 'buffer high',
  CPU_HIGH: 'CPU high',
  DROPPING_SPANS: 'dropping spans',
  NO_HEARTBEAT: 'no heartbeat',
  RECEIVERS_INACTIVE: 'OTLP receivers inactive',
};

interface Announcement {
  readonly id: number;
  readonly text: string;
  readonly at: string;
}

export function NodesBoard() {
  const client = useClient();
  const [board, setBoard] = useState<Board>(() => new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [announcements, setAnnouncements] = useState<readonly Announcement[]>([]);
  const [now, setNow] = useState(Date.now);
  const counter = useRef(0);

  useEffect(() => {
    document.title = 'Collector nodes · Mesh-Trace';
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      const signal = controller.signal;
      client
        .request(NodesQuery, { first: PAGE }, signal)
        .then((data) => {
          setBoard((current) =>
            loadBoard(
              current,
              data.nodes.edges.map((e) => toBoardNode(e.node)),
            ),
          );
          setTotal(data.nodes.totalCount);
          setError(null);
          setLoaded(true);
        })
        .catch((caught: ApiError) => {
          if (!signal.aborted) setError(caught);
        });
    };
    // Subscribe first, then load: an event racing the load is applied either way (board-state keeps the newer).
    const stopHeartbeats = client.subscribe(
      HeartbeatSubscription,
      {},
      {
        next: (data) => setBoard((b) => applyHeartbeat(b, data.nodeHeartbeat)),
        error: setError,
      },
    );
    const stopStatus = client.subscribe(
      StatusSubscription,
      {},
      {
        next: ({ nodeStatusChanged: change }) => {
          setBoard((b) => applyStatusChange(b, change));
          const reasons = change.statusReasons.map((r) => REASON_TEXT[r]).join(', ');
          const text = `${change.nodeId} is now ${STATUS_TEXT[change.status]}${change.previousStatus ? ` (was ${STATUS_TEXT[change.previousStatus]})` : ' (new node)'}${reasons ? `: ${reasons}` : ''}`;
          setAnnouncements((list) => [{ id: ++counter.current, text, at: change.changedAt }, ...list].slice(0, ANNOUNCEMENTS_KEPT));
        },
        error: setError,
      },
    );
    let wasLive = false;
    const stopState = client.onConnectionState((state) => {
      if (state === 'live' && wasLive) load();
      if (state === 'live') wasLive = true;
    });
    load();
    const reload = setInterval(load, RELOAD_MS);
    return () => {
      controller.abort();
      clearInterval(reload);
      stopHeartbeats();
      stopStatus();
      stopState();
    };
  }, [client]);

  const nodes = sortedNodes(board);
  const counts = statusCounts(board);

  return (
    <section aria-labelledby="nodes-title" class="view">
      <h1 id="nodes-title" tabIndex={-1}>
        Collector nodes
      </h1>
      <p class="muted">
        Live: each heartbeat and status change appears as it happens.{' '}
        {total !== null && total > PAGE ? `Showing the first ${PAGE} of ${total} nodes, plus any that report.` : ''}
      </p>
      <ul class="status-summary" aria-label="Nodes by status">
        {(['HEALTHY', 'DEGRADED', 'UNHEALTHY', 'OFFLINE'] as const).map((s) => (
          <li key={s} class={`status-pill status-${s.toLowerCase()}`}>
            {counts[s]} {STATUS_TEXT[s]}
          </li>
        ))}
      </ul>
      {error !== null && <ErrorMessage error={error} context="Live node data" />}
      <section aria-labelledby="changes-title" class="changes">
        <h2 id="changes-title">Recent status changes</h2>
        <div role="log" aria-live="polite" aria-relevant="additions">
          <ol class="change-log">
            {announcements.length === 0 ? (
              <li class="muted">None since this page opened.</li>
            ) : (
              announcements.map((a) => (
                <li key={a.id}>
                  <time dateTime={a.at}>{formatClock(a.at)}</time> {a.text}
                </li>
              ))
            )}
          </ol>
        </div>
      </section>
      {!loaded && error === null && <p role="status">Loading nodes…</p>}
      {loaded && nodes.length === 0 && (
        <p role="status">No collector node has sent a heartbeat yet (POST /v1/nodes/&#123;node_id&#125;/heartbeat).</p>
      )}
      <ul class="node-grid" aria-label="Collector nodes">
        {nodes.map((n) => (
          <NodeCard key={n.nodeId} node={n} now={now} />
        ))}
      </ul>
    </section>
  );
}

function NodeCard({ node, now }: { node: BoardNode; now: number }) {
  const status = node.status.toLowerCase();
  const f = node.figures;
  const figures: [string, string][] = [
    ['Last heartbeat', node.lastHeartbeat === null ? '—' : formatAge(node.lastHeartbeat, now)],
    ['CPU', f ? `${f.cpuPercent.toFixed(1)} %` : '—'],
    ['Memory', f ? `${formatCount(Math.round(f.memoryMb))} MB` : '—'],
    ['Ingest', f ? `${formatCount(Math.round(f.ingestionRateSps))} spans/s` : '—'],
    ['Buffer', f ? `${f.bufferUtilizationPct.toFixed(1)} %` : '—'],
    ['Sampling', f ? `${formatPercent(f.samplingRate)}` : '—'],
    ['Spans, last hour', node.spansIngested1h === null ? '—' : formatCount(node.spansIngested1h)],
    ['Receivers', f ? [f.otlpGrpcActive && 'gRPC', f.otlpHttpActive && 'HTTP'].filter(Boolean).join(' + ') || 'none' : '—'],
  ];
  return (
    <li class={`node-card status-${status}`} data-node-id={node.nodeId} data-status={node.status} aria-labelledby={`node-${node.nodeId}`}>
      <div class="node-head">
        <h3 id={`node-${node.nodeId}`} class="mono">
          {node.nodeId}
        </h3>
        <span class={`status-pill status-${status}`}>{STATUS_TEXT[node.status]}</span>
      </div>
      <p class="muted small">
        {node.cluster}
        {node.version ? ` · v${node.version}` : ''} · {STATUS_TEXT[node.status]} since {formatClock(node.statusSince)}
      </p>
      {node.statusReasons.length > 0 && <p class="reasons">{node.statusReasons.map((r) => REASON_TEXT[r]).join(', ')}</p>}
      <dl class="node-figures">
        {figures.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

function toBoardNode(n: ConsoleNodesQuery['nodes']['edges'][number]['node']): BoardNode {
  return {
    nodeId: n.nodeId,
    cluster: n.cluster,
    version: n.version,
    status: n.status,
    statusReasons: n.statusReasons,
    statusSince: n.statusSince,
    lastHeartbeat: n.lastHeartbeat,
    figures: {
      cpuPercent: n.cpuPercent,
      memoryMb: n.memoryMb,
      ingestionRateSps: n.health.ingestionRateSps,
      bufferUtilizationPct: n.health.bufferUtilizationPct,
      samplingRate: n.health.samplingRate,
      otlpGrpcActive: n.health.otlpGrpcActive,
      otlpHttpActive: n.health.otlpHttpActive,
    },
    spansIngested1h: n.spansIngested1h,
  };
}
