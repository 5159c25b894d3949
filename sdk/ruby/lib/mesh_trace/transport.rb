# frozen_string_literal: true

require "json"
require "net/http"
require "time"
require "uri"

module MeshTrace
  # One HTTP exchange with the gateway, and the retry policy around it.
  class Transport
    # Methods whose repetition has the effect of one request (RFC 9110 §9.2.2).
    IDEMPOTENT_METHODS = %w[GET HEAD OPTIONS PUT DELETE].freeze
    # Statuses the gateway documents as "retry later": rate limited, store unavailable.
    RETRY_STATUSES = [429, 503].freeze
    # Exponential backoff for network errors (and 429/503 without Retry-After): 0.5 s, 1 s, 2 s … capped at 8 s.
    BACKOFF_INITIAL = 0.5
    BACKOFF_MAX = 8.0
    NETWORK_ERRORS = [SystemCallError, IOError, EOFError, SocketError, Net::HTTPBadResponse, Net::ProtocolError].freeze
    TIMEOUT_ERRORS = [Net::OpenTimeout, Net::ReadTimeout, Net::WriteTimeout].freeze

    Response = Struct.new(:status, :headers, :body, :rate_limit, :request_id, keyword_init: true)

    attr_reader :base_url, :api_key, :last_rate_limit
    # How the client waits between attempts (replaceable in tests).
    attr_accessor :sleeper

    # Delay before retry number attempt (0-based): the exponential step, of which
    # the upper half is random ("equal jitter"), so that clients failing together
    # do not retry together.
    def self.backoff_delay(attempt, random = Random.method(:rand))
      step = [BACKOFF_MAX, BACKOFF_INITIAL * (2**attempt)].min
      (step / 2) + (random.call * step / 2)
    end

    # Retry-After as seconds to wait: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
    def self.parse_retry_after(value, now = Time.now)
      return nil if value.nil? || value.strip.empty?

      text = value.strip
      return Float(Integer(text, 10)) if text.match?(/\A\d+\z/)

      [Time.httpdate(text) - now, 0.0].max
    rescue ArgumentError
      nil
    end

    def initialize(base_url:, api_key:, timeout:, max_retries:, max_retry_wait:, retry_non_idempotent:, headers:)
      @base_url = base_url.sub(%r{/+\z}, "")
      @api_key = api_key
      @timeout = timeout
      @max_retries = max_retries
      @max_retry_wait = max_retry_wait
      @retry_non_idempotent = retry_non_idempotent
      @headers = headers
      @last_rate_limit = nil
      @sleeper = Kernel.method(:sleep)
    end

    # Sends the request, retrying as the policy allows; raises the typed error of a final failure.
    def request(method, path, query: nil, body: nil, idempotent: nil)
      safe = idempotent.nil? ? IDEMPOTENT_METHODS.include?(method) : idempotent
      retryable = safe || @retry_non_idempotent
      attempt = 0
      loop do
        delay =
          begin
            return deliver(method, path, query, body)
          rescue APIError => e
            raise unless retryable && RETRY_STATUSES.include?(e.status) && attempt < @max_retries

            wait = e.retry_after || Transport.backoff_delay(attempt)
            raise if wait > @max_retry_wait

            wait
          rescue APIConnectionError
            raise unless retryable && attempt < @max_retries

            Transport.backoff_delay(attempt)
          end
        @sleeper.call(delay)
        attempt += 1
      end
    end

    private

    def deliver(method, path, query, body)
      uri = URI("#{@base_url}#{path}")
      pairs = (query || {}).reject { |_, v| v.nil? }
      uri.query = URI.encode_www_form(pairs) unless pairs.empty?
      response = send_http(method, uri, body)
      raise api_error(response) if response.status >= 400

      response
    end

    def send_http(method, uri, body)
      request = Net::HTTPGenericRequest.new(method, !body.nil?, method != "HEAD", uri.request_uri)
      request["Authorization"] = "Bearer #{@api_key}"
      request["Accept"] = "application/json"
      request["User-Agent"] = "mesh-trace-ruby/#{VERSION}"
      @headers.each { |name, value| request[name] = value }
      unless body.nil?
        request["Content-Type"] = "application/json"
        request.body = JSON.generate(body)
      end
      answer = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https",
                                                   open_timeout: @timeout, read_timeout: @timeout, write_timeout: @timeout) do |http|
        # Net::HTTP would silently repeat an idempotent request once; the policy above decides instead.
        http.max_retries = 0
        http.request(request)
      end
      response_of(answer)
    rescue *TIMEOUT_ERRORS => e
      raise APITimeoutError, "#{method} #{uri}: no response within #{@timeout} s (#{e.class})"
    rescue *NETWORK_ERRORS => e
      raise APIConnectionError, "#{method} #{uri}: #{e.message} (#{e.class})"
    end

    def response_of(answer)
      headers = answer.each_header.to_h { |name, value| [name.downcase, value] }
      rate_limit = RateLimit.from_headers(headers)
      @last_rate_limit = rate_limit if rate_limit
      text = answer.body.to_s
      body =
        if text.empty?
          nil
        else
          begin
            JSON.parse(text)
          rescue JSON::ParserError
            text
          end
        end
      Response.new(status: Integer(answer.code, 10), headers: headers, body: body, rate_limit: rate_limit, request_id: headers["x-request-id"])
    end

    def api_error(response)
      fields = response.body.is_a?(Hash) && response.body["error"].is_a?(Hash) ? response.body["error"] : {}
      text = ->(name) { fields[name].is_a?(String) ? fields[name] : nil }
      MeshTrace.error_class(response.status).new(
        status: response.status,
        code: text.call("code") || "http_#{response.status}",
        message: text.call("message") || "HTTP #{response.status}",
        param: text.call("param"),
        request_id: text.call("request_id") || response.request_id,
        headers: response.headers,
        rate_limit: response.rate_limit,
        retry_after: Transport.parse_retry_after(response.headers["retry-after"])
      )
    end
  end
end
