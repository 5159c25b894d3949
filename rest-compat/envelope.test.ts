import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../src/errors.js';
import { errorResponse } from '../src/http/respond.js';
import { domainErrorOf } from './envelope.js';

const envelopeOf = (code: unknown, extra: Record<string, unknown> = {}, message = 'boom', renames: Record<string, string> = {}) =>
  errorResponse(domainErrorOf({ message, extensions: { code, ...extra } }, renames), 'req_test');

describe('GraphQL errors as the REST envelope', () => {
  it.each<[ErrorCode, number]>([
    ['invalid_parameter', 400],
    ['unauthorized', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['method_not_allowed', 405],
    ['conflict', 409],
    ['payload_too_large', 413],
    ['unsupported_media_type', 415],
    ['rate_limited', 429],
    ['unavailable', 503],
  ])('maps extensions.code %s to status %i with its message', (code, status) => {
    const { status: actual, body } = envelopeOf(code);
    expect(actual).toBe(status);
    expect(body.error).toEqual({ code, message: 'boom', param: null, request_id: 'req_test' });
  });

  it('answers internal_error, an unknown code or no code with the generic 500', () => {
    for (const code of ['internal_error', 'SOMETHING_ELSE', undefined]) {
      const { status, body } = envelopeOf(code);
      expect(status).toBe(500);
      expect(body.error.code).toBe('internal_error');
      expect(body.error.message).not.toBe('boom');
    }
  });

  it('asks to retry after 429 and 503 when the GraphQL error says (extensions.retry_after)', () => {
    expect(envelopeOf('rate_limited', { retry_after: 17 }).headers['retry-after']).toBe('17');
    expect(envelopeOf('unavailable', { retry_after: 2 }).headers['retry-after']).toBe('2');
    expect(envelopeOf('unavailable').headers['retry-after']).toBe('1');
  });

  it('keeps param, renamed to the REST parameter along with the quoted name in the message', () => {
    const { body } = envelopeOf(
      'invalid_parameter',
      { param: 'after' },
      "Parameter 'after' is not a valid pagination cursor for this query",
      { after: 'cursor' },
    );
    expect(body.error).toMatchObject({ param: 'cursor', message: "Parameter 'cursor' is not a valid pagination cursor for this query" });
  });

  it('names the variable of a coercion error as the parameter', () => {
    const { body } = envelopeOf('invalid_parameter', {}, 'Variable "$from" got invalid value "x"; DateTime must be an ISO 8601 timestamp', {
      from: 'start_time',
    });
    expect(body.error).toMatchObject({
      param: 'start_time',
      message: 'Variable \'start_time\' got invalid value "x"; DateTime must be an ISO 8601 timestamp',
    });
  });
});
