import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from 'mongodb';
import type { Config } from '../config.js';
import { storeReachable } from '../db/client.js';
import { STORE_RETRY_AFTER_S } from '../db/store-errors.js';
import { StoreHealth } from '../db/store-health.js';
import { PayloadTooLargeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { GatewayMetrics } from '../observability/metrics.js';
import { sendJson } from './respond.js';
import { routeLabeler } from './route-label.js';

export const METRICS_PATH = '/metrics';
/** /readyz answers within this bound, however the store behaves. */
const READY_TIMEOUT_MS = 1_500;
/** During a drain, how often connections whose last request finished are closed. */
const DRAIN_SWEEP_MS = 50;

/** Refuses (413) a request whose declared Content-Length exceeds `limit`; readBody bounds undeclared lengths as they stream. */
export function assertDeclaredBody(req: IncomingMessage, limit: number): void {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    throw new PayloadTooLargeError(`Request body of ${declared} bytes exceeds the limit of ${limit} bytes`, 'body');
  }
}

export interface OperationsDeps {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
  /** Route templates served on the API port (REST tables), for request-latency labels. */
  readonly routeTemplates: readonly string[];
}

/**
 * What the gateway needs to be operated rather than just run: its metrics,
 * its view of the store's health, readiness, and a graceful drain. One per
 * app instance; buildApp wires it into routing and start/stop.
 */
export class Operations {
  readonly metrics = new GatewayMetrics();
  readonly health: StoreHealth;
  private readonly detachStore: () => void;
  private readonly label: (path: string) => string;
  private draining = false;
  private metricsServer: Server | null = null;

  constructor(private readonly deps: OperationsDeps) {
    this.health = new StoreHealth(deps.db.client, deps.log);
    this.health.onChange((up) => this.metrics.storeUp.set(up ? 1 : 0));
    this.detachStore = this.metrics.observeStore(deps.db.client);
    this.label = routeLabeler(['/healthz', '/readyz', METRICS_PATH, '/graphql', '/v1/traces', ...deps.routeTemplates]);
  }

  /** True once stop() began: /readyz answers 503 so that load balancers stop sending traffic. */
  get isDraining(): boolean {
    return this.draining;
  }

  /**
   * Records the request's latency under its route template when the response
   * ends (or the client goes away). While draining, every response asks the
   * client to close its connection, so keep-alive clients move elsewhere.
   */
  observe(req: IncomingMessage, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    if (this.draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const labels = { method: req.method ?? 'GET', route: this.label(path), status: String(res.statusCode) };
      this.metrics.httpRequestDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
  }

  /** GET /readyz: 200 when the store answers a ping within 1.5 s and the gateway is not draining, else 503. */
  async sendReadiness(res: ServerResponse): Promise<void> {
    if (this.draining) return sendJson(res, 503, { status: 'draining' }, { 'retry-after': '1' });
    const ready = this.health.available && (await storeReachable(this.deps.db, READY_TIMEOUT_MS));
    sendJson(
      res,
      ready ? 200 : 503,
      { status: ready ? 'ready' : 'unavailable' },
      ready ? {} : { 'retry-after': String(STORE_RETRY_AFTER_S) },
    );
  }

  /** GET /metrics in the Prometheus text format. Unauthenticated by design: no label names a tenant (docs/operations.md). */
  async sendMetrics(res: ServerResponse): Promise<void> {
    const { contentType, body } = await this.metrics.exposition();
    res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  /** Whether /metrics is served on the API port (MESH_METRICS_PORT unset) or only on its own listener. */
  get metricsOnApiPort(): boolean {
    return this.deps.config.metricsPort === undefined;
  }

  /** Starts the dedicated metrics listener when MESH_METRICS_PORT is set; resolves with its port. */
  async listenMetrics(): Promise<number | null> {
    const { metricsPort, metricsHost } = this.deps.config;
    if (metricsPort === undefined) return null;
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === METRICS_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
        this.sendMetrics(res).catch(() => res.destroy());
        return;
      }
      sendJson(res, 404, { error: { code: 'not_found', message: `Only GET ${METRICS_PATH} is served on the metrics port`, param: null } });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(metricsPort, metricsHost, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.metricsServer = server;
    return (server.address() as AddressInfo).port;
  }

  /**
   * Stops accepting connections and lets requests in flight finish: each
   * connection is closed as soon as its current request is answered, and
   * whatever is still open after `graceMs` is cut.
   */
  async drain(server: Server, graceMs: number): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), DRAIN_SWEEP_MS);
    const force = setTimeout(() => {
      this.deps.log.warn('shutdown grace period over: closing connections still in flight', { graceMs });
      server.closeAllConnections();
    }, graceMs);
    try {
      await closed;
    } finally {
      clearInterval(sweep);
      clearTimeout(force);
    }
  }

  async close(): Promise<void> {
    this.draining = true;
    this.detachStore();
    this.health.close();
    const metricsServer = this.metricsServer;
    this.metricsServer = null;
    if (metricsServer !== null) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
  }
}
