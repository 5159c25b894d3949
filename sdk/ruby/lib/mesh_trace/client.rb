# frozen_string_literal: true

module MeshTrace
  DEFAULT_BASE_URL = "http://127.0.0.1:4000/v1"

  # A client of the Mesh-Trace REST API v1.
  #
  # api_key defaults to MESH_TRACE_API_KEY and base_url to MESH_TRACE_BASE_URL,
  # else http://127.0.0.1:4000/v1. A request answered 429 or 503 is repeated
  # after the Retry-After the gateway sent (exponential backoff when it sent
  # none), one that failed on the network after an exponential backoff with
  # jitter, at most max_retries times — only requests that change nothing when
  # repeated (GET, DELETE, trace search) unless retry_non_idempotent is set. A
  # Retry-After longer than max_retry_wait seconds is not waited for.
  class Client
    attr_reader :traces, :nodes, :services, :topology, :alert_rules

    def initialize(api_key: nil, base_url: nil, timeout: 30, max_retries: 2, max_retry_wait: 120,
                   retry_non_idempotent: false, headers: {})
      key = api_key || ENV.fetch("MESH_TRACE_API_KEY", nil)
      raise Error, "No API key: pass MeshTrace::Client.new(api_key: ...) or set MESH_TRACE_API_KEY" if key.nil? || key.empty?
      raise ArgumentError, "max_retries must be 0 or more" if max_retries.negative?

      url = base_url || ENV.fetch("MESH_TRACE_BASE_URL", nil)
      url = DEFAULT_BASE_URL if url.nil? || url.empty?
      @transport = Transport.new(base_url: url, api_key: key, timeout: timeout, max_retries: max_retries,
                                 max_retry_wait: max_retry_wait, retry_non_idempotent: retry_non_idempotent,
                                 headers: headers)
      @traces = Resources::Traces.new(@transport)
      @nodes = Resources::Nodes.new(@transport)
      @services = Resources::Services.new(@transport)
      @topology = Resources::TopologyResource.new(@transport)
      @alert_rules = Resources::AlertRules.new(@transport)
    end

    def base_url
      @transport.base_url
    end

    # The X-RateLimit-* headers of the latest response; nil before the first.
    def rate_limit
      @transport.last_rate_limit
    end

    def inspect
      "#<MeshTrace::Client base_url=#{base_url.inspect}>"
    end
  end
end
