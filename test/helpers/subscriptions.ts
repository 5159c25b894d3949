import { setTimeout as delay } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';

/** A live subscription as a client sees it: what arrived so far, and a way to wait for more. */
export interface LiveSubscription<T> {
  readonly received: readonly T[];
  readonly errors: readonly unknown[];
  /** Resolves with the first `count` items once they have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

class Collector<T> {
  readonly received: T[] = [];
  readonly errors: unknown[] = [];

  async waitFor(count: number, timeoutMs = 10_000): Promise<T[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (this.errors.length > 0) throw new Error(`subscription failed: ${JSON.stringify(this.errors)}`);
      if (Date.now() > deadline) throw new Error(`timed out with ${this.received.length} of ${count} events`);
      await delay(10);
    }
    return this.received.slice(0, count);
  }
}

export function wsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/graphql`;
}

/** A real graphql-ws client (over `ws`) authenticating with the connection_init payload. */
export function wsClient(baseUrl: string, apiKey: string): Client {
  return createClient({
    url: wsUrl(baseUrl),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${apiKey}` },
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes over graphql-ws; each `next` payload's `data[field]` is collected. */
export function wsSubscribe<T>(client: Client, field: string, query: string, variables: Record<string, unknown> = {}): LiveSubscription<T> {
  const collector = new Collector<T>();
  const dispose = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) collector.errors.push(...result.errors);
        else if (result.data) collector.received.push(result.data[field]!);
      },
      error: (error) => collector.errors.push(error),
      complete: () => undefined,
    },
  );
  return {
    received: collector.received,
    errors: collector.errors,
    waitFor: (count, timeoutMs) => collector.waitFor(count, timeoutMs),
    close: async () => dispose(),
  };
}

/**
 * Subscribes over Server-Sent Events the way a browser or curl would: a POST
 * to /graphql with `accept: text/event-stream`, parsed event by event.
 */
export async function sseSubscribe<T>(
  baseUrl: string,
  apiKey: string,
  field: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<LiveSubscription<T> & { readonly status: number }> {
  const collector = new Collector<T>();
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  const reading = (async () => {
    if (res.body === null) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n').filter((l) => !l.startsWith(':'));
          const event = lines
            .find((l) => l.startsWith('event:'))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (event !== 'next' || data === '') continue;
          const payload = JSON.parse(data) as { data?: Record<string, T>; errors?: unknown[] };
          if (payload.errors) collector.errors.push(...payload.errors);
          else if (payload.data) collector.received.push(payload.data[field]!);
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) collector.errors.push(error);
    }
  })();
  return {
    status: res.status,
    received: collector.received,
    errors: collector.errors,
    waitFor: (count, timeoutMs) => collector.waitFor(count, timeoutMs),
    close: async () => {
      abort.abort();
      await reading;
    },
  };
}

/**
 * Waits until exactly `count` subscriptions are open on the gateway:
 * graphql-ws has no acknowledgement of a subscribe (and closing is
 * asynchronous too), so a test that must subscribe before it publishes asks
 * the server.
 */
export async function subscriptionsOpen(app: App, count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (app.services.pubsub.stats().subscriptions !== count) {
    if (Date.now() > deadline) throw new Error(`${app.services.pubsub.stats().subscriptions} subscriptions open, expected ${count}`);
    await delay(10);
  }
}
