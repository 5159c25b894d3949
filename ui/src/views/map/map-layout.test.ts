import { describe, expect, it } from 'vitest';
import { layoutMap, NODE_HEIGHT, NODE_WIDTH } from './map-layout';

const node = (id: string, type = 'SERVICE') => ({ id, type });
const edge = (source: string, target: string) => ({ source, target });

/** The demo topology: a gateway fanning out to services, a database, a topic and an external API. */
const DEMO = {
  nodes: [
    node('api-gateway'),
    node('order-svc'),
    node('inventory-svc'),
    node('payment-svc'),
    node('notification-svc'),
    node('postgres-orders', 'DATABASE'),
    node('kafka/order-events', 'MESSAGING'),
    node('stripe-api', 'EXTERNAL'),
  ],
  edges: [
    edge('api-gateway', 'order-svc'),
    edge('order-svc', 'inventory-svc'),
    edge('order-svc', 'payment-svc'),
    edge('order-svc', 'postgres-orders'),
    edge('order-svc', 'kafka/order-events'),
    edge('kafka/order-events', 'notification-svc'),
    edge('payment-svc', 'stripe-api'),
  ],
};

describe('layoutMap', () => {
  it('ranks each node by the longest call chain reaching it, callers left of callees', () => {
    const layout = layoutMap(DEMO.nodes, DEMO.edges);
    const rank = Object.fromEntries(layout.nodes.map((n) => [n.node.id, n.rank]));
    expect(rank).toEqual({
      'api-gateway': 0,
      'order-svc': 1,
      'inventory-svc': 2,
      'payment-svc': 2,
      'postgres-orders': 2,
      'kafka/order-events': 2,
      'notification-svc': 3,
      'stripe-api': 3,
    });
    for (const e of layout.edges) expect(e.backward).toBe(false);
  });

  it('places every node once, inside the canvas, without overlapping boxes', () => {
    const layout = layoutMap(DEMO.nodes, DEMO.edges);
    expect(layout.nodes.map((n) => n.node.id).sort()).toEqual(DEMO.nodes.map((n) => n.id).sort());
    for (const n of layout.nodes) {
      expect(n.x - NODE_WIDTH / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + NODE_WIDTH / 2).toBeLessThanOrEqual(layout.width);
      expect(n.y - NODE_HEIGHT / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + NODE_HEIGHT / 2).toBeLessThanOrEqual(layout.height);
    }
    for (const a of layout.nodes)
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT;
        expect(apart, `${a.node.id} / ${b.node.id}`).toBe(true);
      }
  });

  it('keeps the node objects it was given, so types and figures reach the view', () => {
    const layout = layoutMap(DEMO.nodes, DEMO.edges);
    expect(layout.nodes.find((n) => n.node.id === 'postgres-orders')?.node).toBe(DEMO.nodes[5]);
    expect(layout.edges.map((e) => e.edge)).toEqual(DEMO.edges);
  });

  it('breaks a call cycle by drawing one edge backwards, and still ranks every node', () => {
    const layout = layoutMap([node('a'), node('b'), node('c')], [edge('a', 'b'), edge('b', 'c'), edge('c', 'b')]);
    const rank = Object.fromEntries(layout.nodes.map((n) => [n.node.id, n.rank]));
    expect(rank).toEqual({ a: 0, b: 1, c: 2 });
    expect(layout.edges.map((e) => [e.edge.source, e.edge.target, e.backward])).toEqual([
      ['a', 'b', false],
      ['b', 'c', false],
      ['c', 'b', true],
    ]);
  });

  it('draws a service calling itself as a loop', () => {
    const layout = layoutMap([node('a')], [edge('a', 'a')]);
    expect(layout.nodes).toHaveLength(1);
    expect(layout.edges[0]?.backward).toBe(true);
    expect(layout.edges[0]?.path).toMatch(/^M/);
  });

  it('orders a column to follow its callers, so calls do not cross needlessly', () => {
    const layout = layoutMap(
      [node('a'), node('b'), node('a-db', 'DATABASE'), node('b-db', 'DATABASE')],
      [edge('a', 'b-db'), edge('b', 'a-db')],
    );
    const at = Object.fromEntries(layout.nodes.map((n) => [n.node.id, n.order]));
    expect(at['a-db'] === at.b).toBe(true);
    expect(at['b-db'] === at.a).toBe(true);
  });

  it('puts each edge label on its curve where it covers no node and no other label', () => {
    const size = { width: 150, height: 15 };
    const layout = layoutMap(DEMO.nodes, DEMO.edges, { labelSize: () => size });
    const boxes = [
      ...layout.nodes.map((n) => ({ x: n.x - NODE_WIDTH / 2, y: n.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT })),
      ...layout.edges.map((e) => ({ x: e.labelX - size.width / 2, y: e.labelY - size.height / 2, ...size })),
    ];
    const overlap = (a: (typeof boxes)[number], b: (typeof boxes)[number]) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `boxes ${i} and ${j}`).toBe(false);
  });

  it('lays out an empty graph', () => {
    expect(layoutMap([], [])).toMatchObject({ nodes: [], edges: [] });
  });
});
