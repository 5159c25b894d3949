import { describe, expect, it } from 'vitest';
import { sweepIntervalMs, ttlRules } from './ttl-sweeper.js';

describe('ttlRules', () => {
  it('makes one rule of every index that declares expireAfterSeconds, and none of the others', () => {
    const rules = ttlRules([
      {
        name: 'spans',
        indexes: [
          { name: 'window', key: { org: 1, env: 1, start: -1 }, serves: 'x' },
          { name: 'retention_ttl', key: { start: 1 }, expireAfterSeconds: 3600, serves: 'x' },
        ],
      },
      { name: 'rate_limits', indexes: [{ name: 'expire_ttl', key: { expire: 1 }, expireAfterSeconds: 0, serves: 'x' }] },
      { name: 'alert_rules', indexes: [{ name: 'by_name', key: { org: 1, name: 1 }, unique: true, serves: 'x' }] },
    ]);
    expect(rules).toEqual([
      { collection: 'spans', index: 'retention_ttl', field: 'start', expireAfterSeconds: 3600 },
      { collection: 'rate_limits', index: 'expire_ttl', field: 'expire', expireAfterSeconds: 0 },
    ]);
  });

  it('refuses a compound TTL index, which MongoDB would refuse too', () => {
    expect(() =>
      ttlRules([{ name: 'c', indexes: [{ name: 'bad_ttl', key: { org: 1, at: 1 }, expireAfterSeconds: 60, serves: 'x' }] }]),
    ).toThrow('TTL index c.bad_ttl must have exactly one field');
  });
});

describe('sweepIntervalMs', () => {
  it('sweeps a tenth of the lifetime apart, at least every minute and at most every second', () => {
    const rule = (expireAfterSeconds: number) => ({ collection: 'c', index: 'i', field: 'f', expireAfterSeconds });
    expect(sweepIntervalMs(rule(0))).toBe(1_000);
    expect(sweepIntervalMs(rule(30))).toBe(3_000);
    expect(sweepIntervalMs(rule(168 * 3600))).toBe(60_000);
  });
});
