import { APIConnectionError, APIError, APITimeoutError, apiError } from './errors.js';
import { rateLimitOf } from './rate-limit.js';
/** Methods whose repetition has the effect of one request (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** Statuses the gateway documents as "retry later": rate limited, store unavailable. */
const RETRY_STATUSES = new Set([429, 503]);
/** Exponential backoff for network errors (and 429/503 without Retry-After): 0.5 s, 1 s, 2 s … capped at 8 s. */
export const BACKOFF_INITIAL_MS = 500;
export const BACKOFF_MAX_MS = 8_000;
/**
 * Delay before retry number `attempt` (0-based) after a network error: the
 * exponential step, of which the upper half is random ("equal jitter"), so
 * that clients failing together do not retry together.
 */
export function backoffDelayMs(attempt, random = Math.random) {
    const step = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** attempt);
    return step / 2 + (random() * step) / 2;
}
/** `Retry-After` in milliseconds: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value, now = Date.now()) {
    if (value === null || value.trim() === '')
        return null;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const at = Date.parse(text);
    return Number.isNaN(at) ? null : Math.max(0, at - now);
}
/** A timestamp parameter: text as given, a Date in UTC with milliseconds. */
export function iso(value) {
    return value instanceof Date ? value.toISOString() : value;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export class Transport {
    options;
    /** The X-RateLimit-* headers of the latest response. */
    lastRateLimit = null;
    constructor(options) {
        this.options = options;
    }
    /** Sends the request, retrying as the policy allows; throws the typed error of a final failure. */
    async request(request) {
        const safe = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
        const retryable = safe || this.options.retryNonIdempotent;
        for (let attempt = 0;; attempt++) {
            let delayMs;
            try {
                return await this.send(request);
            }
            catch (error) {
                const canRetry = retryable && attempt < this.options.maxRetries;
                if (error instanceof APIError) {
                    if (!canRetry || !RETRY_STATUSES.has(error.status))
                        throw error;
                    delayMs = error.retryAfter !== null ? error.retryAfter * 1000 : backoffDelayMs(attempt);
                    if (delayMs > this.options.maxRetryWaitMs)
                        throw error;
                }
                else if (error instanceof APIConnectionError && canRetry) {
                    delayMs = backoffDelayMs(attempt);
                }
                else {
                    throw error;
                }
            }
            await sleep(delayMs);
        }
    }
    url(request) {
        const url = `${this.options.baseUrl}${request.path}`;
        const params = new URLSearchParams();
        for (const [name, value] of Object.entries(request.query ?? {}))
            if (value !== undefined)
                params.set(name, String(value));
        const query = params.toString();
        return query === '' ? url : `${url}?${query}`;
    }
    async send(request) {
        const url = this.url(request);
        const headers = {
            authorization: `Bearer ${this.options.apiKey}`,
            accept: 'application/json',
            ...this.options.headers,
        };
        let body;
        if (request.body !== undefined) {
            body = JSON.stringify(request.body);
            headers['content-type'] = 'application/json';
        }
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
        let answer;
        let text;
        try {
            answer = await this.options.fetch(url, { method: request.method, headers, body, signal: controller.signal });
            text = await answer.text();
        }
        catch (error) {
            if (controller.signal.aborted)
                throw new APITimeoutError(`${request.method} ${url}: no response within ${this.options.timeoutMs} ms`, { cause: error });
            throw new APIConnectionError(`${request.method} ${url}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        finally {
            clearTimeout(timer);
        }
        const rateLimit = rateLimitOf(answer.headers);
        if (rateLimit !== null)
            this.lastRateLimit = rateLimit;
        const requestId = answer.headers.get('x-request-id');
        const parsed = parseJson(text);
        if (answer.status >= 400)
            throw errorOf(answer, parsed, rateLimit, requestId);
        return { status: answer.status, headers: answer.headers, body: parsed, rateLimit, requestId };
    }
}
function parseJson(text) {
    if (text === '')
        return null;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function field(envelope, name) {
    if (typeof envelope !== 'object' || envelope === null)
        return null;
    const error = envelope.error;
    if (typeof error !== 'object' || error === null)
        return null;
    const value = error[name];
    return typeof value === 'string' ? value : null;
}
function errorOf(answer, body, rateLimit, requestId) {
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
