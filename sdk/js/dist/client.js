import { MeshTraceError } from './errors.js';
import { Transport } from './http.js';
import { AlertRules, Nodes, Services, TopologyResource, Traces } from './resources.js';
export const DEFAULT_BASE_URL = 'http://127.0.0.1:4000/v1';
/** `process.env` where there is one (Node.js), nothing in a browser. */
function environment(name) {
    const process = globalThis.process;
    const value = process?.env?.[name];
    return value === undefined || value === '' ? undefined : value;
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
export class MeshTrace {
    traces;
    nodes;
    services;
    topology;
    alertRules;
    baseUrl;
    transport;
    constructor(options = {}) {
        const apiKey = options.apiKey ?? environment('MESH_TRACE_API_KEY');
        if (apiKey === undefined || apiKey === '') {
            throw new MeshTraceError('No API key: pass new MeshTrace({ apiKey }) or set MESH_TRACE_API_KEY');
        }
        const maxRetries = options.maxRetries ?? 2;
        if (!Number.isInteger(maxRetries) || maxRetries < 0)
            throw new MeshTraceError('maxRetries must be an integer of 0 or more');
        const fetchImpl = options.fetch ?? globalThis.fetch;
        if (typeof fetchImpl !== 'function')
            throw new MeshTraceError('No fetch: pass options.fetch on runtimes without a global fetch');
        this.baseUrl = (options.baseUrl ?? environment('MESH_TRACE_BASE_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
        this.transport = new Transport({
            baseUrl: this.baseUrl,
            apiKey,
            timeoutMs: options.timeoutMs ?? 30_000,
            maxRetries,
            maxRetryWaitMs: options.maxRetryWaitMs ?? 120_000,
            retryNonIdempotent: options.retryNonIdempotent ?? false,
            headers: options.headers ?? {},
            // Called unbound, a browser's fetch throws "Illegal invocation".
            fetch: (input, init) => fetchImpl(input, init),
        });
        this.traces = new Traces(this.transport);
        this.nodes = new Nodes(this.transport);
        this.services = new Services(this.transport);
        this.topology = new TopologyResource(this.transport);
        this.alertRules = new AlertRules(this.transport);
    }
    /** The X-RateLimit-* headers of the latest response; null before the first. */
    get rateLimit() {
        return this.transport.lastRateLimit;
    }
}
