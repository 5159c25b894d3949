import { printTable } from './harness.js';
import { GRPC_INGEST_TITLE, runGrpcIngestBench } from './grpc-ingest.js';
import { runIngestBench } from './ingest.js';
import { runQueryBench } from './query.js';
import { runRollupBench } from './rollups.js';
import { runSubscriptionBench } from './subscriptions.js';
import { runTraceAnalysisBench } from './trace-analysis.js';
import { printVolume, runVolumeBench } from './volume.js';

/** `npm run bench`: every benchmark, each printed as a table. Nothing here is asserted. */
printTable('OTLP/HTTP ingest, spans/s (4 concurrent senders)', await runIngestBench());
printTable(GRPC_INGEST_TITLE, await runGrpcIngestBench());
printTable(`Query latency (GraphQL over HTTP vs the bare driver query)`, await runQueryBench());
printTable('Live subscriptions (1,000 graphql-ws subscribers)', await runSubscriptionBench());
printTable('Rollups and services/topology queries', await runRollupBench());
printTable('Trace analysis (pure functions, then GraphQL over HTTP vs the query it extends)', await runTraceAnalysisBench());
printVolume(await runVolumeBench());
process.exit(0);
