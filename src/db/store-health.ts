import type { MongoClient, TopologyDescriptionChangedEvent } from 'mongodb';
import { UnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { STORE_RETRY_AFTER_S, storeFailure } from './store-errors.js';

/** Server types that accept the gateway's writes (and primary reads). */
const WRITABLE = new Set(['Standalone', 'RSPrimary', 'Mongos', 'LoadBalancer']);

/**
 * Whether the store can take requests right now, as the driver's own server
 * monitor sees it, plus a deadline for store steps on the request path.
 *
 * A circuit breaker without guesswork: the monitor (heartbeat every second,
 * see DRIVER_OPTIONS) marks the server Unknown as soon as a heartbeat or an
 * operation fails on the network, and known again as soon as a heartbeat
 * succeeds. While no writable server is known, `assertAvailable` refuses at
 * once with 503 + Retry-After, instead of letting each request wait out
 * server selection; recovery needs no restart and no probe traffic.
 */
export class StoreHealth {
  private up = true;
  private readonly listener = (event: TopologyDescriptionChangedEvent) => this.onTopology(event);
  private readonly transitions: ((up: boolean) => void)[] = [];

  constructor(
    private readonly client: MongoClient,
    private readonly log: Logger,
  ) {
    client.on('topologyDescriptionChanged', this.listener);
  }

  get available(): boolean {
    return this.up;
  }

  /** Called with the new state on every change (metrics). */
  onChange(callback: (up: boolean) => void): void {
    this.transitions.push(callback);
  }

  /** Throws the documented 503 while the store is known down. */
  assertAvailable(): void {
    if (!this.up) throw unavailable('The trace store is unreachable; retry after the indicated delay');
  }

  /**
   * Resolves or rejects as `work` does if it settles within `ms`; otherwise
   * rejects with 503 `unavailable`. The work itself goes on (the driver has no
   * cancellation): callers that hold resources for it release them when the
   * work settles, not when the deadline answers. Store-unavailable driver
   * errors become the same 503, with the driver's message kept as the cause
   * (for the logs), never in the message.
   */
  async within<T>(work: Promise<T>, ms: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(unavailable(`The trace store did not answer within ${ms} ms; retry after the indicated delay`)), ms);
    });
    // A late rejection after the deadline answered is expected, not unhandled.
    work.catch(() => undefined);
    try {
      return await Promise.race([work, deadline]);
    } catch (error) {
      throw storeFailure(error) ?? error;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.client.off('topologyDescriptionChanged', this.listener);
  }

  private onTopology(event: TopologyDescriptionChangedEvent): void {
    const servers = [...event.newDescription.servers.values()];
    const up = servers.some((s) => WRITABLE.has(s.type));
    if (up === this.up) return;
    this.up = up;
    if (up) this.log.info('store reachable again', { servers: servers.map((s) => s.address) });
    else {
      const reason = servers.map((s) => s.error?.message).find((m) => m !== undefined);
      this.log.warn('store unreachable: refusing store-backed requests with 503 until it answers', { reason });
    }
    for (const callback of this.transitions) callback(up);
  }
}

function unavailable(message: string): UnavailableError {
  return new UnavailableError(message, STORE_RETRY_AFTER_S);
}
