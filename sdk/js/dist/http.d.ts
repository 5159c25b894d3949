import { type RateLimit } from './rate-limit.js';
import type { Timestamp } from './types.js';
/** Exponential backoff for network errors (and 429/503 without Retry-After): 0.5 s, 1 s, 2 s … capped at 8 s. */
export declare const BACKOFF_INITIAL_MS = 500;
export declare const BACKOFF_MAX_MS = 8000;
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
export declare function backoffDelayMs(attempt: number, random?: () => number): number;
/** `Retry-After` in milliseconds: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export declare function parseRetryAfterMs(value: string | null, now?: number): number | null;
/** A timestamp parameter: text as given, a Date in UTC with milliseconds. */
export declare function iso(value: Timestamp | undefined): string | undefined;
export declare class Transport {
    readonly options: TransportOptions;
    /** The X-RateLimit-* headers of the latest response. */
    lastRateLimit: RateLimit | null;
    constructor(options: TransportOptions);
    /** Sends the request, retrying as the policy allows; throws the typed error of a final failure. */
    request<T>(request: Request): Promise<Response<T>>;
    private url;
    private send;
}
