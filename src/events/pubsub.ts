import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub, type PubSubEvent, type PubSubEventTarget } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * Live event topics by name: `[routing id, payload]`. The id is the tenant
 * key (`org:env`), so a topic never carries another organization's or
 * partition's events. Payloads are plain JSON: with Redis they are
 * serialized, and in memory they must behave the same. Each area declares
 * its own topics beside its code (`domain/<area>/<area>.events.ts`); the
 * app's one pubsub carries all of them.
 */
export type EventTopics = Record<string, [tenantKey: string, payload: unknown]>;

type Payload<E extends EventTopics, K extends keyof E> = E[K][1];

/** What an area sees of the pubsub: its own topics, to publish and to subscribe to. */
export interface EventBus<E extends EventTopics> {
  publish<K extends keyof E & string>(topic: K, tenantKey: string, payload: Payload<E, K>): void;
  /**
   * Events of one tenant, each mapped by `select` to the items the subscriber
   * wants (none, one, or several): filtering happens before buffering, so
   * unwanted events never take a slot of the subscriber's queue.
   */
  subscribe<K extends keyof E & string, T>(
    topic: K,
    tenantKey: string,
    select: (payload: Payload<E, K>) => Iterable<T>,
  ): AsyncIterableIterator<T>;
}

export interface PubSubStats {
  /** Subscriptions open on this instance. */
  readonly subscriptions: number;
  /** Events dropped for slow subscribers since start. */
  readonly dropped: number;
  /** Events that could not be handed to Redis since start. */
  readonly publishFailures: number;
}

/**
 * The one pubsub of a gateway instance: graphql-yoga's typed `createPubSub`
 * over an in-process EventTarget, or over Redis pub/sub when REDIS_URL is set
 * so that every instance sees every event. `subscribe` bounds each
 * subscription (see BoundedStream).
 */
export interface MeshPubSub<E extends EventTopics> extends EventBus<E> {
  readonly transport: 'memory' | 'redis';
  stats(): PubSubStats;
  /** Resolves once events can flow (at once in memory; Redis connected otherwise). */
  connect(): Promise<void>;
  close(): Promise<void>;
}

export interface PubSubOptions {
  readonly redisUrl: string | undefined;
  /** Items queued per subscription before the oldest is dropped (MESH_SUBSCRIPTION_BUFFER). */
  readonly bufferSize: number;
  readonly log: Logger;
}

/**
 * A consumer-side queue of at most `capacity` items. The source is read as
 * fast as it produces, whatever the consumer does, so a publisher never
 * waits for a subscriber; when the consumer (a WebSocket or an SSE response
 * held back by TCP backpressure) falls behind, the oldest queued item is
 * dropped and counted. Memory per subscription is therefore bounded, and a
 * slow subscriber delays nobody but itself.
 */
export class BoundedStream<E, T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;
  dropped = 0;

  constructor(
    private readonly source: AsyncIterator<E>,
    private readonly select: (event: E) => Iterable<T>,
    private readonly capacity: number,
    private readonly onEnd: (stream: BoundedStream<E, T>) => void,
  ) {
    void this.pump();
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const result = await this.source.next();
        if (result.done || this.closed) break;
        for (const item of this.select(result.value)) this.offer(item);
      }
    } catch {
      // A failing source (or select) ends this subscription only; the consumer sees the end of the stream.
    }
    await this.finish();
  }

  private offer(item: T): void {
    if (this.waiting !== null) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
      return;
    }
    if (this.queue.length >= this.capacity) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push(item);
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.queue.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  async return(): Promise<IteratorResult<T>> {
    await this.finish();
    return { value: undefined, done: true };
  }

  async throw(): Promise<IteratorResult<T>> {
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private async finish(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.onEnd(this);
    await this.source.return?.().catch(() => undefined);
  }
}

/** Logs when a client's connection breaks and when it is back, not every reconnection attempt in between. */
function watch(client: Redis, role: string, log: Logger): void {
  let failing = false;
  client.on('error', (error: Error) => {
    if (failing) return;
    failing = true;
    log.warn('redis connection lost; reconnecting', { role, error: error.message });
  });
  client.on('ready', () => {
    if (!failing) return;
    failing = false;
    log.info('redis connection restored', { role });
  });
}

