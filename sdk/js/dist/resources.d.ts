import { type Transport } from './http.js';
import { PagePromise } from './pagination.js';
import type { AlertRule, CreateAlertRule, CreatedAlertRule, Heartbeat, HeartbeatAck, ListAlertRulesParams, ListNodesParams, ListServicesParams, ListTracesParams, NodeHealth, NodeSummary, SearchTracesParams, ServiceList, Topology, TopologyParams, Trace, TraceSummary, UpdateAlertRule } from './types.js';
export declare class Traces {
    private readonly transport;
    constructor(transport: Transport);
    /**
     * `GET /v1/traces`: traces newest first, `limit` per page. The window of the
     * first page is kept while paging (the gateway pins it in the cursor).
     */
    list(params?: ListTracesParams): PagePromise<TraceSummary>;
    /** `GET /v1/traces/{trace_id}`: the trace with all its spans. */
    get(traceId: string): Promise<Trace>;
    /** `POST /v1/traces/search`: traces matching a search expression, in pages like `list`. Retried like a GET: it only reads. */
    search(params: SearchTracesParams): PagePromise<TraceSummary>;
}
export declare class Nodes {
    private readonly transport;
    constructor(transport: Transport);
    /** `GET /v1/nodes`: collector nodes in node id order, paged by the `Link: rel="next"` header. */
    list(params?: ListNodesParams): PagePromise<NodeSummary>;
    /** `GET /v1/nodes/{node_id}/health`. */
    health(nodeId: string): Promise<NodeHealth>;
    /** `POST /v1/nodes/{node_id}/heartbeat` (write permission). Not retried unless `retryNonIdempotent` is set. */
    heartbeat(nodeId: string, heartbeat: Heartbeat): Promise<HeartbeatAck>;
}
export declare class Services {
    private readonly transport;
    constructor(transport: Transport);
    /** `GET /v1/services`: discovered services with their last-24-hour figures (one page, at most 1000). */
    list(params?: ListServicesParams): Promise<ServiceList>;
}
export declare class TopologyResource {
    private readonly transport;
    constructor(transport: Transport);
    /** `GET /v1/topology`: the service dependency graph over `time_window` (1h, 6h or 24h). */
    get(params?: TopologyParams): Promise<Topology>;
}
export declare class AlertRules {
    private readonly transport;
    constructor(transport: Transport);
    /** `POST /v1/alerts/rules` (admin). Not retried unless `retryNonIdempotent` is set: a repeated create makes a second rule. */
    create(rule: CreateAlertRule): Promise<CreatedAlertRule>;
    /** `GET /v1/alerts/rules/{id}`. */
    get(id: string): Promise<AlertRule>;
    /** `GET /v1/alerts/rules`: rules in creation order, paged by the `Link: rel="next"` header. */
    list(params?: ListAlertRulesParams): PagePromise<AlertRule>;
    /** `PATCH /v1/alerts/rules/{id}`: changes the given fields; condition fields merge into the current condition. */
    update(id: string, patch: UpdateAlertRule): Promise<AlertRule>;
    /** `DELETE /v1/alerts/rules/{id}`. */
    delete(id: string): Promise<void>;
}
