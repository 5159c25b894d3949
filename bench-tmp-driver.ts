import { resolve } from 'node:path';
import { startEmbeddedMongo } from './src/db/embedded.js';
import { printTable } from './bench/harness.js';
import { runSubscriptionBench } from './bench/subscriptions.js';
const mongo = await startEmbeddedMongo({ dataDir: resolve('node_modules/.cache/mesh-trace-test-mongo/'), force: 'java', log: () => {} });
try {
  printTable('subs', await runSubscriptionBench({ subscribers: Number(process.env.N ?? 50), heartbeats: Number(process.env.H ?? 5), mongoUri: mongo.uri }));
} finally { await mongo.stop(); }
process.exit(0);
