# frozen_string_literal: true

require "erb"
require "time"

module MeshTrace
  # One class per section of the REST v1 document; each method is one route.
  module Resources
    def self.segment(value)
      ERB::Util.url_encode(value.to_s)
    end

    # A timestamp parameter: text as given; a Time in UTC with milliseconds.
    def self.iso(value)
      case value
      when nil, String then value
      when Time then value.utc.iso8601(3)
      else
        return value.iso8601 if value.respond_to?(:iso8601)

        raise ArgumentError, "expected a Time, Date or ISO 8601 string, got #{value.class}"
      end
    end

    # GET /v1/traces, GET /v1/traces/{trace_id}, POST /v1/traces/search.
    class Traces
      def initialize(transport)
        @t = transport
      end

      # The first page of traces (limit per page, newest first); enumerate it to
      # walk every page. The window of the first page is kept while paging.
      def list(service: nil, start_time: nil, end_time: nil, min_duration_ms: nil, status: nil, limit: nil, cursor: nil)
        query = { service: service, start_time: Resources.iso(start_time), end_time: Resources.iso(end_time),
                  min_duration_ms: min_duration_ms, status: status, limit: limit }
        fetch = lambda do |page_cursor|
          response = @t.request("GET", "/traces", query: query.merge(cursor: page_cursor))
          body = response.body
          Page.new(items: body["traces"].map { |t| TraceSummary.from_json(t) }, next_cursor: body["next_cursor"],
                   total: body["total_matched"], response: response, &fetch)
        end
        fetch.call(cursor)
      end

      # The trace with all its spans.
      def get(trace_id)
        Trace.from_json(@t.request("GET", "/traces/#{Resources.segment(trace_id)}").body)
      end

      # Traces matching a search expression, in pages like list. A search
      # changes nothing, so it is retried like a GET.
      def search(query, start_time:, end_time:, limit: nil, cursor: nil)
        body = { query: query, start_time: Resources.iso(start_time), end_time: Resources.iso(end_time) }
        body[:limit] = limit unless limit.nil?
        fetch = lambda do |page_cursor|
          payload = page_cursor.nil? ? body : body.merge(cursor: page_cursor)
          response = @t.request("POST", "/traces/search", body: payload, idempotent: true)
          answer = response.body
          Page.new(items: answer["traces"].map { |t| TraceSummary.from_json(t) }, next_cursor: answer["next_cursor"],
                   total: answer["total_matched"], response: response, &fetch)
        end
        fetch.call(cursor)
      end
    end

    # GET /v1/nodes, GET /v1/nodes/{node_id}/health, POST /v1/nodes/{node_id}/heartbeat.
    class Nodes
      HEARTBEAT_FIELDS = %i[cluster version cpu_percent memory_mb uptime_seconds ingestion_rate_sps spans_ingested_total
                            dropped_spans_total otlp_grpc_active otlp_http_active sampling_rate buffer_utilization_pct].freeze

      def initialize(transport)
        @t = transport
      end

      # Collector nodes in node id order, paged by the Link: rel="next" header.
      def list(cluster: nil, status: nil, limit: nil, cursor: nil)
        fetch = lambda do |page_cursor|
          response = @t.request("GET", "/nodes", query: { cluster: cluster, status: status, limit: limit, cursor: page_cursor })
          Page.new(items: response.body["nodes"].map { |n| Node.from_json(n) },
                   next_cursor: Page.cursor_of_link(response.headers["link"]), total: response.body["total"],
                   response: response, &fetch)
        end
        fetch.call(cursor)
      end

      def health(node_id)
        NodeHealth.from_json(@t.request("GET", "/nodes/#{Resources.segment(node_id)}/health").body)
      end

      # Reports a heartbeat (write permission); every field is required. Not
      # retried unless the client was made with retry_non_idempotent: true.
      def heartbeat(node_id, **fields)
        missing = HEARTBEAT_FIELDS - fields.keys
        raise ArgumentError, "missing heartbeat fields: #{missing.join(', ')}" unless missing.empty?

        HeartbeatAck.from_json(@t.request("POST", "/nodes/#{Resources.segment(node_id)}/heartbeat", body: fields).body)
      end
    end

    # GET /v1/services.
    class Services
      def initialize(transport)
        @t = transport
      end

      # Discovered services with their last-24-hour figures (one page, at most 1000).
      def list(cluster: nil)
        ServiceList.from_json(@t.request("GET", "/services", query: { cluster: cluster }).body)
      end
    end

    # GET /v1/topology.
    class TopologyResource
      def initialize(transport)
        @t = transport
      end

      # The service dependency graph over time_window (1h, 6h or 24h).
      def get(cluster: nil, time_window: nil)
        Topology.from_json(@t.request("GET", "/topology", query: { cluster: cluster, time_window: time_window }).body)
      end
    end

    # POST, GET /v1/alerts/rules; GET, PATCH, DELETE /v1/alerts/rules/{id}.
    class AlertRules
      def initialize(transport)
        @t = transport
      end

      # Creates an active rule (admin). condition is a Hash as the document
      # writes it. Not retried unless retry_non_idempotent: a repeated create makes a second rule.
      def create(name:, condition:, channels:, severity: nil)
        body = { name: name, condition: condition, channels: channels }
        body[:severity] = severity unless severity.nil?
        CreatedAlertRule.from_json(@t.request("POST", "/alerts/rules", body: body).body)
      end

      def get(id)
        AlertRule.from_json(@t.request("GET", "/alerts/rules/#{Resources.segment(id)}").body)
      end

      # Rules in creation order, paged by the Link: rel="next" header.
      def list(limit: nil, cursor: nil)
        fetch = lambda do |page_cursor|
          response = @t.request("GET", "/alerts/rules", query: { limit: limit, cursor: page_cursor })
          Page.new(items: response.body["rules"].map { |r| AlertRule.from_json(r) },
                   next_cursor: Page.cursor_of_link(response.headers["link"]), total: response.body["total"],
                   response: response, &fetch)
        end
        fetch.call(cursor)
      end

      # Changes the given fields only; condition fields merge into the current
      # condition ({ for: nil } removes for).
      def update(id, name: nil, condition: nil, channels: nil, severity: nil, status: nil)
        body = { name: name, condition: condition, channels: channels, severity: severity, status: status }.compact
        AlertRule.from_json(@t.request("PATCH", "/alerts/rules/#{Resources.segment(id)}", body: body).body)
      end

      def delete(id)
        @t.request("DELETE", "/alerts/rules/#{Resources.segment(id)}")
        nil
      end
    end
  end
end