function redisClients(url: string, log: Logger): { publisher: Redis; subscriber: Redis } {
  // No offline queue for publishes: while Redis is away a live event is lost
  // (and counted), instead of piling up in memory until it returns.
  const publisher = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  // The subscriber queues its (few) SUBSCRIBE commands while reconnecting and resubscribes on its own.
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  watch(publisher, 'publish', log);
  watch(subscriber, 'subscribe', log);
  return { publisher, subscriber };
}

/** QUIT lets queued commands finish; a client that is not connected has nothing to finish and is just dropped. */
async function endClient(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit();
  else client.disconnect();
}

/** `E`: the topics of every area this instance serves (their intersection, as app.ts writes it). */
export function createMeshPubSub<E extends EventTopics>(options: PubSubOptions): MeshPubSub<E> {
  const { log } = options;
  let dropped = 0;
  let publishFailures = 0;
  const open = new Set<BoundedStream<unknown, unknown>>();
  const redis = options.redisUrl === undefined ? null : redisClients(options.redisUrl, log);

  let eventTarget: PubSubEventTarget<EventTopics>;
  if (redis === null) {
    const local = new EventTarget();
    // One listener per open subscription is the design, not a leak: no listener-count warning.
    setMaxListeners(0, local);
    eventTarget = {
      addEventListener: (type, callback, opts) => local.addEventListener(type, callback as EventListener, opts),
      removeEventListener: (type, callback, opts) => local.removeEventListener(type, callback as EventListener, opts),
      // Delivered on a later turn of the event loop, as over Redis: the publisher
      // (a heartbeat request) answers without waiting for the fan-out to every
      // subscriber, and each event reaches every queue before the next one.
      dispatchEvent: (event) => {
        setImmediate(() => local.dispatchEvent(event));
        return true;
      },
    };
  } else {
    const target = createRedisEventTarget<PubSubEvent<EventTopics, string>>({
      publishClient: redis.publisher,
      subscribeClient: redis.subscriber,
    });
    eventTarget = {
      addEventListener: (type, callback, opts) => target.addEventListener(type, callback, opts),
      removeEventListener: (type, callback, opts) => target.removeEventListener(type, callback, opts),
      // The library's dispatch drops the publish promise; a rejected publish
      // (Redis away) would be an unhandled rejection. Same wire format (JSON).
      dispatchEvent: (event) => {
        redis.publisher.publish(event.type, JSON.stringify(event.detail)).catch((error: unknown) => {
          publishFailures++;
          log.warn('live event not published', { topic: event.type, error: error instanceof Error ? error.message : String(error) });
        });
        return true;
      },
    };
  }
  // Typed at the edge (MeshPubSub<E>); inside, a topic is any name and a payload any JSON value.
  const pubsub: PubSub<EventTopics> = createPubSub<EventTopics>({ eventTarget });

  return {
    transport: redis === null ? 'memory' : 'redis',
    publish(topic, tenantKey, payload) {
      pubsub.publish(topic, tenantKey, payload);
    },
    subscribe<K extends keyof E & string, T>(topic: K, tenantKey: string, select: (payload: Payload<E, K>) => Iterable<T>) {
      const source = pubsub.subscribe(topic, tenantKey) as AsyncIterator<Payload<E, K>>;
      const stream = new BoundedStream(source, select, options.bufferSize, (ended) => {
        open.delete(ended as BoundedStream<unknown, unknown>);
        if (ended.dropped > 0) {
          dropped += ended.dropped;
          log.warn('slow subscriber dropped events', { topic, dropped: ended.dropped });
        }
      });
      open.add(stream as BoundedStream<unknown, unknown>);
      return stream;
    },
    stats() {
      let pending = 0;
      for (const s of open) pending += s.dropped;
      return { subscriptions: open.size, dropped: dropped + pending, publishFailures };
    },
    async connect() {
      if (redis === null) return;
      try {
        await Promise.all([redis.publisher.connect(), redis.subscriber.connect()]);
      } catch (error) {
        // Stop the clients' background reconnection, so that a gateway that failed to start can exit.
        redis.publisher.disconnect();
        redis.subscriber.disconnect();
        throw new Error(`Cannot connect to Redis at REDIS_URL: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    },
    async close() {
      await Promise.all([...open].map((s) => s.return()));
      if (redis !== null) await Promise.all([endClient(redis.publisher), endClient(redis.subscriber)]);
    },
  };
}
