# frozen_string_literal: true

require_relative "fixture"

class RateLimitTest < Minitest::Test
  include GatewayFixture

  def test_a_429_is_answered_by_waiting_retry_after_then_succeeding
    impatient = client(api_key: fx["rate_limited_key"], max_retries: 0)
    2.times { impatient.services.list }
    assert_equal 0, impatient.rate_limit.remaining
    error = assert_raises(MeshTrace::RateLimitError) { impatient.services.list }
    assert_equal [429, "rate_limited"], [error.status, error.code]
    assert_operator error.retry_after, :>=, 1
    assert_equal 0, error.rate_limit.remaining

    patient = client(api_key: fx["rate_limited_key"])
    started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    services = patient.services.list
    waited = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
    assert_operator services.total, :>=, 1
    assert_operator waited, :>=, error.retry_after - 2
    puts format("429 retry-after %d s, succeeded after %.1f s", error.retry_after, waited)
  end
end
