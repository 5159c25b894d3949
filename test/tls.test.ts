import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkSpans } from '../bench/otlp-payloads.js';
import { buildApp } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { grpcExport } from './helpers/otlp-grpc.js';

/**
 * MESH_TLS_CERT/MESH_TLS_KEY: the API port speaks HTTPS and the OTLP/gRPC
 * port gRPC over TLS, with a certificate made by openssl for 127.0.0.1.
 */
let dir: string;
let ca: Buffer;
let gw: TestGateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  ca = readFileSync(join(dir, 'cert.pem'));
  gw = await startTestGateway({ MESH_TLS_CERT: join(dir, 'cert.pem'), MESH_TLS_KEY: join(dir, 'key.pem') });
});
afterAll(async () => {
  await gw?.close();
  rmSync(dir, { recursive: true, force: true });
});

function https(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Uint8Array } = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(path, gw.baseUrl.replace('http:', 'https:'));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, ca }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body === undefined ? undefined : Buffer.from(init.body));
  });
}

describe('TLS on both ports (MESH_TLS_CERT, MESH_TLS_KEY)', () => {
  it('serves /readyz and OTLP/HTTP over HTTPS, and no plain HTTP', async () => {
    expect(await https('/readyz')).toEqual({ status: 200, body: '{"status":"ready"}' });
    const spans = sdkSpans(10);
    const res = await https('/v1/traces', {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${gw.apiKey}` },
      body: ProtobufTraceSerializer.serializeRequest(spans)!,
    });
    expect(res.status).toBe(200);
    await expect(fetch(`${gw.baseUrl}/readyz`)).rejects.toThrow();
  });

  it('accepts OTLP/gRPC over TLS from a client that trusts the certificate, and refuses plaintext', async () => {
    const spans = sdkSpans(10);
    const body = ProtobufTraceSerializer.serializeRequest(spans)!;
    const metadata = { authorization: `Bearer ${gw.apiKey}` };
    expect(await grpcExport(gw.grpcTarget, body, { metadata, ca })).toMatchObject({ ok: true });
    expect(await gw.store.db.collection('spans').countDocuments({ traceId: spans[0]!.spanContext().traceId })).toBe(10);
    expect(await grpcExport(gw.grpcTarget, body, { metadata })).toMatchObject({ ok: false, codeName: 'UNAVAILABLE' });
  });

  it('refuses a certificate without its key, and an unreadable file, naming the variable', () => {
    expect(() => loadConfig({ MESH_TLS_CERT: join(dir, 'cert.pem') })).toThrow(/MESH_TLS_CERT and MESH_TLS_KEY go together/);
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      MESH_TLS_CERT: join(dir, 'cert.pem'),
      MESH_TLS_KEY: join(dir, 'missing.pem'),
    });
    const build = () => buildApp({ config, db: gw.store.db, log: silentLogger });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/MESH_TLS_KEY: cannot read .*missing\.pem \(ENOENT\)/);
  });
});
