import { inject, it } from 'vitest';
import { buildApp } from '/work/main/src/app.js';
import { loadConfig } from '/work/main/src/config.js';
import { connectStore } from '/work/main/src/db/client.js';
import { createLogger } from '/work/main/src/logger.js';
import { FaultProxy } from '/work/main/test/helpers/fault-proxy.js';
import { randomApiKey } from '/work/main/test/helpers/gateway.js';
import { steadyIngest } from '/work/main/test/helpers/otlp-retry.js';
it('dbg', async () => {
  const proxy = await FaultProxy.start(inject('mongoUri'));
  const apiKey = randomApiKey();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', MONGODB_DB: 'dbgx', MESH_BOOTSTRAP_API_KEY: apiKey, MESH_LOG_LEVEL: 'debug' });
  const store = await connectStore(proxy.uri, 'dbgx');
  const app = buildApp({ config, db: store.db, log: createLogger({ level: 'debug' }) });
  const { port } = await app.start();
  store.client.on('topologyDescriptionChanged', (e) => console.log('TOPO', [...e.newDescription.servers.values()].map(s => s.type + ' ' + (s.error?.message ?? ''))));
  proxy.setFaults({ dropRate: 0.05, cutRate: 0.003, delayMs: [0, 40] });
  const stopAt = Date.now() + 8000;
  const t0 = Date.now();
  await steadyIngest({ url: `http://127.0.0.1:${port}/v1/traces`, apiKey, tag: 'x', workers: 6, batchSize: 25, until: () => Date.now() > stopAt, retryDeadlineMs: 20000,
    onOutcome: (o) => console.log('OUT', Date.now() - t0, o.status, o.attempts) });
  console.log(proxy.stats);
}, 60000);
