/** The X-RateLimit-* headers of a response: the key's budget per minute, what is left, and when (epoch seconds) it is whole again. */
export interface RateLimit {
  readonly limit: number;
  readonly remaining: number;
  readonly reset: number;
}

export function rateLimitOf(headers: Headers): RateLimit | null {
  const limit = integer(headers.get('x-ratelimit-limit'));
  const remaining = integer(headers.get('x-ratelimit-remaining'));
  const reset = integer(headers.get('x-ratelimit-reset'));
  return limit === null || remaining === null || reset === null ? null : { limit, remaining, reset };
}

function integer(text: string | null): number | null {
  return text !== null && /^\d+$/.test(text.trim()) ? Number(text) : null;
}
