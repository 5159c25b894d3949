import type { KeyValue } from '../../otlp/otlp.types.js';
import type { Span } from './span.js';

/**
 * Error spans grouped by their issue fingerprint (fingerprint.ts)
 * within a time window. `sample` is the latest occurrence.
 */
export interface IssueGroup {
  readonly fingerprint: string;
  readonly count: number;
  readonly firstSeen: Date;
  readonly lastSeen: Date;
  /** Services with an occurrence in the window, sorted. */
  readonly services: readonly string[];
  readonly sample: { readonly traceId: string; readonly spanId: string };
}

function stringAttribute(attributes: readonly KeyValue[], key: string): string | null {
  const value = attributes.find((a) => a.key === key)?.value;
  return value?.type === 'string' ? value.value : null;
}

/**
 * The exception of a span as the fingerprint saw it: its first `exception`
 * event (OpenTelemetry semantic conventions), so the type and message shown
 * for an issue are those that were fingerprinted.
 */
export function exceptionOf(span: Pick<Span, 'events'>): { readonly type: string | null; readonly message: string | null } {
  const event = span.events.find((e) => e.name === 'exception');
  if (event === undefined) return { type: null, message: null };
  return { type: stringAttribute(event.attributes, 'exception.type'), message: stringAttribute(event.attributes, 'exception.message') };
}
