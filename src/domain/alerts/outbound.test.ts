import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { embeddedIPv4, OutboundPolicy, OutboundRefusedError, type Resolver } from './outbound.js';

const PUBLIC = ['93.184.216.34', '8.8.8.8', '2606:4700::6810:85e5', '100.128.0.1', '172.32.0.1', '11.0.0.1'];
const REFUSED: readonly (readonly [string, RegExp])[] = [
  ['127.0.0.1', /loopback/],
  ['127.255.0.9', /loopback/],
  ['::1', /loopback/],
  ['10.0.0.1', /private/],
  ['172.16.5.4', /private/],
  ['172.31.255.255', /private/],
  ['192.168.1.1', /private/],
  ['fd12:3456::1', /private/],
  ['169.254.169.254', /metadata/],
  ['fe80::1', /link-local/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['0.0.0.0', /reserved/],
  ['::', /reserved/],
  ['224.0.0.1', /reserved/],
  ['255.255.255.255', /reserved/],
  ['::ffff:10.0.0.1', /private/],
  ['::ffff:a9fe:a9fe', /metadata/],
  ['64:ff9b::127.0.0.1', /loopback/],
];

const fixedResolver =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const addresses = table[host];
    if (addresses === undefined) throw new Error(`ENOTFOUND ${host}`);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('OutboundPolicy (SSRF guard)', () => {
  const strict = new OutboundPolicy([]);

  it.each(PUBLIC)('lets %s through', (address) => {
    expect(strict.refusal(address)).toBeNull();
  });

  it.each(REFUSED)('refuses %s as %s', (address, why) => {
    expect(strict.refusal(address)).toMatch(why);
  });

  it('reads IPv4 addresses embedded in IPv6 forms', () => {
    expect(embeddedIPv4('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(embeddedIPv4('::FFFF:A9FE:A9FE')).toBe('169.254.169.254');
    expect(embeddedIPv4('2001:db8::1')).toBeNull();
  });

  it('opens named ranges and CIDR blocks only as far as the operator says', () => {
    const config = loadConfig({ MESH_OUTBOUND_ALLOW: 'loopback, 10.1.0.0/16' });
    const policy = new OutboundPolicy(config.outboundAllow);
    expect(policy.refusal('127.0.0.1')).toBeNull();
    expect(policy.refusal('::1')).toBeNull();
    expect(policy.refusal('::ffff:127.0.0.1')).toBeNull();
    expect(policy.refusal('10.1.2.3')).toBeNull();
    expect(policy.refusal('10.2.0.1')).toMatch(/private/);
    expect(policy.refusal('169.254.169.254')).toMatch(/metadata/);
  });

  it('rejects a malformed MESH_OUTBOUND_ALLOW at start-up', () => {
    expect(() => loadConfig({ MESH_OUTBOUND_ALLOW: 'loopback,intranet' })).toThrow(/MESH_OUTBOUND_ALLOW/);
    expect(() => loadConfig({ MESH_OUTBOUND_ALLOW: '10.0.0.0/33' })).toThrow(/MESH_OUTBOUND_ALLOW/);
  });

  it('refuses a name when any of its addresses is refused, whichever comes first', async () => {
    const policy = new OutboundPolicy(
      [],
      fixedResolver({ 'hooks.example.com': ['93.184.216.34'], 'split.example.com': ['93.184.216.34', '10.0.0.7'] }),
    );
    await expect(policy.resolveHost('hooks.example.com')).resolves.toEqual({
      host: 'hooks.example.com',
      address: '93.184.216.34',
      family: 4,
    });
    await expect(policy.resolveHost('split.example.com')).rejects.toThrow(/private-network address \(10\.0\.0\.7\)/);
  });

  it('treats a name that does not resolve as a transient refusal', async () => {
    const policy = new OutboundPolicy([], fixedResolver({}));
    const error = await policy.resolveHost('nowhere.example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect((error as OutboundRefusedError).transient).toBe(true);
  });

  it('checks URLs: http(s) only, no credentials, bracketed IPv6 hosts', async () => {
    await expect(strict.resolveUrl(new URL('ftp://93.184.216.34/x'))).rejects.toThrow(/http or https/);
    await expect(strict.resolveUrl(new URL('https://user:pw@93.184.216.34/'))).rejects.toThrow(/credentials/);
    await expect(strict.resolveUrl(new URL('http://[::ffff:169.254.169.254]/latest/meta-data'))).rejects.toThrow(/metadata/);
    await expect(strict.resolveUrl(new URL('https://[2606:4700::6810:85e5]/hook'))).resolves.toMatchObject({
      address: '2606:4700::6810:85e5',
      family: 6,
    });
  });
});
