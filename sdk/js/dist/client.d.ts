import type { RateLimit } from './rate-limit.js';
import { AlertRules, Nodes, Services, TopologyResource, Traces } from './resources.js';
export declare const DEFAULT_BASE_URL = "http://127.0.0.1:4000/v1";
export interface ClientOptions {
    /** Default: `MESH_TRACE_API_KEY` (Node.js). Required. */
    apiKey?: string;
    /** Default: `MESH_TRACE_BASE_URL` (Node.js), else `http://127.0.0.1:4000/v1`. */
    baseUrl?: string;
    /** Per attempt, in milliseconds. Default 30 000. */
    timeoutMs?: number;
    /** Retries after the first attempt. Default 2. */
    maxRetries?: number;
    /** A longer `Retry-After` is not waited for: the error is thrown at once. Default 120 000 ms. */
    maxRetryWaitMs?: number;
    /** Also retry POST and PATCH requests (heartbeats, rule creation and updates). Default false. */
    retryNonIdempotent?: boolean;
    /** Extra request headers. */
    headers?: Record<string, string>;
    /** The fetch to use. Default: the global one (Node.js 20+, browsers). */
    fetch?: typeof fetch;
}
/**
 * A client of the Mesh-Trace REST API v1.
 *
 * Retries: a request answered 429 or 503 is repeated after the `Retry-After`
 * the gateway sent (exponential backoff when it sent none), and one that failed
 * on the network after an exponential backoff with jitter, at most `maxRetries`
 * times. Only requests that change nothing when repeated are retried — GET,
 * DELETE and trace search — unless `retryNonIdempotent` is set.
 */
export declare class MeshTrace {
    readonly traces: Traces;
    readonly nodes: Nodes;
    readonly services: Services;
    readonly topology: TopologyResource;
    readonly alertRules: AlertRules;
    readonly baseUrl: string;
    private readonly transport;
    constructor(options?: ClientOptions);
    /** The X-RateLimit-* headers of the latest response; null before the first. */
    get rateLimit(): RateLimit | null;
}
