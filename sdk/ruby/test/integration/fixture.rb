# frozen_string_literal: true

require "json"
require "minitest/autorun"
require "mesh_trace"

# The seeded gateway the integration tests run against (the repository's
# test/helpers/sdk-scenario.ts): MESH_TRACE_BASE_URL and MESH_TRACE_API_KEY
# point the client at it, MESH_TRACE_IT_FIXTURE names the file describing the
# seeded data. Without it the tests are skipped.
module GatewayFixture
  def fx
    path = ENV.fetch("MESH_TRACE_IT_FIXTURE", "")
    skip "MESH_TRACE_IT_FIXTURE is not set: no gateway to test against" if path.empty?
    @fx ||= JSON.parse(File.read(path))
  end

  def client(**options)
    fx
    MeshTrace::Client.new(**options)
  end
end
