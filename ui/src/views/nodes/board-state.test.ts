import { describe, expect, it } from 'vitest';
import {
  applyHeartbeat,
  applyStatusChange,
  loadBoard,
  sortedNodes,
  statusCounts,
  type Board,
  type BoardNode,
  type HeartbeatEvent,
} from './board-state';

const loaded: BoardNode = {
  nodeId: 'node-a',
  cluster: 'prod-eu-1',
  version: '3.2.1',
  status: 'HEALTHY',
  statusReasons: [],
  statusSince: '2026-03-15T09:00:00.000Z',
  lastHeartbeat: '2026-03-15T09:40:00.000Z',
  figures: {
    cpuPercent: 12.4,
    memoryMb: 256,
    ingestionRateSps: 4782,
    bufferUtilizationPct: 8.2,
    samplingRate: 0.15,
    otlpGrpcActive: true,
    otlpHttpActive: true,
  },
  spansIngested1h: '284910',
};

const heartbeat = (overrides: Partial<HeartbeatEvent> = {}): HeartbeatEvent => ({
  nodeId: 'node-a',
  cluster: 'prod-eu-1',
  version: '3.2.1',
  status: 'HEALTHY',
  statusReasons: [],
  receivedAt: '2026-03-15T09:41:00.000Z',
  cpuPercent: 50,
  memoryMb: 300,
  ingestionRateSps: 5000,
  bufferUtilizationPct: 10,
  samplingRate: 0.15,
  otlpGrpcActive: true,
  otlpHttpActive: true,
  ...overrides,
});

const board = (...nodes: BoardNode[]): Board => new Map(nodes.map((n) => [n.nodeId, n]));

describe('the live node board', () => {
  it('updates a known node from its heartbeat, keeping the status start while the status holds', () => {
    const next = applyHeartbeat(board(loaded), heartbeat()).get('node-a');
    expect(next).toMatchObject({
      figures: { cpuPercent: 50, memoryMb: 300 },
      lastHeartbeat: '2026-03-15T09:41:00.000Z',
      status: 'HEALTHY',
      statusSince: loaded.statusSince,
      spansIngested1h: '284910',
    });
  });

  it('adds a node on its first heartbeat', () => {
    const next = applyHeartbeat(board(loaded), heartbeat({ nodeId: 'node-new', status: 'DEGRADED', statusReasons: ['CPU_HIGH'] }));
    expect(next.get('node-new')).toMatchObject({
      status: 'DEGRADED',
      statusReasons: ['CPU_HIGH'],
      statusSince: '2026-03-15T09:41:00.000Z',
      spansIngested1h: null,
    });
    expect(next.size).toBe(2);
  });

  it('turns a node offline on a status change and back on the next heartbeat', () => {
    const offline = applyStatusChange(board(loaded), {
      nodeId: 'node-a',
      cluster: 'prod-eu-1',
      status: 'OFFLINE',
      previousStatus: 'HEALTHY',
      statusReasons: ['NO_HEARTBEAT'],
      changedAt: '2026-03-15T09:42:30.000Z',
    });
    expect(offline.get('node-a')).toMatchObject({ status: 'OFFLINE', statusReasons: ['NO_HEARTBEAT'], figures: { cpuPercent: 12.4 } });
    const back = applyHeartbeat(offline, heartbeat({ receivedAt: '2026-03-15T09:43:00.000Z' }));
    expect(back.get('node-a')).toMatchObject({ status: 'HEALTHY', statusSince: '2026-03-15T09:43:00.000Z' });
  });

  it('ignores events older than what it shows, in whatever order they arrive', () => {
    const offline = applyStatusChange(board(loaded), {
      nodeId: 'node-a',
      cluster: 'prod-eu-1',
      status: 'OFFLINE',
      statusReasons: ['NO_HEARTBEAT'],
      changedAt: '2026-03-15T09:42:30.000Z',
    });
    // A heartbeat received before the node went offline, delivered late: figures are older than the status.
    const late = applyHeartbeat(offline, heartbeat({ receivedAt: '2026-03-15T09:41:00.000Z' }));
    expect(late.get('node-a')?.status).toBe('OFFLINE');
    const stale = applyStatusChange(late, {
      nodeId: 'node-a',
      cluster: 'prod-eu-1',
      status: 'HEALTHY',
      statusReasons: [],
      changedAt: '2026-03-15T09:00:00.000Z',
    });
    expect(stale.get('node-a')?.status).toBe('OFFLINE');
    expect(applyHeartbeat(late, heartbeat({ receivedAt: '2026-03-15T09:30:00.000Z' }))).toBe(late);
  });

  it('keeps live updates newer than a reload, and nodes the reload did not return', () => {
    const live = applyHeartbeat(board(loaded), heartbeat({ nodeId: 'node-b', receivedAt: '2026-03-15T09:41:00.000Z' }));
    const withNewer = applyHeartbeat(live, heartbeat({ receivedAt: '2026-03-15T09:45:00.000Z', cpuPercent: 77 }));
    const reloaded = loadBoard(withNewer, [loaded]);
    expect(reloaded.get('node-a')?.figures?.cpuPercent).toBe(77);
    expect(reloaded.has('node-b')).toBe(true);
    expect(loadBoard(board(), [loaded]).get('node-a')).toBe(loaded);
  });

  it('shows a node first heard of through a status change, with its figures unknown', () => {
    const next = applyStatusChange(board(), {
      nodeId: 'node-x',
      cluster: 'c',
      status: 'OFFLINE',
      previousStatus: 'HEALTHY',
      statusReasons: ['NO_HEARTBEAT'],
      changedAt: '2026-03-15T09:42:30.000Z',
    });
    expect(next.get('node-x')).toMatchObject({ status: 'OFFLINE', lastHeartbeat: null, figures: null, version: null });
    expect(
      applyHeartbeat(next, heartbeat({ nodeId: 'node-x', receivedAt: '2026-03-15T09:43:00.000Z' })).get('node-x')?.figures?.cpuPercent,
    ).toBe(50);
  });

  it('counts nodes by status and keeps cards in cluster and id order', () => {
    const b = board(
      { ...loaded, nodeId: 'z', cluster: 'a' },
      { ...loaded, nodeId: 'b', cluster: 'b', status: 'OFFLINE' },
      { ...loaded, nodeId: 'a', cluster: 'b' },
    );
    expect(sortedNodes(b).map((n) => n.nodeId)).toEqual(['z', 'a', 'b']);
    expect(statusCounts(b)).toEqual({ HEALTHY: 2, DEGRADED: 0, UNHEALTHY: 0, OFFLINE: 1 });
  });
});
