# frozen_string_literal: true

module MeshTrace
  # Base class of every error this library raises.
  class Error < StandardError; end

  # The gateway could not be reached, or the connection failed before a response arrived.
  class APIConnectionError < Error; end

  # No response within the client's timeout.
  class APITimeoutError < APIConnectionError; end

  # The gateway answered with an error status and the documented envelope
  # {"error": {"code", "message", "param", "request_id"}}.
  class APIError < Error
    attr_reader :status, :code, :param, :request_id, :headers, :rate_limit, :retry_after

    def initialize(status:, code:, message:, param:, request_id:, headers:, rate_limit:, retry_after:)
      super(message)
      @status = status
      @code = code
      @param = param
      @request_id = request_id
      @headers = headers
      @rate_limit = rate_limit
      # Seconds the gateway asked to wait (Retry-After), on 429 and 503 answers; nil otherwise.
      @retry_after = retry_after
    end

    def inspect
      "#<#{self.class} status=#{status} code=#{code.inspect} param=#{param.inspect} request_id=#{request_id.inspect} message=#{message.inspect}>"
    end
  end

  # 400: an invalid parameter (param names it) or a malformed body.
  class BadRequestError < APIError; end
  # 401: missing, unknown or revoked API key.
  class AuthenticationError < APIError; end
  # 403: the key lacks the permission the request needs.
  class PermissionDeniedError < APIError; end
  # 404: the addressed trace, node or alert rule does not exist.
  class NotFoundError < APIError; end
  # 409: the request conflicts with the resource's current state.
  class ConflictError < APIError; end
  # 429: the key's per-minute budget is spent; retry_after says for how long.
  class RateLimitError < APIError; end
  # 5xx: the gateway failed.
  class InternalServerError < APIError; end
  # 503: the gateway's store is unreachable for now; retry_after says when to retry.
  class ServiceUnavailableError < InternalServerError; end

  ERROR_CLASSES = {
    400 => BadRequestError,
    401 => AuthenticationError,
    403 => PermissionDeniedError,
    404 => NotFoundError,
    409 => ConflictError,
    429 => RateLimitError,
    503 => ServiceUnavailableError
  }.freeze

  def self.error_class(status)
    ERROR_CLASSES.fetch(status) { status >= 500 ? InternalServerError : APIError }
  end
end
