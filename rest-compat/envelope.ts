import type { GraphQLFormattedError } from 'graphql';
import type { z } from 'zod';
import {
  ConflictError,
  type DomainError,
  type ErrorCode,
  ForbiddenError,
  IpNotAllowedError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../src/errors.js';

/**
 * GraphQL errors back to the domain errors they were masked from (src/graphql/errors.ts
 * puts `code`, `param` and `retry_after` in `extensions`), so the REST envelope, its status and
 * its headers come from the one `errorResponse` in src/http/respond.ts. A
 * `Record<ErrorCode, …>` so that a new code cannot be forgotten here.
 */
const FROM_CODE: Readonly<Record<ErrorCode, (message: string, param: string | null, retryAfterS: number) => DomainError | Error>> = {
  invalid_parameter: (message, param) => new ValidationError(message, param),
  unauthorized: (message) => new UnauthorizedError(message),
  forbidden: (message) => new ForbiddenError(message),
  ip_not_allowed: (message) => new IpNotAllowedError(message),
  not_found: (message, param) => new NotFoundError(message, param),
  method_not_allowed: (message) => new MethodNotAllowedError(message, []),
  conflict: (message, param) => new ConflictError(message, param),
  payload_too_large: (message, param) => new PayloadTooLargeError(message, param),
  unsupported_media_type: (message) => new UnsupportedMediaTypeError(message),
  rate_limited: (message, _param, retryAfterS) => new RateLimitedError(message, retryAfterS),
  unavailable: (message, _param, retryAfterS) => new UnavailableError(message, retryAfterS),
  // Not a DomainError: errorResponse answers it with the generic 500 message.
  internal_error: (message) => new Error(message),
};

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(FROM_CODE, code);
}

/**
 * The error a REST client sees for the first GraphQL error of an operation.
 * `renames` maps GraphQL argument/variable names to REST parameter names
 * (`after` → `cursor`): both `param` and the quoted name in the message follow,
 * so a client reads the name it sent. Variable coercion errors
 * (`Variable "$from" got invalid value …`) carry no `param`; it is taken from
 * the variable name.
 */
export function domainErrorOf(error: GraphQLFormattedError, renames: Readonly<Record<string, string>>): DomainError | Error {
  const extensions = error.extensions ?? {};
  const code = isErrorCode(extensions.code) ? extensions.code : 'internal_error';
  const variable = /^Variable "\$(\w+)"/.exec(error.message)?.[1];
  const rawParam = typeof extensions.param === 'string' ? extensions.param : (variable ?? null);
  const param = rawParam === null ? null : (renames[rawParam] ?? rawParam);
  let message = error.message;
  if (rawParam !== null && param !== rawParam) {
    message = message.replaceAll(`'${rawParam}'`, `'${param}'`).replaceAll(`"$${rawParam}"`, `'${param}'`);
  }
  // Every rate_limited and unavailable error carries retry_after (src/graphql/errors.ts); 1 s should one ever lack it.
  const retryAfterS = typeof extensions.retry_after === 'number' ? extensions.retry_after : 1;
  return FROM_CODE[code](message, param, retryAfterS);
}

/**
 * A zod issue as the documented validation error: `param` is the failing key
 * (a dotted path inside a body), the message `Parameter '<param>' <predicate>`.
 */
export function validationErrorOf(issue: z.core.$ZodIssue, part: 'path' | 'query' | 'body'): ValidationError {
  if (issue.code === 'unrecognized_keys') {
    const key = [...issue.path, issue.keys[0] ?? ''].join('.');
    return new ValidationError(`Parameter '${key}' is not a parameter of this route`, key);
  }
  const param = issue.path.length > 0 ? issue.path.map(String).join('.') : part;
  return new ValidationError(`Parameter '${param}' ${issue.message}`, param);
}

/**
 * Messages for the issues zod raises itself (a missing field, a JSON type
 * mismatch), worded as predicates like the helpers' own messages.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `must ${issue.origin in UNITS ? `have at least ${issue.minimum} ${UNITS[issue.origin]}` : `be at least ${issue.minimum}`}`;
    case 'too_big':
      return `must ${issue.origin in UNITS ? `have at most ${issue.maximum} ${UNITS[issue.origin]}` : `be at most ${issue.maximum}`}`;
    default:
      return undefined;
  }
}

const UNITS: Readonly<Record<string, string>> = { string: 'characters', array: 'items', set: 'items' };

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
