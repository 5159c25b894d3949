import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_DEFAULTS, loadConfig, PACKAGE_ROOT, SPANS_PER_MIB, ttlSeconds } from './config.js';

describe('retention settings', () => {
  it('accept decimal hours, so that a test can retain for seconds', () => {
    const config = loadConfig({ MESH_RETENTION_HOURS: '0.0025', MESH_NODE_HISTORY_HOURS: '0.5' });
    expect(config.retentionHours).toBe(0.0025);
    expect(ttlSeconds(config.retentionHours)).toBe(9);
    expect(ttlSeconds(config.nodeHistoryHours)).toBe(1800);
  });

  it('refuse less than a second, naming the variable', () => {
    expect(() => loadConfig({ MESH_RETENTION_HOURS: '0' })).toThrow(/MESH_RETENTION_HOURS: must be at least one second/);
    expect(() => loadConfig({ MESH_NODE_HISTORY_HOURS: '0.0001' })).toThrow(/MESH_NODE_HISTORY_HOURS: must be at least one second/);
  });
});

describe('embedded store settings', () => {
  it('default to 2 GiB, the capacity that memory holds, and a snapshot every 5 minutes', () => {
    expect(loadConfig({}).embedded).toEqual({ ...EMBEDDED_DEFAULTS, maxSpans: 2048 * SPANS_PER_MIB });
    expect(loadConfig({}).embedded.maxSpans).toBe(307_200);
  });

  it('derive the capacity from MESH_EMBEDDED_HEAP_MB unless MESH_EMBEDDED_MAX_SPANS is set', () => {
    expect(loadConfig({ MESH_EMBEDDED_HEAP_MB: '4096' }).embedded.maxSpans).toBe(4096 * SPANS_PER_MIB);
    expect(loadConfig({ MESH_EMBEDDED_HEAP_MB: '4096', MESH_EMBEDDED_MAX_SPANS: '5000' }).embedded.maxSpans).toBe(5000);
  });

  it('take MESH_EMBEDDED_HEAP_MB, MESH_EMBEDDED_MAX_SPANS and MESH_EMBEDDED_SNAPSHOT_S (0: no snapshots)', () => {
    const env = { MESH_EMBEDDED_HEAP_MB: '1024', MESH_EMBEDDED_MAX_SPANS: '20000', MESH_EMBEDDED_SNAPSHOT_S: '0' };
    expect(loadConfig(env).embedded).toEqual({ heapMb: 1024, maxSpans: 20_000, snapshotIntervalS: 0 });
  });

  it('refuse a heap too small for the JVM and a capacity below 1000 spans', () => {
    expect(() => loadConfig({ MESH_EMBEDDED_HEAP_MB: '64' })).toThrow(/MESH_EMBEDDED_HEAP_MB/);
    expect(() => loadConfig({ MESH_EMBEDDED_MAX_SPANS: '10' })).toThrow(/MESH_EMBEDDED_MAX_SPANS/);
  });
});

describe('MESH_OTLP_GRPC_PORT', () => {
  it('defaults to the OTLP port 4317 beside a fixed API port', () => {
    expect(loadConfig({}).otlpGrpc).toEqual({ port: 4317 });
    expect(loadConfig({ PORT: '8080' }).otlpGrpc).toEqual({ port: 4317 });
  });

  it('defaults to an ephemeral port when the API port is ephemeral (PORT=0)', () => {
    expect(loadConfig({ PORT: '0' }).otlpGrpc).toEqual({ port: 0 });
  });

  it('takes an explicit port, and 0 disables gRPC whatever PORT is', () => {
    expect(loadConfig({ PORT: '0', MESH_OTLP_GRPC_PORT: '14317' }).otlpGrpc).toEqual({ port: 14317 });
    expect(loadConfig({ MESH_OTLP_GRPC_PORT: '0' }).otlpGrpc).toBeNull();
    expect(loadConfig({ PORT: '0', MESH_OTLP_GRPC_PORT: '0' }).otlpGrpc).toBeNull();
  });

  it('refuses a value that is not a port, naming the variable', () => {
    expect(() => loadConfig({ MESH_OTLP_GRPC_PORT: '70000' })).toThrow(/MESH_OTLP_GRPC_PORT/);
    expect(() => loadConfig({ MESH_OTLP_GRPC_PORT: 'grpc' })).toThrow(/MESH_OTLP_GRPC_PORT/);
  });
});

describe('PACKAGE_ROOT', () => {
  it("is the gateway's package directory, where the files shipped beside the code are", () => {
    expect((JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string }).name).toBe('mesh-trace-gateway');
    expect(existsSync(join(PACKAGE_ROOT, 'mongo-java-server', 'pom.xml'))).toBe(true);
  });
});
