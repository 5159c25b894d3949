import { describe, expect, it } from 'vitest';
import { IpRanges } from '../auth/ip-ranges.js';
import { bareAddress, clientAddress } from './client-address.js';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
const trusted = IpRanges.parse(['10.0.0.0/8', '::1'], 'MESH_TRUSTED_PROXIES');
const none = IpRanges.parse([], 'MESH_TRUSTED_PROXIES');

describe('bareAddress', () => {
  it('strips ports, brackets, quotes and the IPv4-mapped prefix', () => {
    expect(bareAddress('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(bareAddress('203.0.113.7:4711')).toBe('203.0.113.7');
    expect(bareAddress('"[2001:DB8::1]:4711"')).toBe('2001:db8::1');
    expect(bareAddress('unknown')).toBeNull();
    expect(bareAddress('_hidden')).toBeNull();
    expect(bareAddress(undefined)).toBeNull();
  });
});

describe('clientAddress', () => {
  it('is the peer when no proxy is trusted, whatever the headers say', () => {
    expect(clientAddress('10.1.1.1', headers({ 'x-forwarded-for': '203.0.113.7' }), none)).toBe('10.1.1.1');
    expect(clientAddress('203.0.113.9', headers({ 'x-forwarded-for': '203.0.113.7' }), trusted)).toBe('203.0.113.9');
  });

  it('takes the right-most untrusted hop behind trusted proxies', () => {
    expect(clientAddress('10.1.1.1', headers({ 'x-forwarded-for': '203.0.113.7' }), trusted)).toBe('203.0.113.7');
    expect(clientAddress('10.1.1.1', headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.2.2.2' }), trusted)).toBe('203.0.113.7');
    expect(clientAddress('::1', headers({ 'x-forwarded-for': '10.2.2.2, 10.3.3.3' }), trusted)).toBe('10.2.2.2');
    expect(clientAddress('10.1.1.1', headers({}), trusted)).toBe('10.1.1.1');
  });

  it('reads RFC 7239 Forwarded before X-Forwarded-For', () => {
    const both = headers({ forwarded: 'for=198.51.100.1;proto=https, for="[2001:db8::7]:4711"', 'x-forwarded-for': '203.0.113.7' });
    expect(clientAddress('10.1.1.1', both, trusted)).toBe('2001:db8::7');
    expect(clientAddress('10.1.1.1', headers({ forwarded: 'proto=https;for=198.51.100.1' }), trusted)).toBe('198.51.100.1');
  });

  it('is unknown when the hop to use is not an address', () => {
    expect(clientAddress('10.1.1.1', headers({ 'x-forwarded-for': '203.0.113.7, unknown' }), trusted)).toBeNull();
    expect(clientAddress('10.1.1.1', headers({ forwarded: 'for=_hidden' }), trusted)).toBeNull();
    expect(clientAddress('10.1.1.1', headers({ forwarded: 'proto=https' }), trusted)).toBeNull();
  });
});
