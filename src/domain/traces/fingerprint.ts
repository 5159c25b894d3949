import { createHash } from 'node:crypto';
import type { KeyValue, OtlpSpan } from '../../otlp/otlp.types.js';

const TOP_FRAMES = 3;

function stringAttribute(attributes: readonly KeyValue[], key: string): string {
  const found = attributes.find((a) => a.key === key);
  return found?.value.type === 'string' ? found.value.value : '';
}

/**
 * Message text with its variable parts replaced, so that "order 1234 not
 * found" and "order 98 not found" group as one issue.
 */
export function normaliseMessage(message: string): string {
  return message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/\b0x[0-9a-f]+\b/gi, '<hex>')
    .replace(/\b[0-9a-f]{16,}\b/gi, '<hex>')
    .replace(/"[^"]*"|'[^']*'/g, '<str>')
    .replace(/\d+(\.\d+)?/g, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The first frames of a stack trace without line and column numbers, which
 * move with every deploy while the issue stays the same.
 */
export function topFrames(stacktrace: string): string[] {
  return stacktrace
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(at |File |\w[\w$.]*\(|[\w$.]+:\d)/.test(line))
    .slice(0, TOP_FRAMES)
    .map((line) => line.replace(/:\d+(:\d+)?\)?$/, '').replace(/, line \d+/, ''));
}

/**
 * Stable issue fingerprint of an error span: exception.type + normalised
 * exception.message + the top stack frames of its first exception event.
 * Null for spans that did not fail or carry no exception event.
 */
export function issueFingerprint(span: Pick<OtlpSpan, 'status' | 'events'>): string | null {
  if (span.status.code !== 2) return null;
  const exception = span.events.find((e) => e.name === 'exception');
  if (exception === undefined) return null;
  const type = stringAttribute(exception.attributes, 'exception.type');
  const message = normaliseMessage(stringAttribute(exception.attributes, 'exception.message'));
  const frames = topFrames(stringAttribute(exception.attributes, 'exception.stacktrace'));
  if (type === '' && message === '') return null;
  return createHash('sha256')
    .update([type, message, ...frames].join('\n'))
    .digest('hex')
    .slice(0, 16);
}
