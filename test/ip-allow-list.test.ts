import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { startPeer, startTestGateway, type GatewayPeer, type TestGateway } from './helpers/gateway.js';
import { grpcExport } from './helpers/otlp-grpc.js';
import { SourceRelay } from './helpers/source-relay.js';
import { wsUrl } from './helpers/subscriptions.js';

/**
 * Organization IP allow-lists (issue #22) on every transport. Loopback has a
 * whole /8 of source addresses: clients bind 127.0.0.2 (inside the list
 * `127.0.0.2/32`) or 127.0.0.1 (outside), and the gateway sees them as the
 * sockets' peers. A second instance on the same store trusts 127.0.0.1 as a
 * proxy (MESH_TRUSTED_PROXIES).
 */
const INSIDE = '127.0.0.2';
const OUTSIDE = '127.0.0.1';
const UNTRUSTED_PEER = '127.0.0.3';

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** One HTTP request from a chosen source address; an event stream is cut after its head. */
function send(
  baseUrl: string,
  source: string,
  method: string,
  path: string,
  options: { key?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const url = new URL(path, baseUrl);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, localAddress: source },
      (res) => {
        const contentType = res.headers['content-type'] ?? '';
        if (contentType.startsWith('text/event-stream')) {
          res.destroy();
          resolve({ status: res.statusCode ?? 0, contentType, text: '' });
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function errorCode(answer: Answer): unknown {
  const body = JSON.parse(answer.text) as { error?: { code: string }; errors?: { extensions?: { code?: string } }[] };
  return body.error?.code ?? body.errors?.[0]?.extensions?.code;
}

const nowS = () => Math.floor(Date.now() / 1000);

/** Each HTTP transport: one request, and whether its answer is a success of that transport. */
const HTTP_TRANSPORTS: readonly {
  name: string;
  call: (baseUrl: string, source: string, key: string, headers?: Record<string, string>) => Promise<Answer>;
  /** The error envelope's code can be read (the gateway's own shapes); Jaeger and Tempo keep theirs. */
  envelope: boolean;
  /** Mackerel's list takes 1 request per second per key. */
  spacingMs?: number;
}[] = [
  { name: 'REST v1', envelope: true, call: (b, s, key, headers) => send(b, s, 'GET', '/v1/nodes', { key, headers }) },
  {
    name: 'Mackerel',
    envelope: true,
    spacingMs: 1_100,
    call: (b, s, key, headers) =>
      send(b, s, 'POST', '/api/v0/traces', { key, headers, body: { serviceName: 'ip-allow', from: nowS() - 3600, to: nowS() } }),
  },
  { name: 'Jaeger', envelope: false, call: (b, s, key, headers) => send(b, s, 'GET', '/api/services', { key, headers }) },
  { name: 'Tempo', envelope: false, call: (b, s, key, headers) => send(b, s, 'GET', '/tempo/api/search/tags', { key, headers }) },
  {
    name: 'GraphQL over HTTP',
    envelope: true,
    call: (b, s, key, headers) => send(b, s, 'POST', '/graphql', { key, headers, body: { query: '{ __typename }' } }),
  },
  {
    name: 'GraphQL over SSE',
    envelope: true,
    call: (b, s, key, headers) =>
      send(b, s, 'POST', '/graphql', {
        key,
        headers: { ...headers, accept: 'text/event-stream' },
        body: { query: 'subscription { nodeHeartbeat { nodeId } }' },
      }),
  },
  {
    name: 'OTLP/HTTP',
    envelope: true,
    call: (b, s, key, headers) => send(b, s, 'POST', '/v1/traces', { key, headers, body: { resourceSpans: [] } }),
  },
];

/** A graphql-ws client whose socket is opened from `source`; resolves when the connection is acknowledged or closed. */
function wsConnect(baseUrl: string, source: string, key: string): Promise<{ outcome: 'connected' | number; closed: Promise<number> }> {
  let closedWith: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (closedWith = resolve));
  return new Promise((resolve) => {
    const client = createClient({
      url: wsUrl(baseUrl),
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols: string | string[]) {
          super(url, protocols, { localAddress: source });
        }
      },
      connectionParams: { authorization: `Bearer ${key}` },
      retryAttempts: 0,
      lazy: false,
      on: {
        connected: () => resolve({ outcome: 'connected', closed }),
        closed: (event) => {
          const code = (event as { code: number }).code;
          closedWith(code);
          resolve({ outcome: code, closed });
        },
      },
      onNonLazyError: () => undefined,
    });
    void closed.then(() => client.dispose());
  });
}

