import { iso, type Transport } from './http.js';
import { cursorOfLink, Page, PagePromise } from './pagination.js';
import type {
  AlertRule,
  AlertRuleList,
  CreateAlertRule,
  CreatedAlertRule,
  Heartbeat,
  HeartbeatAck,
  ListAlertRulesParams,
  ListNodesParams,
  ListServicesParams,
  ListTracesParams,
  NodeHealth,
  NodeList,
  NodeSummary,
  SearchTracesParams,
  ServiceList,
  Topology,
  TopologyParams,
  Trace,
  TraceList,
  TraceSummary,
  UpdateAlertRule,
} from './types.js';

const segment = encodeURIComponent;

/* One class per section of the REST v1 document; each method is one route. */

export class Traces {
  constructor(private readonly transport: Transport) {}

  /**
   * `GET /v1/traces`: traces newest first, `limit` per page. The window of the
   * first page is kept while paging (the gateway pins it in the cursor).
   */
  list(params: ListTracesParams = {}): PagePromise<TraceSummary> {
    const query = {
      service: params.service,
      start_time: iso(params.start_time),
      end_time: iso(params.end_time),
      min_duration_ms: params.min_duration_ms,
      status: params.status,
      limit: params.limit,
    };
    const fetchPage = async (cursor: string | undefined): Promise<Page<TraceSummary>> => {
      const response = await this.transport.request<TraceList>({ method: 'GET', path: '/traces', query: { ...query, cursor } });
      const { traces, next_cursor, total_matched } = response.body;
      return new Page({ items: traces, nextCursor: next_cursor, total: total_matched, response }, fetchPage);
    };
    return new PagePromise(() => fetchPage(params.cursor));
  }

  /** `GET /v1/traces/{trace_id}`: the trace with all its spans. */
  async get(traceId: string): Promise<Trace> {
    return (await this.transport.request<Trace>({ method: 'GET', path: `/traces/${segment(traceId)}` })).body;
  }

  /** `POST /v1/traces/search`: traces matching a search expression, in pages like `list`. Retried like a GET: it only reads. */
  search(params: SearchTracesParams): PagePromise<TraceSummary> {
    const body = {
      query: params.query,
      start_time: iso(params.start_time),
      end_time: iso(params.end_time),
      ...(params.limit !== undefined ? { limit: params.limit } : {}),
    };
    const fetchPage = async (cursor: string | undefined): Promise<Page<TraceSummary>> => {
      const response = await this.transport.request<TraceList>({
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
  constructor(private readonly transport: Transport) {}

  /** `GET /v1/nodes`: collector nodes in node id order, paged by the `Link: rel="next"` header. */
  list(params: ListNodesParams = {}): PagePromise<NodeSummary> {
    const query = { cluster: params.cluster, status: params.status, limit: params.limit };
    const fetchPage = async (cursor: string | undefined): Promise<Page<NodeSummary>> => {
      const response = await this.transport.request<NodeList>({ method: 'GET', path: '/nodes', query: { ...query, cursor } });
      return new Page(
        { items: response.body.nodes, nextCursor: cursorOfLink(response.headers.get('link')), total: response.body.total, response },
        fetchPage,
      );
    };
    return new PagePromise(() => fetchPage(params.cursor));
  }

  /** `GET /v1/nodes/{node_id}/health`. */
  async health(nodeId: string): Promise<NodeHealth> {
    return (await this.transport.request<NodeHealth>({ method: 'GET', path: `/nodes/${segment(nodeId)}/health` })).body;
  }

  /** `POST /v1/nodes/{node_id}/heartbeat` (write permission). Not retried unless `retryNonIdempotent` is set. */
  async heartbeat(nodeId: string, heartbeat: Heartbeat): Promise<HeartbeatAck> {
    return (await this.transport.request<HeartbeatAck>({ method: 'POST', path: `/nodes/${segment(nodeId)}/heartbeat`, body: heartbeat }))
      .body;
  }
}

export class Services {
  constructor(private readonly transport: Transport) {}

  /** `GET /v1/services`: discovered services with their last-24-hour figures (one page, at most 1000). */
  async list(params: ListServicesParams = {}): Promise<ServiceList> {
    return (await this.transport.request<ServiceList>({ method: 'GET', path: '/services', query: { cluster: params.cluster } })).body;
  }
}

export class TopologyResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /v1/topology`: the service dependency graph over `time_window` (1h, 6h or 24h). */
  async get(params: TopologyParams = {}): Promise<Topology> {
    const query = { cluster: params.cluster, time_window: params.time_window };
    return (await this.transport.request<Topology>({ method: 'GET', path: '/topology', query })).body;
  }
}

export class AlertRules {
  constructor(private readonly transport: Transport) {}

  /** `POST /v1/alerts/rules` (admin). Not retried unless `retryNonIdempotent` is set: a repeated create makes a second rule. */
  async create(rule: CreateAlertRule): Promise<CreatedAlertRule> {
    return (await this.transport.request<CreatedAlertRule>({ method: 'POST', path: '/alerts/rules', body: rule })).body;
  }

  /** `GET /v1/alerts/rules/{id}`. */
  async get(id: string): Promise<AlertRule> {
    return (await this.transport.request<AlertRule>({ method: 'GET', path: `/alerts/rules/${segment(id)}` })).body;
  }

  /** `GET /v1/alerts/rules`: rules in creation order, paged by the `Link: rel="next"` header. */
  list(params: ListAlertRulesParams = {}): PagePromise<AlertRule> {
    const fetchPage = async (cursor: string | undefined): Promise<Page<AlertRule>> => {
      const response = await this.transport.request<AlertRuleList>({
        method: 'GET',
        path: '/alerts/rules',
        query: { limit: params.limit, cursor },
      });
      return new Page(
        { items: response.body.rules, nextCursor: cursorOfLink(response.headers.get('link')), total: response.body.total, response },
        fetchPage,
      );
    };
    return new PagePromise(() => fetchPage(params.cursor));
  }

  /** `PATCH /v1/alerts/rules/{id}`: changes the given fields; condition fields merge into the current condition. */
  async update(id: string, patch: UpdateAlertRule): Promise<AlertRule> {
    return (await this.transport.request<AlertRule>({ method: 'PATCH', path: `/alerts/rules/${segment(id)}`, body: patch })).body;
  }

  /** `DELETE /v1/alerts/rules/{id}`. */
  async delete(id: string): Promise<void> {
    await this.transport.request<null>({ method: 'DELETE', path: `/alerts/rules/${segment(id)}` });
  }
}
