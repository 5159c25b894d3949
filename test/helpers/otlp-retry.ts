import { setTimeout as delay } from 'node:timers/promises';
import type { Db } from 'mongodb';
import { hex, otlpJson } from './otlp.js';

/** HTTP statuses an OTLP/HTTP client retries (OTLP spec, "Retryable Response Codes"). */
export const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export interface ExportOutcome {
  /** The final status; null when every attempt failed on the network. */
  readonly status: number | null;
  readonly attempts: number;
}

/**
 * Sends one OTLP/JSON export request the way an OTLP exporter does: retries on
 * 429/502/503/504 and on network errors, waiting `Retry-After` when the
 * server gives one and an exponential backoff otherwise, until `deadline`.
 */
export async function exportWithRetry(
  url: string,
  apiKey: string,
  body: string,
  options: { deadline: number; attemptTimeoutMs?: number; maxBackoffMs?: number },
): Promise<ExportOutcome> {
  let attempts = 0;
  let backoff = 100;
  let status: number | null = null;
  while (Date.now() < options.deadline) {
    attempts++;
    let wait: number;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body,
        signal: AbortSignal.timeout(options.attemptTimeoutMs ?? 10_000),
      });
      await res.arrayBuffer();
      status = res.status;
      if (!RETRYABLE_STATUS.has(res.status)) return { status, attempts };
      const retryAfter = Number(res.headers.get('retry-after'));
      wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff;
    } catch {
      status = null;
      wait = backoff;
    }
    backoff = Math.min(backoff * 2, options.maxBackoffMs ?? 2_000);
    await delay(Math.min(wait, Math.max(0, options.deadline - Date.now())));
  }
  return { status, attempts };
}

/** A batch of spans whose names carry the run tag and a sequence number, so the store can be counted by tag. */
export function taggedBatch(tag: string, first: number, count: number): { body: string; names: string[] } {
  const traceId = hex(16);
  const now = Date.now();
  const names = Array.from({ length: count }, (_, i) => `${tag}-${first + i}`);
  const body = otlpJson(names.map((name, i) => ({ traceId, name, service: 'delivery', startMs: now - 1_000 + i, durationMs: 5 })));
  return { body, names };
}

/** How many times each span name of the run is stored (read from the store directly, not through the gateway). */
export async function storedCounts(db: Db, tag: string): Promise<Map<string, number>> {
  const rows = await db
    .collection('spans')
    .aggregate<{ _id: string; n: number }>([{ $match: { name: { $regex: `^${tag}-` } } }, { $group: { _id: '$name', n: { $sum: 1 } } }])
    .toArray();
  return new Map(rows.map((r) => [r._id, r.n]));
}

/**
 * Runs `workers` senders that each export tagged batches back to back until
 * `until()` says stop, and returns the names of every span whose batch was
 * acknowledged with a 2xx.
 */
export async function steadyIngest(options: {
  url: string;
  apiKey: string;
  tag: string;
  workers: number;
  batchSize: number;
  until: () => boolean;
  retryDeadlineMs: number;
  onOutcome?: (outcome: ExportOutcome) => void;
}): Promise<{ acknowledged: string[]; refused: number }> {
  const acknowledged: string[] = [];
  let refused = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.workers }, async () => {
      while (!options.until()) {
        const { body, names } = taggedBatch(options.tag, next, options.batchSize);
        next += options.batchSize;
        const outcome = await exportWithRetry(options.url, options.apiKey, body, { deadline: Date.now() + options.retryDeadlineMs });
        options.onOutcome?.(outcome);
        if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) acknowledged.push(...names);
        else refused++;
      }
    }),
  );
  return { acknowledged, refused };
}
