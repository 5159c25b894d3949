import { printTable } from './harness.js';
import { runIngestBench } from './ingest.js';
import { runQueryBench } from './query.js';

/** `npm run bench`: every benchmark, each printed as a table. Nothing here is asserted. */
printTable('OTLP/HTTP ingest, spans/s (4 concurrent senders)', await runIngestBench());
printTable(`Query latency (GraphQL over HTTP vs the bare driver query)`, await runQueryBench());
process.exit(0);
