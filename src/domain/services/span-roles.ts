import type { KeyValue } from '../../otlp/otlp.types.js';
import type { Span } from '../traces/span.js';

/**
 * What a span contributes to the service and topology rollups. Pure functions
 * of one span, so every instance classifies a span the same way, in whatever
 * batch and order it arrives (docs/services-topology.md states these rules).
 */

const KIND_SERVER = 2;
const KIND_CLIENT = 3;
const KIND_PRODUCER = 4;
const KIND_CONSUMER = 5;
const STATUS_ERROR = 2;

/**
 * OTLP Span.flags bits 8 and 9 (SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK,
 * SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK): the SDK knew whether the parent was
 * remote, and it was. Current OpenTelemetry SDKs set both on local roots.
 */
const PARENT_REMOTE_KNOWN = 0x100;
const PARENT_IS_REMOTE = 0x200;

export type LeafType = 'database' | 'messaging' | 'external';
export type NodeType = 'service' | LeafType;

/** A topology node a span points at that emits no spans of its own. */
export interface Leaf {
  readonly id: string;
  readonly type: LeafType;
}

function stringAttribute(attributes: readonly KeyValue[], ...keys: string[]): string | null {
  for (const key of keys) {
    const found = attributes.find((a) => a.key === key);
    if (found?.value.type === 'string' && found.value.value !== '') return found.value.value;
  }
  return null;
}

export function isError(span: Pick<Span, 'status'>): boolean {
  return span.status.code === STATUS_ERROR;
}

export function durationNs(span: Pick<Span, 'startTimeUnixNano' | 'endTimeUnixNano'>): number {
  return span.endTimeUnixNano > span.startTimeUnixNano ? Number(span.endTimeUnixNano - span.startTimeUnixNano) : 0;
}

/**
 * A request to the span's service, counted in its RED metrics: a server or
 * consumer span, or a local root (a span without a parent, or whose parent
 * the SDK marked as remote, i.e. in another process).
 */
export function isEntrySpan(span: Pick<Span, 'kind' | 'parentSpanId' | 'flags'>): boolean {
  if (span.kind === KIND_SERVER || span.kind === KIND_CONSUMER) return true;
  if (span.parentSpanId === null) return true;
  return (span.flags & (PARENT_REMOTE_KNOWN | PARENT_IS_REMOTE)) === (PARENT_REMOTE_KNOWN | PARENT_IS_REMOTE);
}

function isOutgoing(span: Pick<Span, 'kind'>): boolean {
  return span.kind === KIND_CLIENT || span.kind === KIND_PRODUCER;
}

/**
 * The leaf an outgoing span reaches for certain, from its attributes alone,
 * so the edge is counted at once: a database (db.system.name / db.system),
 * a messaging destination (messaging.system), or an uninstrumented peer named
 * by peer.service. Null for other spans, which wait for a server child.
 */
export function immediateLeaf(span: Pick<Span, 'kind' | 'attributes'>): Leaf | null {
  if (!isOutgoing(span)) return null;
  const a = span.attributes;
  const dbSystem = stringAttribute(a, 'db.system.name', 'db.system');
  if (dbSystem !== null) {
    return { type: 'database', id: stringAttribute(a, 'peer.service', 'server.address', 'db.namespace', 'db.name') ?? dbSystem };
  }
  const messagingSystem = stringAttribute(a, 'messaging.system');
  if (messagingSystem !== null) {
    const destination = stringAttribute(a, 'messaging.destination.name', 'messaging.destination');
    return { type: 'messaging', id: destination === null ? messagingSystem : `${messagingSystem}/${destination}` };
  }
  const peer = stringAttribute(a, 'peer.service');
  return peer === null ? null : { type: 'external', id: peer };
}

/** The external leaf an outgoing span is counted against when no server child arrived within the join window. */
export function fallbackLeaf(span: Pick<Span, 'kind' | 'attributes'>): Leaf | null {
  if (!isOutgoing(span)) return null;
  const host = stringAttribute(span.attributes, 'server.address', 'net.peer.name', 'http.host');
  return host === null ? null : { type: 'external', id: host };
}

/**
 * The span's side in the parent/child join: a caller waits for children in
 * other services (client → server, producer → consumer), a callee for its
 * parent. Database and peer.service calls are settled as leaves and never
 * wait; a messaging producer is counted against its destination and also
 * waits, so that its consumers give producer → consumer edges.
 */
export type JoinRole =
  { readonly side: 'caller'; readonly key: string; readonly fallback: Leaf | null } | { readonly side: 'callee'; readonly key: string };

export function joinRole(span: Pick<Span, 'kind' | 'attributes' | 'spanId' | 'parentSpanId'>): JoinRole | null {
  if (isOutgoing(span)) {
    const leaf = immediateLeaf(span);
    if (leaf === null) return { side: 'caller', key: span.spanId, fallback: fallbackLeaf(span) };
    return leaf.type === 'messaging' ? { side: 'caller', key: span.spanId, fallback: null } : null;
  }
  if ((span.kind === KIND_SERVER || span.kind === KIND_CONSUMER) && span.parentSpanId !== null) {
    return { side: 'callee', key: span.parentSpanId };
  }
  return null;
}
