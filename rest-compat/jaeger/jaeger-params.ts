import { z } from 'zod';
import { ValidationError } from '../../src/errors.js';
import { formatSearch } from '../../src/domain/search/search.format.js';
import { DURATION_UNIT_NS, scaleDecimal } from '../../src/domain/search/search.lexer.js';
import type { FieldRef, Literal, SearchExpression } from '../../src/domain/search/search.parser.js';

/*
 * Jaeger query's parameters (cmd/query/app/query_parser.go): times in epoch
 * microseconds (endTs in milliseconds), durations in Go's syntax (`100ms`,
 * `1.5s`, `1h30m`), tags as `tag=key:value` pairs or a `tags` JSON object;
 * and the search they ask for, written in the gateway's search language.
 */

const GO_DURATION = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h)(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))*$/;
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** A non-negative Go duration as exact nanoseconds, or null if it is not one. */
export function parseGoDuration(text: string): bigint | null {
  if (!GO_DURATION.test(text)) return null;
  let ns = 0n;
  for (const [, digits = '', unit = 'ns'] of text.matchAll(DURATION_PART)) {
    const scaled = scaleDecimal(digits.startsWith('.') ? `0${digits}` : digits.replace(/\.$/, ''), DURATION_UNIT_NS[unit] ?? 1n);
    if (scaled === null) return null;
    ns += scaled;
  }
  return ns;
}

function typeError(message: string) {
  return (issue: { readonly input?: unknown }) => (issue.input === undefined ? 'is required' : message);
}

