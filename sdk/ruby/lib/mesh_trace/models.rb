# frozen_string_literal: true

require "time"

module MeshTrace
  # Typed models of the documented JSON, as Structs with the document's field
  # names. Timestamps are UTC Time values; fields a newer gateway may add are
  # ignored. Attribute maps are Hashes of the JSON values (see README: int64).
  module Model
    def self.time(text)
      text.nil? ? nil : Time.iso8601(text).utc
    end

    # Defines a Struct of the given JSON fields and a from_json that picks
    # them out of a parsed object (converting the fields named in `convert`).
    def self.define(*fields, **convert)
      Struct.new(*fields, keyword_init: true) do
        define_singleton_method(:from_json) do |data|
          new(**fields.to_h { |field| [field, convert.key?(field) ? convert[field].call(data[field.to_s]) : data[field.to_s]] })
        end
      end
    end

    TIME = method(:time)
  end

  SpanEvent = Model.define(:name, :timestamp, :attributes, timestamp: Model::TIME)
  Span = Model.define(:span_id, :parent_span_id, :operation_name, :service_name, :duration_ms, :status_code,
                      :attributes, :started_at, :events,
                      started_at: Model::TIME, events: ->(list) { list.map { |e| SpanEvent.from_json(e) } })
  Trace = Model.define(:trace_id, :duration_ms, :span_count, :spans, spans: ->(list) { list.map { |s| Span.from_json(s) } })
  TraceSummary = Model.define(:trace_id, :root_service, :root_operation, :duration_ms, :span_count, :status,
                              :started_at, :services, started_at: Model::TIME)
  Node = Model.define(:node_id, :cluster, :version, :status, :spans_ingested_1h, :cpu_percent, :memory_mb,
                      :last_heartbeat, last_heartbeat: Model::TIME)
  NodeHealth = Model.define(:node_id, :status, :uptime_seconds, :ingestion_rate_sps, :dropped_spans_1h, :otlp_grpc_active,
                            :otlp_http_active, :sampling_rate, :buffer_utilization_pct)
  HeartbeatAck = Model.define(:node_id, :status, :last_heartbeat, last_heartbeat: Model::TIME)
  Service = Model.define(:name, :namespace, :cluster, :first_seen, :span_count_24h, :error_rate_24h, :p99_latency_ms,
                         first_seen: Model::TIME)
  ServiceList = Model.define(:services, :total, services: ->(list) { list.map { |s| Service.from_json(s) } })
  TopologyNode = Model.define(:id, :type)
  TopologyEdge = Model.define(:source, :target, :request_count, :error_rate, :p50_latency_ms, :p99_latency_ms)
  Topology = Model.define(:nodes, :edges,
                          nodes: ->(list) { list.map { |n| TopologyNode.from_json(n) } },
                          edges: ->(list) { list.map { |e| TopologyEdge.from_json(e) } })
  AlertEdge = Model.define(:source, :target)
  # `for` is nil when the rule fires as soon as the condition holds (read it as condition.for).
  AlertCondition = Model.define(:metric, :service, :edge, :operator, :threshold, :window, :for,
                                edge: ->(edge) { edge && AlertEdge.from_json(edge) })
  AlertRule = Model.define(:id, :name, :condition, :channels, :severity, :status, :state, :created_at, :updated_at,
                           :last_evaluated_at,
                           condition: ->(c) { AlertCondition.from_json(c) }, created_at: Model::TIME,
                           updated_at: Model::TIME, last_evaluated_at: Model::TIME)
  CreatedAlertRule = Model.define(:id, :name, :status, :created_at, created_at: Model::TIME)
end
