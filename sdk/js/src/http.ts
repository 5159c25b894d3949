import { APIConnectionError, APIError, APITimeoutError, apiError } from './errors.js';
import { rateLimitOf, type RateLimit } from './rate-limit.js';
import type { Timestamp } from './types.js';

/** Methods whose repetition has the effect of one request (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** Statuses the gateway documents as "retry later": rate limited, store unavailable. */
const RETRY_STATUSES = new Set([429, 503]);
/** Exponential backoff for network errors (and 429/503 without Retry-After): 0.5 s, 1 s, 2 s … capped at 8 s. */
export const BACKOFF_INITIAL_MS = 500;
export const BACKOFF_MAX_MS = 8_000;

export interface TransportOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxRetryWaitMs: number;
  readonly retryNonIdempotent: boolean;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: typeof fetch;
}

export interface Request {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below the base URL, starting with '/'. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  /** Overrides the method's idempotency (a search is a POST that only reads). */
  readonly idempotent?: boolean;
}

export interface Response<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly rateLimit: RateLimit | null;
  readonly requestId: string | null;
}

/**
 * Delay before retry number `attempt` (0-based) after a network error: the
 * exponential step, of which the upper half is random ("equal jitter"), so
 * that clients failing together do not retry together.
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** attempt);
  return step / 2 + (random() * step) / 2;
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A timestamp parameter: text as given, a Date in UTC with milliseconds. */
export function iso(value: Timestamp | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Transport {
  /** The X-RateLimit-* headers of the latest response. */
  lastRateLimit: RateLimit | null = null;

  constructor(readonly options: TransportOptions) {}

  /** Sends the request, retrying as the policy allows; throws the typed error of a final failure. */
  async request<T>(request: Request): Promise<Response<T>> {
    const safe = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
    const retryable = safe || this.options.retryNonIdempotent;
    for (let attempt = 0; ; attempt++) {
      let delayMs: number;
      try {
        return await this.send<T>(request);
      } catch (error) {
        const canRetry = retryable && attempt < this.options.maxRetries;
        if (error instanceof APIError) {
          if (!canRetry || !RETRY_STATUSES.has(error.status)) throw error;
          delayMs = error.retryAfter !== null ? error.retryAfter * 1000 : backoffDelayMs(attempt);
          if (delayMs > this.options.maxRetryWaitMs) throw error;
        } else if (error instanceof APIConnectionError && canRetry) {
          delayMs = backoffDelayMs(attempt);
        } else {
          throw error;
        }
      }
      await sleep(delayMs);
    }
  }

  private url(request: Request): string {
    const url = `${this.options.baseUrl}${request.path}`;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) params.set(name, String(value));
    const query = params.toString();
    return query === '' ? url : `${url}?${query}`;
  }

  private async send<T>(request: Request): Promise<Response<T>> {
    const url = this.url(request);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.apiKey}`,
      accept: 'application/json',
      ...this.options.headers,
    };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    let answer: globalThis.Response;
    let text: string;
    try {
      answer = await this.options.fetch(url, { method: request.method, headers, body, signal: controller.signal });
      text = await answer.text();
    } catch (error) {
      if (controller.signal.aborted)
        throw new APITimeoutError(`${request.method} ${url}: no response within ${this.options.timeoutMs} ms`, { cause: error });
      throw new APIConnectionError(`${request.method} ${url}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
    const rateLimit = rateLimitOf(answer.headers);
    if (rateLimit !== null) this.lastRateLimit = rateLimit;
    const requestId = answer.headers.get('x-request-id');
    const parsed = parseJson(text);
    if (answer.status >= 400) throw errorOf(answer, parsed, rateLimit, requestId);
    return { status: answer.status, headers: answer.headers, body: parsed as T, rateLimit, requestId };
  }
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function field(envelope: unknown, name: string): string | null {
  if (typeof envelope !== 'object' || envelope === null) return null;
  const error = (envelope as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

function errorOf(answer: globalThis.Response, body: unknown, rateLimit: RateLimit | null, requestId: string | null): APIError {
  const retryAfterMs = parseRetryAfterMs(answer.headers.get('retry-after'));
  return apiError({
    status: answer.status,
    code: field(body, 'code') ?? `http_${answer.status}`,
    message: field(body, 'message') ?? `HTTP ${answer.status}`,
    param: field(body, 'param'),
    request_id: field(body, 'request_id') ?? requestId,
    headers: answer.headers,
    rateLimit,
    retryAfter: retryAfterMs === null ? null : retryAfterMs / 1000,
  });
}
