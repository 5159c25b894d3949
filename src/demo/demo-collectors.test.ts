import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../test/helpers/gateway.js';
import { startDemoCollectors } from './demo-collectors.js';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});

afterAll(async () => {
  await gw.close();
});

describe('demo collectors', () => {
  it('report heartbeats of two nodes per demo cluster, one of which drops spans in bursts', async () => {
    const collectors = startDemoCollectors({ baseUrl: gw.baseUrl, apiKey: gw.apiKey, intervalMs: 50, seed: 3, log: () => undefined });
    try {
      await expect
        .poll(
          async () => {
            const { body } = await gw.graphql<{
              nodes: { edges: { node: { nodeId: string; cluster: string; health: { droppedSpans1h: string } } }[] };
            }>(`{ nodes(first: 10) { edges { node { nodeId cluster health { droppedSpans1h } } } } }`);
            return body.data!.nodes.edges.map(({ node }) => ({
              nodeId: node.nodeId,
              cluster: node.cluster,
              droppedSpans1h: node.health.droppedSpans1h,
            }));
          },
          { timeout: 20_000, interval: 200 },
        )
        .toEqual([
          { nodeId: 'otel-collector-eu-1a', cluster: 'prod-eu-1', droppedSpans1h: '0' },
          { nodeId: 'otel-collector-eu-1b', cluster: 'prod-eu-1', droppedSpans1h: '0' },
          { nodeId: 'otel-collector-us-1a', cluster: 'prod-us-1', droppedSpans1h: '0' },
          { nodeId: 'otel-collector-us-1b', cluster: 'prod-us-1', droppedSpans1h: expect.not.stringMatching(/^0$/) },
        ]);
    } finally {
      await collectors.stop();
    }
  });
});
