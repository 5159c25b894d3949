import type { TestGateway } from './gateway.js';

/** The documented example heartbeat (spec: Collector Nodes), as GraphQL input. */
export const EXAMPLE_HEARTBEAT = {
  cluster: 'prod-eu-1',
  version: '3.2.1',
  cpuPercent: 12.4,
  memoryMb: 256,
  uptimeSeconds: 604_821,
  ingestionRateSps: 4782,
  spansIngestedTotal: '284910',
  droppedSpansTotal: '0',
  otlpGrpcActive: true,
  otlpHttpActive: true,
  samplingRate: 0.15,
  bufferUtilizationPct: 8.2,
};

export type HeartbeatVariables = typeof EXAMPLE_HEARTBEAT;

export const REPORT_HEARTBEAT = `mutation Report($nodeId: String!, $input: HeartbeatInput!) {
  reportHeartbeat(nodeId: $nodeId, input: $input) {
    node { nodeId cluster status statusReasons lastHeartbeat }
    heartbeat { nodeId receivedAt spansIngested droppedSpans restarted status statusReasons }
  }
}`;

export interface ReportedHeartbeat {
  reportHeartbeat: {
    node: { nodeId: string; cluster: string; status: string; statusReasons: string[]; lastHeartbeat: string };
    heartbeat: {
      nodeId: string;
      receivedAt: string;
      spansIngested: string;
      droppedSpans: string;
      restarted: boolean;
      status: string;
      statusReasons: string[];
    };
  };
}

/** Posts one heartbeat through the GraphQL mutation and fails the test on any error. */
export async function reportHeartbeat(
  gw: Pick<TestGateway, 'graphql'>,
  nodeId: string,
  overrides: Partial<HeartbeatVariables> = {},
  key?: string,
): Promise<ReportedHeartbeat['reportHeartbeat']> {
  const { status, body } = await gw.graphql<ReportedHeartbeat>(
    REPORT_HEARTBEAT,
    { nodeId, input: { ...EXAMPLE_HEARTBEAT, ...overrides } },
    key,
  );
  if (status !== 200 || body.errors !== undefined || body.data === undefined) {
    throw new Error(`reportHeartbeat(${nodeId}) failed: ${status} ${JSON.stringify(body.errors)}`);
  }
  return body.data.reportHeartbeat;
}
