# frozen_string_literal: true

require "minitest/autorun"
require "mesh_trace"
require_relative "scripted_server"

class ClientTest < Minitest::Test
  KEY = "mtk_live_unit_test_key_000000"
  EMPTY = { traces: [], next_cursor: nil, total_matched: 0 }.freeze
  HEADERS = { "X-RateLimit-Limit" => "1000", "X-RateLimit-Remaining" => "997", "X-RateLimit-Reset" => "1710504000",
              "X-Request-Id" => "req_7f3a8b2e4d" }.freeze
  IDS = (0...7).map { |n| n.to_s(16).rjust(32, "0") }.freeze

  def setup
    @server = ScriptedServer.new
    @slept = []
    @client = client
  end

  def teardown
    @server.close
  end

  def client(**options)
    c = MeshTrace::Client.new(api_key: KEY, base_url: @server.url, **options)
    c.instance_variable_get(:@transport).sleeper = ->(seconds) { @slept << seconds }
    c
  end

  def pages_of(ids, size)
    chunks = ids.each_slice(size).to_a
    chunks.each_with_index.map do |chunk, n|
      { body: { traces: chunk.map { |id| summary(id) }, next_cursor: n + 1 < chunks.size ? "c#{n + 1}" : nil, total_matched: ids.size } }
    end
  end

  def with_env(values)
    saved = values.keys.to_h { |k| [k, ENV.fetch(k, nil)] }
    values.each { |k, v| ENV[k] = v }
    yield
  ensure
    saved.each { |k, v| ENV[k] = v }
  end

  def test_takes_key_and_base_url_from_the_environment_arguments_first
    with_env("MESH_TRACE_API_KEY" => "mtk_live_from_env_0000000000", "MESH_TRACE_BASE_URL" => "https://gateway.example/v1/") do
      assert_equal "https://gateway.example/v1", MeshTrace::Client.new.base_url
      assert_equal "http://arg.example/v1", MeshTrace::Client.new(base_url: "http://arg.example/v1").base_url
    end
    with_env("MESH_TRACE_API_KEY" => "k", "MESH_TRACE_BASE_URL" => nil) do
      assert_equal "http://127.0.0.1:4000/v1", MeshTrace::Client.new.base_url
      assert_equal MeshTrace::DEFAULT_BASE_URL, MeshTrace::Client.new.base_url
    end
    with_env("MESH_TRACE_API_KEY" => nil) do
      error = assert_raises(MeshTrace::Error) { MeshTrace::Client.new }
      assert_match(/MESH_TRACE_API_KEY/, error.message)
    end
  end

  def test_sends_the_key_as_bearer_and_parameters_in_the_query
    @server.queue({ body: { traces: [summary(IDS[0])], next_cursor: nil, total_matched: 1 } })
    start = Time.new(2026, 3, 15, 9, 30, Rational(123, 1000), "+01:00")
    page = @client.traces.list(service: "api-gateway", start_time: start, end_time: "2026-03-15T09:00:00Z", min_duration_ms: 100, status: "error", limit: 20)
    seen = @server.requests.first
    assert_equal ["GET", "/v1/traces"], [seen.method, seen.path]
    assert_equal "Bearer #{KEY}", seen.headers["authorization"]
    assert_match(%r{\Amesh-trace-ruby/}, seen.headers["user-agent"])
    assert_equal({ "service" => "api-gateway", "start_time" => "2026-03-15T08:30:00.123Z", "end_time" => "2026-03-15T09:00:00Z",
                   "min_duration_ms" => "100", "status" => "error", "limit" => "20" }, seen.query)
    trace = page.items.first
    assert_equal [IDS[0], "api-gateway", 142, Time.utc(2026, 3, 15, 8, 22, 41, 3000)], [trace.trace_id, trace.root_service, trace.duration_ms, trace.started_at]
    assert_equal 1, page.total
    refute page.next_page?
  end

  def test_walks_every_page_sending_the_cursor_with_the_same_parameters
    @server.queue(*pages_of(IDS, 3))
    assert_equal IDS, @client.traces.list(service: "s", limit: 3).map(&:trace_id)
    assert_equal [nil, "c1", "c2"], @server.requests.map { |r| r.query["cursor"] }
    assert(@server.requests.all? { |r| r.query["service"] == "s" && r.query["limit"] == "3" })
  end

  def test_a_page_is_fetched_only_when_the_enumeration_reaches_it
    @server.queue(*pages_of(IDS, 3))
    assert_equal IDS.first(4), @client.traces.list(limit: 3).first(4).map(&:trace_id)
    assert_equal 2, @server.requests.size
  end

  def test_one_page_at_a_time
    @server.queue(*pages_of(IDS, 3))
    page = @client.traces.list(limit: 3)
    assert_equal [IDS.first(3), "c1", 7], [page.items.map(&:trace_id), page.next_cursor, page.total]
    second = page.next_page
    assert_equal IDS[3, 3], second.items.map(&:trace_id)
    assert_equal [3, 1], second.each_page.map { |p| p.items.size }
  end

  def test_search_pages_with_the_cursor_in_the_body
    @server.queue(*pages_of(IDS, 4))
    found = @client.traces.search('service.name = "s"', start_time: "2026-03-15", end_time: "2026-03-16", limit: 4).to_a
    assert_equal IDS, found.map(&:trace_id)
    assert_equal [{ "query" => 'service.name = "s"', "start_time" => "2026-03-15", "end_time" => "2026-03-16", "limit" => 4 },
                  { "query" => 'service.name = "s"', "start_time" => "2026-03-15", "end_time" => "2026-03-16", "limit" => 4, "cursor" => "c1" }],
                 @server.requests.map(&:body)
  end

  def test_node_lists_follow_the_link_header_cursor
    node = { node_id: "a", cluster: "c", version: "1", status: "healthy", spans_ingested_1h: 1, cpu_percent: 1.5, memory_mb: 2,
             last_heartbeat: "2026-03-15T09:41:58.000Z" }
    @server.queue({ body: { nodes: [node], total: 2 }, headers: { "Link" => '</v1/nodes?limit=1&cursor=abc%3D>; rel="next"' } },
                  { body: { nodes: [node.merge(node_id: "b")], total: 2 } })
    assert_equal %w[a b], @client.nodes.list(limit: 1).map(&:node_id)
    assert_equal({ "limit" => "1", "cursor" => "abc=" }, @server.requests[1].query)
  end

  def test_waits_the_retry_after_of_a_429_then_succeeds
    @server.queue({ status: 429, body: error_body("rate_limited", "slow down"), headers: { "Retry-After" => "7" } }, { body: EMPTY })
    assert_empty @client.traces.list.items
    assert_equal [7.0], @slept
  end

  def test_backs_off_exponentially_without_retry_after_and_gives_up_after_max_retries
    3.times { |n| @server.queue({ status: 503, body: error_body("unavailable", "down", nil, "req_#{n}") }) }
    error = assert_raises(MeshTrace::ServiceUnavailableError) { @client.traces.list }
    assert_kind_of MeshTrace::InternalServerError, error
    assert_equal "req_2", error.request_id
    assert_equal 2, @slept.size
    assert @slept[0].between?(0.25, 0.5), @slept.inspect
    assert @slept[1].between?(0.5, 1.0), @slept.inspect
  end

  def test_does_not_retry_a_create_unless_asked
    condition = { metric: "error_rate", service: "s", operator: ">", threshold: 0.05, window: "5m" }
    @server.queue({ status: 429, body: error_body("rate_limited", "x"), headers: { "Retry-After" => "1" } })
    assert_raises(MeshTrace::RateLimitError) { @client.alert_rules.create(name: "r", condition: condition, channels: ["slack"]) }
    assert_equal 1, @server.requests.size
    @server.queue({ status: 429, body: error_body("rate_limited", "x"), headers: { "Retry-After" => "1" } },
                  { status: 201, body: { id: "alert_rule_7f3a8b2e", name: "r", status: "active", created_at: "2026-03-15T09:45:00.000Z" } })
    created = client(retry_non_idempotent: true).alert_rules.create(name: "r", condition: condition, channels: ["slack"])
    assert_equal "alert_rule_7f3a8b2e", created.id
  end

  def test_retries_a_search_though_it_is_a_post
    @server.queue({ status: 503, body: error_body("unavailable", "x"), headers: { "Retry-After" => "0" } }, { body: EMPTY })
    @client.traces.search("status = error", start_time: "2026-03-15", end_time: "2026-03-16")
    assert_equal 2, @server.requests.size
  end

  def test_does_not_wait_a_retry_after_beyond_max_retry_wait
    @server.queue({ status: 429, body: error_body("rate_limited", "x"), headers: { "Retry-After" => "61" } })
    error = assert_raises(MeshTrace::RateLimitError) { client(max_retry_wait: 30).traces.list }
    assert_equal 61.0, error.retry_after
    assert_empty @slept
  end

  def test_does_not_retry_other_errors
    @server.queue({ status: 500, body: error_body("internal_error", "boom") })
    assert_raises(MeshTrace::InternalServerError) { @client.traces.list }
    assert_equal 1, @server.requests.size
  end

  def test_retries_network_failures_of_idempotent_requests_only
    @server.queue({ drop: true }, { body: EMPTY })
    assert_empty @client.traces.list.items
    assert_equal 1, @slept.size
    @server.queue({ drop: true })
    fields = { cluster: "c", version: "1", cpu_percent: 1, memory_mb: 1, uptime_seconds: 1, ingestion_rate_sps: 1, spans_ingested_total: 1,
               dropped_spans_total: 0, otlp_grpc_active: true, otlp_http_active: true, sampling_rate: 1, buffer_utilization_pct: 1 }
    assert_raises(MeshTrace::APIConnectionError) { @client.nodes.heartbeat("n", **fields) }
    assert_equal [1, 3], [@slept.size, @server.requests.size]
  end

  def test_a_refused_connection_is_a_connection_error
    assert_raises(MeshTrace::APIConnectionError) { MeshTrace::Client.new(api_key: "k", base_url: "http://127.0.0.1:9/v1", max_retries: 0).services.list }
  end

  def test_backoff_doubles_up_to_the_cap_with_jitter_in_the_upper_half
    assert_equal 0.25, MeshTrace::Transport.backoff_delay(0, -> { 0.0 })
    assert_equal 0.5, MeshTrace::Transport.backoff_delay(0, -> { 1.0 })
    assert_equal 4.0, MeshTrace::Transport.backoff_delay(3, -> { 1.0 })
    assert_equal 8.0, MeshTrace::Transport.backoff_delay(20, -> { 1.0 })
  end

  def test_parses_retry_after_seconds_and_dates
    now = Time.utc(2026, 3, 15, 8, 0, 0)
    assert_equal 61.0, MeshTrace::Transport.parse_retry_after("61", now)
    assert_equal 30.0, MeshTrace::Transport.parse_retry_after("Sun, 15 Mar 2026 08:00:30 GMT", now)
    assert_equal 0.0, MeshTrace::Transport.parse_retry_after("Sun, 15 Mar 2026 07:00:00 GMT", now)
    assert_nil MeshTrace::Transport.parse_retry_after("soon", now)
    assert_nil MeshTrace::Transport.parse_retry_after(nil, now)
  end

  def test_a_400_carries_code_message_param_request_id_and_status
    @server.queue({ status: 400, body: error_body("invalid_parameter", "Parameter 'limit' must be an integer from 1 to 200", "limit", "req_7f3a8b2e4d"), headers: HEADERS })
    error = assert_raises(MeshTrace::BadRequestError) { @client.traces.list(limit: 500) }
    assert_kind_of MeshTrace::APIError, error
    assert_equal [400, "invalid_parameter", "limit", "req_7f3a8b2e4d"], [error.status, error.code, error.param, error.request_id]
    assert_equal "Parameter 'limit' must be an integer from 1 to 200", error.message
    assert_equal MeshTrace::RateLimit.new(limit: 1000, remaining: 997, reset: 1_710_504_000), error.rate_limit
  end

  def test_statuses_map_to_classes
    { 401 => MeshTrace::AuthenticationError, 403 => MeshTrace::PermissionDeniedError, 404 => MeshTrace::NotFoundError,
      409 => MeshTrace::ConflictError }.each do |status, error_class|
      @server.queue({ status: status, body: error_body("x", "y") })
      assert_raises(error_class) { @client.services.list }
    end
  end

  def test_a_body_that_is_not_the_envelope_still_gives_a_typed_error
    @server.queue({ status: 502, body: "<html>bad gateway</html>", headers: { "X-Request-Id" => "req_proxy" } })
    error = assert_raises(MeshTrace::APIError) { @client.services.list }
    assert_equal [502, "http_502", "req_proxy"], [error.status, error.code, error.request_id]
  end

  def test_rate_limit_headers_of_the_latest_response
    assert_nil @client.rate_limit
    @server.queue({ body: { services: [], total: 0 }, headers: HEADERS })
    @client.services.list
    assert_equal MeshTrace::RateLimit.new(limit: 1000, remaining: 997, reset: 1_710_504_000), @client.rate_limit
    assert_equal Time.utc(2024, 3, 15, 12), @client.rate_limit.reset_at
  end

  def test_keeps_int64_attribute_values_exact
    span = { span_id: "00f067aa0ba902b7", parent_span_id: nil, operation_name: "op", service_name: "svc", duration_ms: 1, status_code: "OK",
             attributes: { beyond: "9007199254740993", small: 201 }, started_at: "2026-03-15T08:22:41.003Z", events: [] }
    raw = JSON.generate({ trace_id: "t", duration_ms: 1, span_count: 1, spans: [span] }).sub('"small":201', '"small":201,"raw":9223372036854775807')
    @server.queue({ body: raw })
    attributes = @client.traces.get("t").spans.first.attributes
    assert_equal({ "beyond" => "9007199254740993", "small" => 201, "raw" => 9_223_372_036_854_775_807 }, attributes)
  end

  def test_escapes_path_parameters
    @server.queue({ status: 404, body: error_body("not_found", "x", "node_id") })
    assert_raises(MeshTrace::NotFoundError) { @client.nodes.health("a/b c") }
    assert_equal "/v1/nodes/a%2Fb%20c/health", @server.requests.first.path
  end

  def test_update_sends_only_the_given_fields
    rule = { id: "alert_rule_7f3a8b2e", name: "r", condition: { metric: "error_rate", service: "s", operator: ">", threshold: 0.1, window: "5m", for: nil },
             channels: ["slack"], severity: "warning", status: "paused", state: "ok", created_at: "2026-03-15T09:45:00.000Z",
             updated_at: "2026-03-15T09:46:00.000Z", last_evaluated_at: nil }
    @server.queue({ body: rule })
    updated = @client.alert_rules.update("alert_rule_7f3a8b2e", status: "paused", condition: { threshold: 0.1, for: nil })
    assert_equal({ "status" => "paused", "condition" => { "threshold" => 0.1, "for" => nil } }, @server.requests.first.body)
    assert_equal ["paused", nil, "s"], [updated.status, updated.condition.for, updated.condition.service]
  end
end
