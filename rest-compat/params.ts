import { z } from 'zod';

/**
 * Schemas for REST inputs. Every message is a predicate about the parameter
 * ("must be …"): the adapter prefixes `Parameter '<name>' `, giving the
 * documented form `Parameter 'start_time' must be a valid ISO 8601 timestamp`.
 *
 * Query-string values are always strings (the `query` helpers parse them);
 * body values keep their JSON types (the `body` helpers check them). A query
 * key like `service[$ne]` is an unknown parameter, never an operator: query
 * objects are `strictObject`s of plain strings.
 */

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date-time (or date) as a Date. A time without a zone is UTC, so
 * `datetime.utcnow().isoformat()` from the Python SDK's users means what they
 * meant; fractions beyond milliseconds are truncated. Impossible calendar dates
 * (2026-02-30) are rejected rather than rolled over.
 */
export function parseIsoTimestamp(text: string): Date | null {
  const m = ISO_8601.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = m;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    check.getUTCMinutes() !== Number(mi) ||
    check.getUTCSeconds() !== Number(s)
  ) {
    return null;
  }
  if (zone === 'Z') return check;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetH = Number(digits.slice(0, 2));
  const offsetM = Number(digits.slice(2));
  if (offsetH > 23 || offsetM > 59) return null;
  return new Date(utc - sign * (offsetH * 60 + offsetM) * 60_000);
}

const TIMESTAMP_MESSAGE = 'must be a valid ISO 8601 timestamp';

/** The type-check message of a helper: "is required" when the parameter is absent, else the helper's own. */
function typeError(message: string) {
  return (issue: { readonly input?: unknown }) => (issue.input === undefined ? 'is required' : message);
}

/** ISO 8601 timestamp → canonical `YYYY-MM-DDTHH:mm:ss.sssZ`, the form the DateTime scalar takes. */
export function isoTimestamp(description: string) {
  return z
    .string({ error: typeError(TIMESTAMP_MESSAGE) })
    .transform((text, ctx) => {
      const date = parseIsoTimestamp(text);
      if (date === null) {
        ctx.addIssue({ code: 'custom', message: TIMESTAMP_MESSAGE });
        return z.NEVER;
      }
      return date.toISOString();
    })
    .meta({ description, format: 'date-time', examples: ['2026-03-15T08:22:41.003Z'] });
}

const DECIMAL_INTEGER = /^-?\d{1,16}$/;

/** A query-string integer within [min, max]; `limit=1e2`, `limit=0x10` and `limit=` are rejected, not coerced. */
export function queryInteger(min: number, max: number, description: string) {
  return decimalInteger(min, max, `must be an integer from ${min} to ${max}`).meta({
    description,
    type: 'integer',
    minimum: min,
    maximum: max,
  });
}

/** A non-negative query-string integer (e.g. milliseconds). */
export function queryNonNegativeInteger(description: string) {
  return decimalInteger(0, Number.MAX_SAFE_INTEGER, 'must be a non-negative integer').meta({ description, type: 'integer', minimum: 0 });
}

function decimalInteger(min: number, max: number, message: string) {
  return z.string().transform((text, ctx) => {
    const n = Number(text);
    if (!DECIMAL_INTEGER.test(text) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    // "-0" is 0 (found by test/fuzz/rest-params.fuzz.test.ts: -0 would not read back as itself).
    return n === 0 ? 0 : n;
  });
}

/** A body integer within [min, max]: a JSON number, not a numeric string. */
export function bodyInteger(min: number, max: number, description: string) {
  const message = `must be an integer from ${min} to ${max}`;
  return z
    .number({ error: typeError(message) })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message })
    .meta({ description });
}

/** Free text of 1–`max` characters, taken literally (never an operator or a pattern). */
export function text(description: string, max = 1024) {
  const message = `must be a non-empty string of at most ${max} characters`;
  return z
    .string({ error: typeError(message) })
    .min(1, { error: message })
    .max(max, { error: message })
    .meta({ description });
}

/** One of `values`, case-insensitively; the output is the value as declared. */
export function oneOf<const V extends readonly [string, ...string[]]>(values: V, description: string) {
  const message = `must be one of ${values.join(', ')}`;
  return z
    .string({ error: typeError(message) })
    .transform((raw, ctx) => {
      const value = values.find((v) => v === raw.toLowerCase());
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return value as V[number];
    })
    .meta({ description, enum: [...values] });
}

const TRACE_ID = /^[0-9a-f]{32}$/;
const INVALID_TRACE_ID = '0'.repeat(32);

/**
 * A W3C trace id: 32 hex digits, not all zero. Upper-case hex is accepted and
 * lower-cased, since it names the same trace (W3C trace context asks senders
 * for lower case and receivers to be liberal).
 */
export function traceId(description: string) {
  const message = 'must be a 32-character hex trace ID (W3C format)';
  return z
    .string({ error: typeError(message) })
    .transform((raw, ctx) => {
      const id = raw.toLowerCase();
      if (!TRACE_ID.test(id) || id === INVALID_TRACE_ID) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return id;
    })
    .meta({ description, pattern: '^[0-9a-fA-F]{32}$', examples: ['4bf92f3577b34da6a3ce929d0e0e4736'] });
}

/** An opaque pagination cursor as issued in `next_cursor`; its content is checked by the service. */
export function cursor(description: string) {
  return text(description, 512);
}
