# frozen_string_literal: true

# Client library for the Mesh-Trace REST API v1.
#
#   require "mesh_trace"
#   client = MeshTrace::Client.new(api_key: "mtk_live_…")
#   client.traces.list(service: "api-gateway", min_duration_ms: 100, limit: 20).each do |trace|
#     puts "#{trace.trace_id} — #{trace.duration_ms}ms"
#   end
require_relative "mesh_trace/version"
require_relative "mesh_trace/errors"
require_relative "mesh_trace/rate_limit"
require_relative "mesh_trace/models"
require_relative "mesh_trace/page"
require_relative "mesh_trace/transport"
require_relative "mesh_trace/resources"
require_relative "mesh_trace/client"
