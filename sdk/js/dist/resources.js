import { iso } from './http.js';
import { cursorOfLink, Page, PagePromise } from './pagination.js';
const segment = encodeURIComponent;
/* One class per section of the REST v1 document; each method is one route. */
export class Traces {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /**
     * `GET /v1/traces`: traces newest first, `limit` per page. The window of the
     * first page is kept while paging (the gateway pins it in the cursor).
     */
    list(params = {}) {
        const query = {
            service: params.service,
            start_time: iso(params.start_time),
            end_time: iso(params.end_time),
            min_duration_ms: params.min_duration_ms,
            status: params.status,
            limit: params.limit,
        };
        const fetchPage = async (cursor) => {
            const response = await this.transport.request({ method: 'GET', path: '/traces', query: { ...query, cursor } });
            const { traces, next_cursor, total_matched } = response.body;
            return new Page({ items: traces, nextCursor: next_cursor, total: total_matched, response }, fetchPage);
        };
        return new PagePromise(() => fetchPage(params.cursor));
    }
    /** `GET /v1/traces/{trace_id}`: the trace with all its spans. */
    async get(traceId) {
        return (await this.transport.request({ method: 'GET', path: `/traces/${segment(traceId)}` })).body;
    }
    /** `POST /v1/traces/search`: traces matching a search expression, in pages like `list`. Retried like a GET: it only reads. */
    search(params) {
        const body = {
            query: params.query,
            start_time: iso(params.start_time),
            end_time: iso(params.end_time),
            ...(params.limit !== undefined ? { limit: params.limit } : {}),
        };
        const fetchPage = async (cursor) => {
            const response = await this.transport.request({
                method: 'POST',
                path: '/traces/search',
                body: cursor === undefined ? body : { ...body, cursor },
                idempotent: true,
            });
            const { traces, next_cursor, total_matched } = response.body;
            return new Page({ items: traces, nextCursor: next_cursor, total: total_matched, response }, fetchPage);
        };
        return new PagePromise(() => fetchPage(params.cursor));
    }
}
export class Nodes {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** `GET /v1/nodes`: collector nodes in node id order, paged by the `Link: rel="next"` header. */
    list(params = {}) {
        const query = { cluster: params.cluster, status: params.status, limit: params.limit };
        const fetchPage = async (cursor) => {
            const response = await this.transport.request({ method: 'GET', path: '/nodes', query: { ...query, cursor } });
            return new Page({ items: response.body.nodes, nextCursor: cursorOfLink(response.headers.get('link')), total: response.body.total, response }, fetchPage);
        };
        return new PagePromise(() => fetchPage(params.cursor));
    }
    /** `GET /v1/nodes/{node_id}/health`. */
    async health(nodeId) {
        return (await this.transport.request({ method: 'GET', path: `/nodes/${segment(nodeId)}/health` })).body;
    }
    /** `POST /v1/nodes/{node_id}/heartbeat` (write permission). Not retried unless `retryNonIdempotent` is set. */
    async heartbeat(nodeId, heartbeat) {
        return (await this.transport.request({ method: 'POST', path: `/nodes/${segment(nodeId)}/heartbeat`, body: heartbeat }))
            .body;
    }
}
export class Services {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** `GET /v1/services`: discovered services with their last-24-hour figures (one page, at most 1000). */
    async list(params = {}) {
        return (await this.transport.request({ method: 'GET', path: '/services', query: { cluster: params.cluster } })).body;
    }
}
export class TopologyResource {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** `GET /v1/topology`: the service dependency graph over `time_window` (1h, 6h or 24h). */
    async get(params = {}) {
        const query = { cluster: params.cluster, time_window: params.time_window };
        return (await this.transport.request({ method: 'GET', path: '/topology', query })).body;
    }
}
export class AlertRules {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** `POST /v1/alerts/rules` (admin). Not retried unless `retryNonIdempotent` is set: a repeated create makes a second rule. */
    async create(rule) {
        return (await this.transport.request({ method: 'POST', path: '/alerts/rules', body: rule })).body;
    }
    /** `GET /v1/alerts/rules/{id}`. */
    async get(id) {
        return (await this.transport.request({ method: 'GET', path: `/alerts/rules/${segment(id)}` })).body;
    }
    /** `GET /v1/alerts/rules`: rules in creation order, paged by the `Link: rel="next"` header. */
    list(params = {}) {
        const fetchPage = async (cursor) => {
            const response = await this.transport.request({
                method: 'GET',
                path: '/alerts/rules',
                query: { limit: params.limit, cursor },
            });
            return new Page({ items: response.body.rules, nextCursor: cursorOfLink(response.headers.get('link')), total: response.body.total, response }, fetchPage);
        };
        return new PagePromise(() => fetchPage(params.cursor));
    }
    /** `PATCH /v1/alerts/rules/{id}`: changes the given fields; condition fields merge into the current condition. */
    async update(id, patch) {
        return (await this.transport.request({ method: 'PATCH', path: `/alerts/rules/${segment(id)}`, body: patch })).body;
    }
    /** `DELETE /v1/alerts/rules/{id}`. */
    async delete(id) {
        await this.transport.request({ method: 'DELETE', path: `/alerts/rules/${segment(id)}` });
    }
}