/** A Go duration (`minDuration=100ms`) as nanoseconds. */
export function goDuration(description: string) {
  const message = 'must be a duration such as 100ms, 1.5s or 1h30m';
  return z
    .string({ error: typeError(message) })
    .transform((text, ctx) => {
      const ns = parseGoDuration(text);
      if (ns === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return ns;
    })
    .meta({ description, examples: ['100ms'] });
}

/** 9999-12-31T23:59:59.999Z, the last instant a DateTime can carry, in milliseconds. */
const MAX_EPOCH_MS = 253_402_300_799_999;

/** Epoch time in `unitsPerMs` units per millisecond (1000 for Jaeger's microseconds), as epoch milliseconds. */
export function epochTime(unitsPerMs: 1 | 1000, description: string) {
  const unit = unitsPerMs === 1000 ? 'microseconds' : 'milliseconds';
  const message = `must be a whole number of ${unit} since the Unix epoch`;
  return z
    .string({ error: typeError(message) })
    .transform((text, ctx) => {
      const ms = /^\d{1,19}$/.test(text) ? Number(BigInt(text) / BigInt(unitsPerMs)) : NaN;
      if (!Number.isFinite(ms) || ms > MAX_EPOCH_MS) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return ms;
    })
    .meta({ description });
}

/** A decimal integer within [min, max] (the dependencies' `lookback`). */
export function boundedInteger(min: number, max: number, description: string) {
  const message = `must be an integer from ${min} to ${max}`;
  return z
    .string({ error: typeError(message) })
    .transform((text, ctx) => {
      const n = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
      if (!(n >= min && n <= max)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    })
    .meta({ description, type: 'integer', minimum: min, maximum: max });
}

/**
 * A positive decimal integer, clamped to `max` rather than refused above it
 * (Jaeger's search `limit`: clients send Jaeger's own default of 100, or more,
 * and expect an answer). `0`, `-1`, `1.5`, `1e2` or an empty value are refused.
 */
export function clampedPositiveInteger(max: number, description: string) {
  const message = 'must be a positive integer';
  return z
    .string({ error: typeError(message) })
    .transform((text, ctx) => {
      const n = /^\d+$/.test(text) ? Number(text) : NaN;
      if (!(n >= 1)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Math.min(n, max);
    })
    .meta({ description, type: 'integer', minimum: 1 });
}

/** Jaeger UI's lookback menu (`1h`, `2d`, …) or `custom` (Grafana sends it with start and end). */
export function lookback(description: string) {
  const message = "must be 'custom' or a whole number of m, h, d or w (e.g. 1h, 2d)";
  return z
    .string({ error: typeError(message) })
    .transform((text, ctx) => {
      if (text === 'custom') return null;
      const m = /^(\d{1,6})([mhdw])$/.exec(text);
      if (m === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm' | 'h' | 'd' | 'w'];
    })
    .meta({ description, examples: ['1h', 'custom'] });
}

/** A trace id as Jaeger takes it: 1 to 32 hex digits, left-padded with zeros to the 32 of a W3C trace id. */
export function jaegerTraceIdParam(description: string) {
  const message = 'must be a trace ID of 1 to 32 hex digits';
  return z
    .string({ error: typeError(message) })
    .regex(/^[0-9a-fA-F]{1,32}$/, { error: message })
    .transform((text) => text.toLowerCase().padStart(32, '0'))
    .meta({ description, examples: ['4bf92f3577b34da6a3ce929d0e0e4736'] });
}

/** Repeated `tag=key:value` parameters and the `tags` JSON object, merged (the JSON object's entries win, as in Jaeger). */
export function jaegerTags(tag: readonly string[] | undefined, tags: string | undefined): Map<string, string> {
  const merged = new Map<string, string>();
  for (const pair of tag ?? []) {
    const colon = pair.indexOf(':');
    if (colon <= 0) throw new ValidationError(`Parameter 'tag' must be key:value; received ${JSON.stringify(pair)}`, 'tag');
    merged.set(pair.slice(0, colon), pair.slice(colon + 1));
  }
  if (tags !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(tags);
    } catch {
      throw new ValidationError("Parameter 'tags' must be a JSON object of string values", 'tags');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ValidationError("Parameter 'tags' must be a JSON object of string values", 'tags');
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value !== 'string')
        throw new ValidationError(`Parameter 'tags' must be a JSON object of string values; '${key}' is not a string`, 'tags');
      merged.set(key, value);
    }
  }
  return merged;
}

// ------------------------------------------------------------ the search

const field = (path: string): FieldRef => ({ path, text: path, position: 0 });
const text = (value: string): Literal => ({ kind: 'string', value, text: value, position: 0 });
const word = (value: string): Literal => ({ kind: 'word', value, text: value, position: 0 });
const equals = (path: string, value: Literal): SearchExpression => ({
  kind: 'compare',
  field: field(path),
  operator: '=',
  value,
  position: 0,
});
const and = (operands: SearchExpression[]): SearchExpression =>
  operands.length === 1 ? operands[0]! : { kind: 'and', operands, position: 0 };
const or = (operands: SearchExpression[]): SearchExpression =>
  operands.length === 1 ? operands[0]! : { kind: 'or', operands, position: 0 };

/**
 * The typed values a Jaeger tag value may stand for: Jaeger compares tags as
 * text, so `http.status_code:500` must find the int64 500 and `sampled:true`
 * the boolean.
 */
function typedAlternatives(value: string): Literal[] {
  const alternatives: Literal[] = [text(value)];
  if (/^-?\d{1,19}$/.test(value)) {
    const n = BigInt(value);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) alternatives.push({ kind: 'number', value: n, text: value, position: 0 });
  } else if (/^-?\d+\.\d+$/.test(value)) {
    alternatives.push({ kind: 'number', value: Number(value), text: value, position: 0 });
  }
  if (value === 'true' || value === 'false') alternatives.push({ kind: 'boolean', value: value === 'true', text: value, position: 0 });
  return alternatives;
}

const SPAN_KINDS = ['internal', 'server', 'client', 'producer', 'consumer'];

/**
 * One tag condition: the span's attribute or its resource's (Jaeger matches
 * span and process tags), and for the tags the translator synthesises from
 * OTLP fields (`error`, `span.kind`, `otel.status_code`) the field itself.
 */
function tagCondition(key: string, value: string): SearchExpression {
  const values = typedAlternatives(value);
  const attribute = (prefix: string): SearchExpression =>
    values.length === 1 ? equals(`${prefix}.${key}`, values[0]!) : { kind: 'in', field: field(`${prefix}.${key}`), values, position: 0 };
  const alternatives = [attribute('attr'), attribute('resource')];
  if (key === 'error' && value === 'true') alternatives.unshift(equals('status', word('error')));
  if (key === 'span.kind' && SPAN_KINDS.includes(value)) alternatives.unshift(equals('kind', word(value)));
  if (key === 'otel.status_code' && (value === 'OK' || value === 'ERROR'))
    alternatives.unshift(equals('status', word(value.toLowerCase())));
  return or(alternatives);
}

export interface JaegerSearch {
  readonly service: string;
  readonly operation?: string | undefined;
  readonly tags: ReadonlyMap<string, string>;
  readonly minDurationNs?: bigint | undefined;
  readonly maxDurationNs?: bigint | undefined;
}

/**
 * The search-language expression of a Jaeger search. Every condition holds on
 * one span (the gateway's single-span rule): the service's span with that
 * operation, those tags, and a duration in the bounds.
 */
export function jaegerSearchExpression(search: JaegerSearch): string {
  const conditions: SearchExpression[] = [equals('service.name', text(search.service))];
  if (search.operation !== undefined) conditions.push(equals('name', text(search.operation)));
  for (const [key, value] of search.tags) conditions.push(tagCondition(key, value));
  const duration = (operator: '>=' | '<=', ns: bigint): SearchExpression => ({
    kind: 'compare',
    field: field('duration'),
    operator,
    value: { kind: 'duration', ns, text: `${ns}ns`, position: 0 },
    position: 0,
  });
  if (search.minDurationNs !== undefined) conditions.push(duration('>=', search.minDurationNs));
  if (search.maxDurationNs !== undefined) conditions.push(duration('<=', search.maxDurationNs));
  return formatSearch(and(conditions));
}
