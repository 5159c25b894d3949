import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function parseInt64(value: unknown): bigint {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^-?\d{1,19}$/.test(text)) {
    throw new GraphQLError('Int64 must be a decimal integer string (or a safe JSON integer)');
  }
  const n = BigInt(text);
  if (n < INT64_MIN || n > INT64_MAX) throw new GraphQLError('Int64 is out of the signed 64-bit range');
  return n;
}

/**
 * Signed 64-bit integer, serialized as a decimal string: JSON numbers above
 * 2^53 lose precision in most clients, and OTLP int64 values must stay exact.
 */
builder.scalarType('Int64', {
  description: 'Signed 64-bit integer as a decimal string, exact (no floating-point rounding).',
  serialize: (value) => String(value),
  parseValue: parseInt64,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseInt64(ast.value);
    throw new GraphQLError('Int64 must be a string or integer literal');
  },
});

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new GraphQLError('DateTime must be an ISO 8601 timestamp with a time zone, e.g. 2026-03-15T08:22:41.003Z');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime is not a valid calendar time');
  return date;
}

builder.scalarType('DateTime', {
  description: 'ISO 8601 timestamp in UTC with milliseconds, e.g. 2026-03-15T08:22:41.003Z.',
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseDateTime(ast.value);
    throw new GraphQLError('DateTime must be a string literal');
  },
});
