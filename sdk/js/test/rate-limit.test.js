import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MeshTrace, RateLimitError } from '@mesh-trace/sdk';
import { fx, skip } from './fixture.js';

describe('against a gateway', { skip }, () => {
  it('answers a 429 by waiting Retry-After, then succeeds', async () => {
    const impatient = new MeshTrace({ apiKey: fx.rate_limited_key, maxRetries: 0 });
    await impatient.services.list();
    await impatient.services.list();
    assert.equal(impatient.rateLimit.remaining, 0);
    const error = await impatient.services.list().then(
      () => assert.fail('not rate limited'),
      (e) => e,
    );
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.status, 429);
    assert.equal(error.code, 'rate_limited');
    assert.ok(error.retryAfter >= 1);
    assert.equal(error.rateLimit.remaining, 0);

    const patient = new MeshTrace({ apiKey: fx.rate_limited_key });
    const started = Date.now();
    const services = await patient.services.list();
    const waited = (Date.now() - started) / 1000;
    assert.ok(services.total >= 1);
    assert.ok(waited >= error.retryAfter - 2, `waited ${waited} s for a Retry-After of ${error.retryAfter} s`);
    console.log(`429 retry-after ${error.retryAfter} s, succeeded after ${waited.toFixed(1)} s`);
  });
});
