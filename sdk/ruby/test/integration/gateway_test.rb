# frozen_string_literal: true

require_relative "fixture"

class GatewayTest < Minitest::Test
  include GatewayFixture

  def test_walks_every_page_while_another_writer_ingests
    walk = fx["walk"]
    traces = client.traces.list(service: walk["service"], limit: walk["page_size"])
    assert_kind_of MeshTrace::Page, traces
    assert_equal walk["page_size"], traces.items.size
    started = Time.now
    seen = traces.map do |trace|
      assert_kind_of MeshTrace::TraceSummary, trace
      sleep 0.06
      trace.trace_id
    end
    finished = Time.now
    File.write(File.join(fx["report_dir"], "walk.json"),
               JSON.generate({ started_ms: (started.to_f * 1000).round, finished_ms: (finished.to_f * 1000).round, trace_ids: seen }))
    assert_equal seen.uniq, seen, "a trace came twice"
    assert_equal walk["trace_ids"], seen.last(walk["trace_ids"].size), "a seeded trace was skipped or misplaced"
  end

  def test_reads_one_page_at_a_time_and_stops_early
    walk = fx["walk"]
    first = client.traces.list(service: walk["service"], limit: walk["page_size"])
    assert first.next_page?
    assert_operator first.total, :>=, walk["trace_ids"].size
    second = first.next_page
    assert_equal walk["page_size"], second.items.size
    assert_empty first.items.map(&:trace_id) & second.items.map(&:trace_id)
    resumed = client.traces.list(service: walk["service"], limit: walk["page_size"], cursor: first.next_cursor)
    assert_equal second.items.map(&:trace_id), resumed.items.map(&:trace_id)
    assert_equal 2, first.first(2).size
  end

  def test_gets_a_trace_with_every_any_value_type_exact
    expected = fx["any_value"]
    trace = client.traces.get(expected["trace_id"])
    assert_equal [expected["trace_id"], 1], [trace.trace_id, trace.span_count]
    span = trace.spans.first
    assert_equal expected["span_id"], span.span_id
    assert_nil span.parent_span_id
    assert_equal expected["attributes"], span.attributes
    assert_equal 9_223_372_036_854_775_807, Integer(span.attributes["int64.max"], 10)
    assert_kind_of Integer, span.attributes["int.max_safe"]
    assert_kind_of Float, span.attributes["double"]
    assert_equal [[expected["event"]["name"], expected["event"]["attributes"]]], span.events.map { |e| [e.name, e.attributes] }
    assert span.started_at.utc?
  end

  def test_searches_with_the_search_language_across_pages
    search = fx["search"]
    found = client.traces.search(search["query"], start_time: search["start_time"], end_time: Time.iso8601(search["end_time"]), limit: 1)
    assert_equal search["trace_ids"].size, found.total
    assert_equal search["trace_ids"], found.map(&:trace_id)
    assert(found.all? { |t| t.status == "error" })
  end

  def test_nodes_heartbeat_list_and_health
    figures = { cluster: "prod-eu-1", version: "3.2.1", cpu_percent: 12.4, memory_mb: 256, uptime_seconds: 604_821,
                ingestion_rate_sps: 4782, spans_ingested_total: 284_910, dropped_spans_total: 0, otlp_grpc_active: true,
                otlp_http_active: true, sampling_rate: 0.15, buffer_utilization_pct: 8.2 }
    c = client
    %w[rb-node-a rb-node-b].each do |id|
      ack = c.nodes.heartbeat(id, **figures)
      assert_equal [id, "healthy"], [ack.node_id, ack.status]
    end
    assert_equal %w[rb-node-a rb-node-b], c.nodes.list(limit: 1).map(&:node_id)
    health = c.nodes.health("rb-node-a")
    assert_equal [604_821, 0.15, true], [health.uptime_seconds, health.sampling_rate, health.otlp_grpc_active]
    error = assert_raises(MeshTrace::NotFoundError) { c.nodes.health("rb-node-missing") }
    assert_equal "node_id", error.param
  end

  def test_services_and_topology
    c = client
    services = c.services.list
    assert_empty fx["services"] - services.services.map(&:name)
    topology = c.topology.get(time_window: "1h")
    edge = fx["topology"]
    assert(topology.edges.any? { |e| e.source == edge["source"] && e.target == edge["target"] && e.request_count == 1 })
  end

  def test_alert_rules_create_get_list_update_delete
    c = client
    condition = { metric: "error_rate", service: fx["walk"]["service"], operator: ">", threshold: 0.05, window: "5m" }
    created = [0, 1].map { |n| c.alert_rules.create(name: "rb rule #{n}", condition: condition, channels: %w[slack pagerduty], severity: "critical") }
    assert(created.all? { |r| r.status == "active" })
    ids = created.map(&:id)
    assert_equal ids, c.alert_rules.list(limit: 1).map(&:id).select { |id| ids.include?(id) }
    rule = c.alert_rules.get(ids[0])
    assert_equal ["rb rule 0", "critical", 0.05, nil], [rule.name, rule.severity, rule.condition.threshold, rule.condition.for]
    updated = c.alert_rules.update(ids[0], status: "paused", condition: { threshold: 0.1, for: "2m" })
    assert_equal ["paused", 0.1, "2m", "5m"], [updated.status, updated.condition.threshold, updated.condition.for, updated.condition.window]
    ids.each { |id| c.alert_rules.delete(id) }
    error = assert_raises(MeshTrace::NotFoundError) { c.alert_rules.get(ids[0]) }
    assert_equal [404, "not_found", "id"], [error.status, error.code, error.param]
  end

  def test_typed_errors_on_400_404_and_401
    c = client
    bad = assert_raises(MeshTrace::BadRequestError) { c.traces.list(limit: 500) }
    assert_equal [400, "invalid_parameter", "limit"], [bad.status, bad.code, bad.param]
    assert_equal "Parameter 'limit' must be an integer from 1 to 200", bad.message
    assert_match(/\Areq_/, bad.request_id)
    missing = assert_raises(MeshTrace::NotFoundError) { c.traces.get("ab" * 16) }
    assert_equal [404, "not_found", "trace_id"], [missing.status, missing.code, missing.param]
    refused = assert_raises(MeshTrace::AuthenticationError) { client(api_key: "mtk_live_#{'0' * 32}").services.list }
    assert_equal [401, "unauthorized"], [refused.status, refused.code]
  end

  def test_exposes_the_rate_limit_headers
    c = client
    c.services.list
    limit = c.rate_limit
    assert_equal 1000, limit.limit
    assert limit.remaining.between?(0, 999)
    assert_operator limit.reset_at, :>, Time.now
  end
end
