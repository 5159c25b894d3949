import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { assertNodeId, assessHealth, counterDeltas, validateHeartbeat, type HeartbeatInput } from './heartbeat.js';
import type { Heartbeat } from './node.js';

const thresholds = { degradedCpuPct: 90, degradedBufferPct: 80, unhealthyBufferPct: 100 };

const input: HeartbeatInput = {
  cluster: 'prod-eu-1',
  version: '3.2.1',
  cpuPercent: 12.4,
  memoryMb: 256,
  uptimeSeconds: 604_821,
  ingestionRateSps: 4782,
  spansIngestedTotal: 284_910n,
  droppedSpansTotal: 0n,
  otlpGrpcActive: true,
  otlpHttpActive: true,
  samplingRate: 0.15,
  bufferUtilizationPct: 8.2,
};

const report = (overrides: Partial<Heartbeat> = {}): Heartbeat => ({ ...validateHeartbeat(input), ...overrides });

function paramOf(fn: () => unknown): string | null {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.param;
    throw error;
  }
  return null;
}

describe('validateHeartbeat', () => {
  it('accepts the documented example and converts Int64 counters to numbers', () => {
    expect(validateHeartbeat(input)).toMatchObject({ spansIngestedTotal: 284_910, droppedSpansTotal: 0, cpuPercent: 12.4 });
  });

  it.each([
    ['cpu_percent', { cpuPercent: 100.1 }],
    ['cpu_percent', { cpuPercent: -1 }],
    ['cpu_percent', { cpuPercent: Number.NaN }],
    ['memory_mb', { memoryMb: -0.5 }],
    ['uptime_seconds', { uptimeSeconds: 1.5 }],
    ['ingestion_rate_sps', { ingestionRateSps: Number.POSITIVE_INFINITY }],
    ['spans_ingested_total', { spansIngestedTotal: -1n }],
    ['spans_ingested_total', { spansIngestedTotal: 2n ** 53n }],
    ['dropped_spans_total', { droppedSpansTotal: 0.5 }],
    ['sampling_rate', { samplingRate: 1.01 }],
    ['buffer_utilization_pct', { bufferUtilizationPct: 101 }],
    ['cluster', { cluster: '' }],
    ['cluster', { cluster: 'prod eu' }],
    ['version', { version: '3.2.1 beta' }],
    ['version', { version: 'v'.repeat(65) }],
  ] as const)('rejects %s out of range or malformed (%o)', (param, overrides) => {
    expect(paramOf(() => validateHeartbeat({ ...input, ...overrides }))).toBe(param);
  });

  it('names the field in the message the way the REST envelope documents it', () => {
    expect(() => validateHeartbeat({ ...input, samplingRate: 2 })).toThrow("Parameter 'sampling_rate' must be a number from 0 to 1");
  });
});

describe('assertNodeId', () => {
  it.each(['node-eu-central-1a-07', 'n', 'ip-10-0-0-1.ec2.internal', 'A_1', 'x'.repeat(128)])('accepts %s', (id) => {
    expect(assertNodeId(id)).toBe(id);
  });

  it.each(['', '-node', '.hidden', 'node/1', 'node 1', 'nöde', 'x'.repeat(129), 'a:b'])('rejects %j with param node_id', (id) => {
    expect(paramOf(() => assertNodeId(id))).toBe('node_id');
  });
});

describe('counterDeltas', () => {
  it('counts the difference while the node keeps running', () => {
    const previous = report({ spansIngestedTotal: 1000, droppedSpansTotal: 3, uptimeSeconds: 100 });
    expect(counterDeltas(previous, report({ spansIngestedTotal: 1600, droppedSpansTotal: 5, uptimeSeconds: 110 }))).toEqual({
      spansIngested: 600,
      droppedSpans: 2,
      restarted: false,
    });
  });

  it('treats a counter that went down as a restart and counts from 0', () => {
    const previous = report({ spansIngestedTotal: 1000, droppedSpansTotal: 3, uptimeSeconds: 5000 });
    expect(counterDeltas(previous, report({ spansIngestedTotal: 40, droppedSpansTotal: 0, uptimeSeconds: 5010 }))).toEqual({
      spansIngested: 40,
      droppedSpans: 0,
      restarted: true,
    });
  });

  it('treats an uptime that went down as a restart even when the counters grew past their old values', () => {
    const previous = report({ spansIngestedTotal: 100, droppedSpansTotal: 0, uptimeSeconds: 600 });
    expect(counterDeltas(previous, report({ spansIngestedTotal: 150, droppedSpansTotal: 0, uptimeSeconds: 30 }))).toEqual({
      spansIngested: 150,
      droppedSpans: 0,
      restarted: true,
    });
  });

  it('counts all of a first report when the node started within the hour, and none when it started earlier', () => {
    expect(counterDeltas(null, report({ spansIngestedTotal: 900, droppedSpansTotal: 4, uptimeSeconds: 3600 }))).toEqual({
      spansIngested: 900,
      droppedSpans: 4,
      restarted: false,
    });
    expect(counterDeltas(null, report({ spansIngestedTotal: 900, droppedSpansTotal: 4, uptimeSeconds: 3601 }))).toEqual({
      spansIngested: 0,
      droppedSpans: 0,
      restarted: false,
    });
  });
});

describe('assessHealth', () => {
  it('is healthy with the documented example', () => {
    expect(assessHealth(report(), 0, thresholds)).toEqual({ status: 'healthy', reasons: [] });
  });

  it('is degraded while dropping spans, above 80 % buffer or above 90 % CPU (strictly above)', () => {
    expect(assessHealth(report(), 1, thresholds)).toEqual({ status: 'degraded', reasons: ['dropping_spans'] });
    expect(assessHealth(report({ bufferUtilizationPct: 80 }), 0, thresholds).status).toBe('healthy');
    expect(assessHealth(report({ bufferUtilizationPct: 80.1 }), 0, thresholds)).toEqual({ status: 'degraded', reasons: ['buffer_high'] });
    expect(assessHealth(report({ cpuPercent: 90 }), 0, thresholds).status).toBe('healthy');
    expect(assessHealth(report({ cpuPercent: 90.5 }), 2, thresholds)).toEqual({
      status: 'degraded',
      reasons: ['dropping_spans', 'cpu_high'],
    });
  });

  it('is unhealthy with both OTLP receivers inactive or a full buffer, and lists every rule that fired', () => {
    expect(assessHealth(report({ otlpGrpcActive: false }), 0, thresholds).status).toBe('healthy');
    expect(assessHealth(report({ otlpGrpcActive: false, otlpHttpActive: false }), 0, thresholds)).toEqual({
      status: 'unhealthy',
      reasons: ['receivers_inactive'],
    });
    expect(assessHealth(report({ bufferUtilizationPct: 100, cpuPercent: 95 }), 7, thresholds)).toEqual({
      status: 'unhealthy',
      reasons: ['buffer_full', 'dropping_spans', 'cpu_high'],
    });
  });

  it('follows configured thresholds', () => {
    const strict = { degradedCpuPct: 50, degradedBufferPct: 20, unhealthyBufferPct: 60 };
    expect(assessHealth(report({ cpuPercent: 51 }), 0, strict).reasons).toEqual(['cpu_high']);
    expect(assessHealth(report({ bufferUtilizationPct: 30 }), 0, strict).reasons).toEqual(['buffer_high']);
    expect(assessHealth(report({ bufferUtilizationPct: 60 }), 0, strict)).toEqual({ status: 'unhealthy', reasons: ['buffer_full'] });
  });
});
