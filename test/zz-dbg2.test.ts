import { inject, it } from 'vitest';
import { startGatewayOnStore } from './helpers/store-gateway.js';
import { taggedBatch } from './helpers/otlp-retry.js';
it('lat', async () => {
  const gw = await startGatewayOnStore(inject('mongoUri'));
  const counts = new Map<string, [number, number]>();
  gw.store.client.on('commandSucceeded', (e) => { const c = counts.get(e.commandName) ?? [0, 0]; c[0]++; c[1] += e.duration; counts.set(e.commandName, c); });
  for (let i = 0; i < 8; i++) {
    const { body } = taggedBatch('lat', i * 25, 25);
    const t = Date.now();
    const res = await fetch(`${gw.baseUrl}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` }, body });
    console.log('LAT', res.status, Date.now() - t);
  }
  console.log('CMDS', JSON.stringify([...counts]));
  await gw.close();
}, 60000);
