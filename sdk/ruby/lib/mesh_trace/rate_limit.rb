# frozen_string_literal: true

module MeshTrace
  # The X-RateLimit-* headers of a response: the key's budget per minute, what
  # is left of it, and when (epoch seconds) it is whole again.
  RateLimit = Struct.new(:limit, :remaining, :reset, keyword_init: true) do
    def reset_at
      Time.at(reset).utc
    end

    def self.from_headers(headers)
      values = %w[x-ratelimit-limit x-ratelimit-remaining x-ratelimit-reset].map { |name| headers[name] }
      return nil unless values.all? { |v| v&.match?(/\A\d+\z/) }

      limit, remaining, reset = values.map { |v| Integer(v, 10) }
      new(limit: limit, remaining: remaining, reset: reset)
    end
  end
end
