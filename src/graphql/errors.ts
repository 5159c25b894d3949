import { GraphQLError } from 'graphql';
import { RateLimitedError, UnavailableError, type DomainError } from '../errors.js';

/**
 * What a domain error puts in a GraphQL error's extensions, set here once for
 * every path (resolvers, request parsing and validation, graphql-ws): `code`
 * and `param` as in the REST envelope, and `retry_after` (seconds) when the
 * error says when to retry, which the REST adapter turns back into its
 * Retry-After header.
 */
export function domainErrorExtensions(error: DomainError): Record<string, unknown> {
  return {
    code: error.code,
    ...(error.param !== null ? { param: error.param } : {}),
    ...(error instanceof RateLimitedError || error instanceof UnavailableError ? { retry_after: error.retryAfterS } : {}),
  };
}

/**
 * A GraphQLError for a domain error raised outside execution (request
 * parsing, plugins, validation rules), with its HTTP status; validation
 * errors are returned as they are (masking only sees execution and request
 * errors).
 */
export function graphQLErrorOf(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { ...domainErrorExtensions(error), http: { status: error.status } },
  });
}