describe('organization IP allow-lists', () => {
  let gw: TestGateway;
  let proxied: GatewayPeer;
  let otherOrgKey: string;
  const relays: SourceRelay[] = [];

  const setList = (cidrs: string[], options: { source?: string; force?: boolean; baseUrl?: string } = {}) =>
    send(options.baseUrl ?? gw.baseUrl, options.source ?? INSIDE, 'POST', '/graphql', {
      key: gw.apiKey,
      body: {
        query: 'mutation ($cidrs: [String!]!, $force: Boolean) { setIpAllowList(cidrs: $cidrs, force: $force) { ipAllowList } }',
        variables: { cidrs, force: options.force ?? false },
      },
    }).then(
      (answer) =>
        JSON.parse(answer.text) as {
          data?: { setIpAllowList: { ipAllowList: string[] } };
          errors?: { message: string; extensions: Record<string, unknown> }[];
        },
    );

  const storedList = async () => (await gw.app.services.auth.organization('default')).ipAllowList;

  beforeAll(async () => {
    gw = await startTestGateway({ MESH_WS_AUTH_RECHECK_S: '1' });
    proxied = await startPeer(gw, { MESH_TRUSTED_PROXIES: `${OUTSIDE}/32` });
    otherOrgKey = (await gw.app.services.auth.createKey({ org: 'other', env: 'live', permissions: ['read', 'write', 'admin'] })).key;
  });
  afterAll(async () => {
    await setList([]);
    for (const relay of relays) await relay.close();
    await proxied.app.stop();
    await gw.close();
  });

  it('stores, reads back and canonicalises the list; refuses invalid entries naming them, changing nothing', async () => {
    const set = await setList(['127.0.0.2', '10.0.0.0/8', '2001:DB8:0:0::/32', '10.0.0.0/8']);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setIpAllowList.ipAllowList).toEqual(['127.0.0.2/32', '10.0.0.0/8', '2001:db8::/32']);

    for (const [entry, fragment] of [
      ['300.1.2.3/8', "'300.1.2.3/8' is not a CIDR block"],
      ['10.0.0.0/33', "'10.0.0.0/33' has an invalid prefix length"],
      ['10.0.0.1/8', 'did you mean 10.0.0.0/8'],
      ['example.com', "'example.com' is not a CIDR block"],
    ] as const) {
      const refused = await setList(['127.0.0.2/32', entry]);
      expect(refused.data).toBeNull();
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'invalid_parameter', param: 'cidrs' });
      expect(refused.errors![0]!.message).toContain(fragment);
    }
    expect(await storedList()).toEqual(['127.0.0.2/32', '10.0.0.0/8', '2001:db8::/32']);

    const read = await send(gw.baseUrl, INSIDE, 'POST', '/graphql', {
      key: gw.apiKey,
      body: { query: '{ organization { id ipAllowList } }' },
    });
    expect(JSON.parse(read.text)).toEqual({
      data: { organization: { id: 'default', ipAllowList: ['127.0.0.2/32', '10.0.0.0/8', '2001:db8::/32'] } },
    });
  });

  it('a sandbox admin key reads the list but cannot change it', async () => {
    const sandboxAdmin = (await gw.app.services.auth.createKey({ org: 'default', env: 'test', permissions: ['admin'] })).key;
    const query = async (body: unknown) =>
      JSON.parse((await send(gw.baseUrl, INSIDE, 'POST', '/graphql', { key: sandboxAdmin, body })).text) as {
        data: unknown;
        errors?: { extensions: Record<string, unknown> }[];
      };
    const before = await storedList();
    expect((await query({ query: '{ organization { ipAllowList } }' })).data).toEqual({ organization: { ipAllowList: before } });
    const refused = await query({ query: 'mutation { setIpAllowList(cidrs: ["10.0.0.0/8"], force: true) { ipAllowList } }' });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'forbidden' });
    expect(await storedList()).toEqual(before);
  });

  it('refuses a list that locks the caller out unless forced', async () => {
    await setList([]);
    const refused = await setList(['10.0.0.0/8'], { source: OUTSIDE });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'invalid_parameter', param: 'force' });
    expect(refused.errors![0]!.message).toContain('127.0.0.1');
    expect(await storedList()).toEqual([]);

    const forced = await setList(['10.0.0.0/8'], { source: OUTSIDE, force: true });
    expect(forced.data!.setIpAllowList.ipAllowList).toEqual(['10.0.0.0/8']);
    // Locked out now: even the admin key that set it.
    expect(errorCode(await HTTP_TRANSPORTS[4]!.call(gw.baseUrl, OUTSIDE, gw.apiKey))).toBe('ip_not_allowed');
  });

  it('the org CLI sets and clears the list straight on the store, with no guard', async () => {
    const cli = (args: string[]) =>
      promisify(execFile)('npx', ['tsx', 'scripts/org.ts', 'allow-ips', '--org', 'default', ...args, '--json'], {
        env: { ...process.env, MONGODB_URI: inject('mongoUri'), MONGODB_DB: gw.store.db.databaseName },
      });
    const run = (args: string[]) => cli(args).then(({ stdout }) => JSON.parse(stdout) as unknown);
    expect(await run(['--cidrs', '10.0.0.0/8,127.0.0.2/32'])).toEqual({ org: 'default', ip_allow_list: ['10.0.0.0/8', '127.0.0.2/32'] });
    expect(await storedList()).toEqual(['10.0.0.0/8', '127.0.0.2/32']);
    expect(await run(['--cidrs', ''])).toEqual({ org: 'default', ip_allow_list: [] });
    expect(await storedList()).toEqual([]);
    const invalid = await cli(['--cidrs', '10.0.0.0/99']).catch((error: { code: number; stdout: string }) => error);
    expect(invalid).toMatchObject({ code: 1 });
    expect(JSON.parse((invalid as { stdout: string }).stdout)).toMatchObject({ error: { code: 'invalid_parameter', param: 'cidrs' } });
  }, 60_000);

  for (const transport of HTTP_TRANSPORTS) {
    it(`${transport.name}: 127.0.0.2 passes, 127.0.0.1 gets 403 ip_not_allowed; another org and a cleared list are unaffected`, async () => {
      await setList(['127.0.0.2/32']);
      const inside = await transport.call(gw.baseUrl, INSIDE, gw.apiKey);
      expect(inside.status, inside.text).toBe(200);

      const outside = await transport.call(gw.baseUrl, OUTSIDE, gw.apiKey);
      expect(outside.status).toBe(403);
      if (transport.envelope) expect(errorCode(outside)).toBe('ip_not_allowed');
      expect(outside.text).toContain('outside the IP allow-list');

      expect((await transport.call(gw.baseUrl, OUTSIDE, otherOrgKey)).status).toBe(200);
      await setList([]);
      await delay(transport.spacingMs ?? 0);
      expect((await transport.call(gw.baseUrl, OUTSIDE, gw.apiKey)).status).toBe(200);
    });
  }

  it('OTLP/gRPC: 127.0.0.2 passes, 127.0.0.1 gets PERMISSION_DENIED; another org and a cleared list are unaffected', async () => {
    const fromInside = await SourceRelay.start(gw.grpcTarget, INSIDE);
    relays.push(fromInside);
    const exportFrom = (target: string, key: string) =>
      grpcExport(target, Buffer.alloc(0), { metadata: { authorization: `Bearer ${key}` } });
    await setList(['127.0.0.2/32']);
    expect((await exportFrom(fromInside.target, gw.apiKey)).ok).toBe(true);
    const refused = await exportFrom(gw.grpcTarget, gw.apiKey);
    expect(refused).toMatchObject({ ok: false, code: GrpcStatus.PERMISSION_DENIED });
    expect(refused.ok === false && refused.details).toContain('outside the IP allow-list');
    expect((await exportFrom(gw.grpcTarget, otherOrgKey)).ok).toBe(true);
    await setList([]);
    expect((await exportFrom(gw.grpcTarget, gw.apiKey)).ok).toBe(true);
  });

  it('graphql-ws: refused at connection_init with 4403 outside the list; an open socket is closed when the list changes to exclude it', async () => {
    await setList(['127.0.0.2/32']);
    const inside = await wsConnect(gw.baseUrl, INSIDE, gw.apiKey);
    expect(inside.outcome).toBe('connected');
    expect((await wsConnect(gw.baseUrl, OUTSIDE, gw.apiKey)).outcome).toBe(4403);
    const otherOrg = await wsConnect(gw.baseUrl, OUTSIDE, otherOrgKey);
    expect(otherOrg.outcome).toBe('connected');

    await setList([]);
    const outside = await wsConnect(gw.baseUrl, OUTSIDE, gw.apiKey);
    expect(outside.outcome).toBe('connected');
    await setList(['127.0.0.2/32']);
    // The recheck runs every MESH_WS_AUTH_RECHECK_S (1 s here).
    expect(await Promise.race([outside.closed, delay(5_000).then(() => 'still open')])).toBe(4403);
    // The socket inside the list and the other organization's stay open.
    expect(await Promise.race([inside.closed, otherOrg.closed, delay(1_500).then(() => 'open')])).toBe('open');
    await setList([]);
  });

  it('a change through one instance reaches another within 2 s', async () => {
    await setList([]);
    const probe = () => HTTP_TRANSPORTS[4]!.call(proxied.baseUrl, UNTRUSTED_PEER, gw.apiKey);
    expect((await probe()).status).toBe(200);
    await setList(['127.0.0.2/32']);
    const setAt = performance.now();
    for (;;) {
      const sentAt = performance.now();
      const answer = await probe();
      if (answer.status === 403) break;
      expect(answer.status).toBe(200);
      expect(sentAt - setAt, 'a request sent after the bound was still admitted').toBeLessThanOrEqual(2_000);
      await delay(25);
    }
    await setList([]);
  });

  describe('trusted proxies (MESH_TRUSTED_PROXIES=127.0.0.1/32 on the second instance)', () => {
    beforeAll(async () => {
      await setList(['127.0.0.2/32']);
      // The second instance caches the list for up to 2 s: wait until it refuses.
      for (let i = 0; i < 100 && (await HTTP_TRANSPORTS[4]!.call(proxied.baseUrl, UNTRUSTED_PEER, gw.apiKey)).status !== 403; i++) {
        await delay(50);
      }
    });
    afterAll(async () => {
      await setList([]);
    });

    const graphqlVia = (baseUrl: string, source: string, headers: Record<string, string>) =>
      HTTP_TRANSPORTS[4]!.call(baseUrl, source, gw.apiKey, headers);

    it('a request from the proxy naming 127.0.0.2 passes (X-Forwarded-For and Forwarded)', async () => {
      expect((await graphqlVia(proxied.baseUrl, OUTSIDE, { 'x-forwarded-for': INSIDE })).status).toBe(200);
      expect((await graphqlVia(proxied.baseUrl, OUTSIDE, { forwarded: `for=${INSIDE};proto=http` })).status).toBe(200);
      expect((await graphqlVia(proxied.baseUrl, OUTSIDE, { 'x-forwarded-for': `${INSIDE}, ${OUTSIDE}` })).status).toBe(200);
      expect((await graphqlVia(proxied.baseUrl, OUTSIDE, {})).status).toBe(403);
    });

    it('the right-most untrusted hop is the client: a forged left-most entry does not help', async () => {
      const forged = await graphqlVia(proxied.baseUrl, OUTSIDE, { 'x-forwarded-for': `${INSIDE}, 127.0.0.9` });
      expect(errorCode(forged)).toBe('ip_not_allowed');
      expect(forged.text).toContain('127.0.0.9');
      expect(errorCode(await graphqlVia(proxied.baseUrl, OUTSIDE, { 'x-forwarded-for': 'unknown' }))).toBe('ip_not_allowed');
    });

    it('the same headers from an untrusted peer, or on an instance that trusts no proxy, are ignored', async () => {
      expect(errorCode(await graphqlVia(proxied.baseUrl, UNTRUSTED_PEER, { 'x-forwarded-for': INSIDE }))).toBe('ip_not_allowed');
      expect(errorCode(await graphqlVia(gw.baseUrl, OUTSIDE, { 'x-forwarded-for': INSIDE }))).toBe('ip_not_allowed');
      expect(errorCode(await graphqlVia(gw.baseUrl, OUTSIDE, { forwarded: `for=${INSIDE}` }))).toBe('ip_not_allowed');
    });
  });
});
