import { request, createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleHandler } from '../src/http/static-ui.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';

/** A raw HTTP request: the path is sent exactly as given (fetch would normalise `..` away). */
function raw(baseUrl: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

let gw: TestGateway;
let entryScript: string;

beforeAll(async () => {
  gw = await startTestGateway();
  const index = await raw(gw.baseUrl, '/ui/');
  const match = /<script type="module" crossorigin src="(\/ui\/assets\/[^"]+\.js)"/.exec(index.body.toString('utf8'));
  if (match?.[1] === undefined) throw new Error('index.html names no entry script');
  entryScript = match[1];
});

afterAll(async () => {
  await gw?.close();
});

describe('GET / and /ui', () => {
  it('redirects / and /ui to /ui/ without asking for a key', async () => {
    for (const path of ['/', '/ui']) {
      const res = await raw(gw.baseUrl, path);
      expect(res.status, path).toBe(302);
      expect(res.headers.location).toBe('/ui/');
    }
  });
});

describe('GET /ui/…', () => {
  it('serves index.html revalidated on every load, with a CSP that allows this origin only', async () => {
    const res = await raw(gw.baseUrl, '/ui/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(res.headers.etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    expect(res.body.toString('utf8')).toContain('<div id="app"></div>');
  });

  it('answers client-side routes with index.html, so deep links and reloads work', async () => {
    for (const path of ['/ui/traces', '/ui/traces/4bf92f3577b34da6a3ce929d0e0e4736?span=00f067aa0ba902b7', '/ui/nodes']) {
      const res = await raw(gw.baseUrl, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable, gzipped when the client accepts it', async () => {
    const plain = await raw(gw.baseUrl, entryScript);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('accept-encoding');

    const gzipped = await raw(gw.baseUrl, entryScript, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);

    const refused = await raw(gw.baseUrl, entryScript, { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await raw(gw.baseUrl, entryScript);
    const again = await raw(gw.baseUrl, entryScript, { headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await raw(gw.baseUrl, '/ui/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.body.length).toBe(0);
  });

  it('answers a missing asset with a 404 in the error envelope, not with index.html', async () => {
    const res = await raw(gw.baseUrl, '/ui/assets/missing-0000.js');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ error: { code: 'not_found', param: null } });
  });

  it('never serves a file outside the build, nor its dotfiles (manifest, build stamp)', async () => {
    for (const path of [
      '/ui/..%2fpackage.json',
      '/ui/assets/..%2f..%2f..%2fpackage.json',
      '/ui/%2e%2e/package.json',
      '/ui/../package.json',
      '/ui/.vite/manifest.json',
      '/ui/.build-hash',
      '/ui/assets%5c..%5c..%5cpackage.json',
    ]) {
      const res = await raw(gw.baseUrl, path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString('utf8'), path).not.toContain('"name": "mesh-trace-gateway"');
    }
  });

  it('refuses writes with 405 and names GET and HEAD in Allow', async () => {
    const res = await raw(gw.baseUrl, '/ui/traces', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('leaves the API where it was: /graphql still needs a key', async () => {
    const res = await fetch(`${gw.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(res.status).toBe(401);
  });
});

describe('a gateway whose console is not built', () => {
  let server: Server;
  let baseUrl: string;
  let empty: string;

  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'mesh-console-empty-'));
    const handler = createConsoleHandler({ distDir: empty });
    server = createServer((req, res) => {
      handler.handle(req, res, new URL(req.url ?? '/', 'http://localhost').pathname).then(
        (handled) => {
          if (!handled) res.writeHead(418).end();
        },
        (error: Error & { status?: number }) => res.writeHead(error.status ?? 500).end(error.message),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(empty, { recursive: true, force: true });
  });

  it('says how to build it', async () => {
    const res = await raw(baseUrl, '/ui/');
    expect(res.status).toBe(404);
    expect(res.body.toString('utf8')).toContain('npm run ui:build');
  });

  it('leaves every other path to the next route', async () => {
    expect((await raw(baseUrl, '/graphql')).status).toBe(418);
    expect((await raw(baseUrl, '/uix')).status).toBe(418);
    expect((await raw(baseUrl, '/', { method: 'POST' })).status).toBe(418);
  });
});
