import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, PACKAGE_ROOT } from './config.js';

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
