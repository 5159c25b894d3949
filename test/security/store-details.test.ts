import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { sdkSpans } from '../../bench/otlp-payloads.js';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { connectStore, type Store } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { FaultProxy, NO_FAULTS } from '../helpers/fault-proxy.js';
import { grpcExport } from '../helpers/otlp-grpc.js';
import { randomApiKey } from '../helpers/gateway.js';
import { otlpJson } from '../helpers/otlp.js';
import { wsUrl } from '../helpers/subscriptions.js';

/**
 * Finding 5 of issue #16: a 503 body read "The trace store cannot be reached
 * (Connection to 127.0.0.1:34285 interrupted due to server monitor timeout)".
 * While the store fails in every way a network can fail it, no answer on any
 * transport names a host, a port or the driver's words; the log lines keep
 * that detail, under the request id the answer carries.
 */
let proxy: FaultProxy;
let store: Store;
let app: App;
let baseUrl: string;
let grpcTarget: string;
let apiKey: string;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  proxy = await FaultProxy.start(inject('mongoUri'));
  apiKey = randomApiKey();
  const dbName = `t_${randomBytes(8).toString('hex')}`;
  // development: the default NODE_ENV, where the detail used to be shown.
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    MONGODB_URI: proxy.uri,
    MONGODB_DB: dbName,
    MESH_BOOTSTRAP_API_KEY: apiKey,
    MESH_STORE_TIMEOUT_MS: '1000',
  });
  store = await connectStore(proxy.uri, dbName);
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim() !== '') logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = buildApp({ config, db: store.db, log: createLogger({ level: 'warn', destination }) });
  const { port, grpcPort } = await app.start();
  baseUrl = `http://127.0.0.1:${port}`;
  grpcTarget = `127.0.0.1:${grpcPort}`;
});
afterAll(async () => {
  proxy.restore();
  proxy.setFaults(NO_FAULTS);
  await app.stop();
  await store.close();
  await proxy.close();
});

interface Answer {
  readonly transport: string;
  /** The HTTP status, the WebSocket close code, or the gRPC status code. */
  readonly status: number;
  readonly failed: boolean;
  readonly requestId: string | null;
  readonly text: string;
}

const auth = () => ({ authorization: `Bearer ${apiKey}` });

async function http(transport: string, path: string, init: RequestInit): Promise<Answer> {
  const res = await fetch(`${baseUrl}${path}`, init);
  return { transport, status: res.status, failed: res.status >= 500, requestId: res.headers.get('x-request-id'), text: await res.text() };
}

/** An OTLP/gRPC export: what a client reads is the status message and the google.rpc.Status in its trailer. */
async function grpc(): Promise<Answer> {
  const body = ProtobufTraceSerializer.serializeRequest(sdkSpans(2, Date.now() - 60_000))!;
  const result = await grpcExport(grpcTarget, body, { metadata: auth() });
  if (result.ok) return { transport: 'grpc', status: 0, failed: false, requestId: null, text: '' };
  const requestId = result.trailer.get('x-request-id')[0];
  return {
    transport: 'grpc',
    status: result.code,
    failed: true,
    requestId: typeof requestId === 'string' ? requestId : null,
    text: `${result.details}\n${result.statusDetails?.message ?? ''}`,
  };
}

/**
 * One request on every transport: GraphQL, REST, OTLP JSON, OTLP/gRPC, and a graphql-ws connection_init
 * (its close reason is what a client reads).
 */
function everyTransport(): Promise<Answer>[] {
  const json = { ...auth(), 'content-type': 'application/json' };
  return [
    http('graphql', '/graphql', { method: 'POST', headers: json, body: JSON.stringify({ query: '{ traces(first: 1) { totalCount } }' }) }),
    http('rest', '/v1/traces?limit=1', { headers: auth() }),
    http('otlp', '/v1/traces', { method: 'POST', headers: json, body: otlpJson([{ startMs: Date.now(), durationMs: 2 }]) }),
    new Promise<Answer>((resolve) => {
      const socket = new WebSocket(wsUrl(baseUrl), 'graphql-transport-ws');
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: auth() })));
      socket.on('message', () => socket.close());
      socket.on('close', (code, reason) =>
        resolve({ transport: 'ws', status: code, failed: code === 1013 || code === 4500, requestId: null, text: reason.toString() }),
      );
      socket.on('error', () => undefined);
    }),
    grpc(),
  ];
}

/** What a driver message looks like: an address of the store, or the driver's own vocabulary. */
function leaks(text: string): boolean {
  return (
    text.includes(String(proxy.port)) ||
    /127\.0\.0\.1|localhost|ECONN|EPIPE|socket|topology|monitor|Mongo[A-Z]\w*Error|connection \d+|interrupted|server selection/i.test(text)
  );
}

describe('store failures in answers', () => {
  it('never name a host, a port or the driver, on any transport, while the store fails; the logs keep the detail by request id', async () => {
    const answers: Answer[] = [];
    // Cut every chunk (connections die mid-command), then take the store away altogether (new connections reset).
    for (const fail of [() => proxy.setFaults({ ...NO_FAULTS, cutRate: 1 }), () => proxy.outage()]) {
      fail();
      const until = Date.now() + 2_500;
      while (Date.now() < until) {
        answers.push(...(await Promise.all(everyTransport())));
        await delay(50);
      }
      proxy.setFaults(NO_FAULTS);
      proxy.restore();
      const back = Date.now() + 10_000;
      while (Date.now() < back && (await fetch(`${baseUrl}/readyz`)).status !== 200) await delay(100);
    }

    const failed = answers.filter((a) => a.failed);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.some((a) => a.transport === 'grpc')).toBe(true);
    for (const answer of answers) {
      expect(leaks(answer.text), `${answer.transport} ${answer.status}: ${answer.text}`).toBe(false);
    }
    // Every failed HTTP or gRPC answer whose cause the gateway saw has a log line under its request id that names it.
    const detailed = logLines.filter((l) => typeof l.requestId === 'string' && typeof l.error === 'string' && leaks(l.error));
    expect(detailed.length).toBeGreaterThan(0);
    const answered = new Set(failed.map((a) => a.requestId));
    expect(detailed.some((l) => answered.has(l.requestId as string))).toBe(true);
  });
});
