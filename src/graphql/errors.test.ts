import { describe, expect, it } from 'vitest';
import { NotFoundError, RateLimitedError, UnavailableError, ValidationError } from '../errors.js';
import { domainErrorExtensions, graphQLErrorOf } from './errors.js';

describe('domain errors in GraphQL extensions', () => {
  it('carry the code, the param when there is one, and the retry delay of 429 and 503 errors', () => {
    expect(domainErrorExtensions(new ValidationError("Parameter 'first' must be an integer from 1 to 500", 'first'))).toEqual({
      code: 'invalid_parameter',
      param: 'first',
    });
    expect(domainErrorExtensions(new NotFoundError('No trace 4bf9'))).toEqual({ code: 'not_found' });
    expect(domainErrorExtensions(new RateLimitedError('Rate limit exceeded; retry after 17 s', 17))).toEqual({
      code: 'rate_limited',
      retry_after: 17,
    });
    expect(domainErrorExtensions(new UnavailableError('store away', 2))).toEqual({ code: 'unavailable', retry_after: 2 });
  });

  it('add the HTTP status for errors raised outside execution', () => {
    const error = graphQLErrorOf(new RateLimitedError('Rate limit exceeded', 3));
    expect(error.message).toBe('Rate limit exceeded');
    expect(error.extensions).toEqual({ code: 'rate_limited', retry_after: 3, http: { status: 429 } });
  });
});
