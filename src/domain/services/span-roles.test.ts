import { describe, expect, it } from 'vitest';
import type { KeyValue } from '../../otlp/otlp.types.js';
import { fallbackLeaf, immediateLeaf, isEntrySpan, joinRole } from './span-roles.js';

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;
const INTERNAL = 1;

function attrs(record: Record<string, string>): KeyValue[] {
  return Object.entries(record).map(([key, value]) => ({ key, value: { type: 'string', value } }));
}

function span(kind: number, attributes: Record<string, string> = {}, parentSpanId: string | null = 'aaaaaaaaaaaaaaaa', flags = 0) {
  return { kind: kind as 1, attributes: attrs(attributes), parentSpanId, flags, spanId: 'bbbbbbbbbbbbbbbb' };
}

describe('entry spans (the requests of a service)', () => {
  it('counts server and consumer spans', () => {
    expect(isEntrySpan(span(SERVER))).toBe(true);
    expect(isEntrySpan(span(CONSUMER))).toBe(true);
  });

  it('counts a root span of any kind', () => {
    expect(isEntrySpan(span(INTERNAL, {}, null))).toBe(true);
    expect(isEntrySpan(span(CLIENT, {}, null))).toBe(true);
  });

  it('counts a local root: a span whose parent the SDK marked remote (OTLP flags bits 8 and 9)', () => {
    expect(isEntrySpan(span(INTERNAL, {}, 'aaaaaaaaaaaaaaaa', 0x300 | 0x01))).toBe(true);
    expect(isEntrySpan(span(INTERNAL, {}, 'aaaaaaaaaaaaaaaa', 0x100 | 0x01))).toBe(false);
  });

  it('does not count client, producer or internal children', () => {
    expect(isEntrySpan(span(CLIENT))).toBe(false);
    expect(isEntrySpan(span(PRODUCER))).toBe(false);
    expect(isEntrySpan(span(INTERNAL))).toBe(false);
  });
});

describe('leaf typing from client-span attributes', () => {
  it('types a database by db.system.name and names it by server.address (the demo postgres-orders)', () => {
    const s = span(CLIENT, { 'db.system.name': 'postgresql', 'db.namespace': 'orders', 'server.address': 'postgres-orders' });
    expect(immediateLeaf(s)).toEqual({ type: 'database', id: 'postgres-orders' });
  });

  it('falls back to db.namespace / db.name, then to the system, for the database name', () => {
    expect(immediateLeaf(span(CLIENT, { 'db.system': 'redis', 'db.name': 'sessions' }))).toEqual({ type: 'database', id: 'sessions' });
    expect(immediateLeaf(span(CLIENT, { 'db.system': 'sqlite' }))).toEqual({ type: 'database', id: 'sqlite' });
  });

  it('prefers peer.service as the name of any leaf', () => {
    expect(immediateLeaf(span(CLIENT, { 'db.system.name': 'mysql', 'peer.service': 'billing-db', 'server.address': '10.0.0.7' }))).toEqual({
      type: 'database',
      id: 'billing-db',
    });
  });

  it('types a messaging destination as system/destination (the demo kafka/order-events)', () => {
    const s = span(PRODUCER, { 'messaging.system': 'kafka', 'messaging.destination.name': 'order-events', 'server.address': 'kafka.shop' });
    expect(immediateLeaf(s)).toEqual({ type: 'messaging', id: 'kafka/order-events' });
  });

  it('types an uninstrumented peer named by peer.service as external (the demo stripe-api)', () => {
    const s = span(CLIENT, { 'peer.service': 'stripe-api', 'server.address': 'api.stripe.com' });
    expect(immediateLeaf(s)).toEqual({ type: 'external', id: 'stripe-api' });
  });

  it('settles nothing at once for a plain HTTP client call, but names its fallback by server.address', () => {
    const s = span(CLIENT, { 'server.address': 'order-svc.shop.svc.cluster.local' });
    expect(immediateLeaf(s)).toBeNull();
    expect(fallbackLeaf(s)).toEqual({ type: 'external', id: 'order-svc.shop.svc.cluster.local' });
  });

  it('never types server, consumer or internal spans as calls to a leaf', () => {
    expect(immediateLeaf(span(SERVER, { 'db.system.name': 'postgresql' }))).toBeNull();
    expect(immediateLeaf(span(CONSUMER, { 'messaging.system': 'kafka' }))).toBeNull();
    expect(immediateLeaf(span(INTERNAL, { 'peer.service': 'x' }))).toBeNull();
  });
});

describe('join roles', () => {
  it('makes a plain client span a caller keyed by its own span id', () => {
    expect(joinRole(span(CLIENT, { 'server.address': 'h' }))).toEqual({
      side: 'caller',
      key: 'bbbbbbbbbbbbbbbb',
      fallback: { type: 'external', id: 'h' },
    });
  });

  it('makes a messaging producer a caller without fallback (its destination edge is already counted)', () => {
    expect(joinRole(span(PRODUCER, { 'messaging.system': 'kafka', 'messaging.destination.name': 't' }))).toEqual({
      side: 'caller',
      key: 'bbbbbbbbbbbbbbbb',
      fallback: null,
    });
  });

  it('keeps database and peer.service calls out of the join', () => {
    expect(joinRole(span(CLIENT, { 'db.system.name': 'postgresql' }))).toBeNull();
    expect(joinRole(span(CLIENT, { 'peer.service': 'stripe-api' }))).toBeNull();
  });

  it('makes server and consumer spans callees keyed by their parent span id; roots have no join', () => {
    expect(joinRole(span(SERVER))).toEqual({ side: 'callee', key: 'aaaaaaaaaaaaaaaa' });
    expect(joinRole(span(CONSUMER))).toEqual({ side: 'callee', key: 'aaaaaaaaaaaaaaaa' });
    expect(joinRole(span(SERVER, {}, null))).toBeNull();
    expect(joinRole(span(INTERNAL))).toBeNull();
  });
});
