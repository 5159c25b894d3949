import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { OutboundRangeName } from '../../config.js';

/**
 * The SSRF guard of outbound notifications (webhook, Slack, PagerDuty URLs
 * and SMTP hosts). An address is refused when it lies in a range a tenant
 * must not reach through the gateway — loopback, private networks, link-local
 * (which holds the cloud metadata endpoint 169.254.169.254), CGNAT, and
 * non-unicast or reserved space — unless the operator opened that range with
 * MESH_OUTBOUND_ALLOW (a range name or a CIDR block).
 *
 * A host is checked when a channel is configured, and again at every send:
 * the sender connects to the very address that was checked (never resolving
 * the name a second time), so a DNS answer that changes in between (DNS
 * rebinding) cannot steer a notification into a refused range.
 */

type Cidr = readonly [address: string, prefix: number];

const NAMED_RANGES: Readonly<Record<OutboundRangeName, readonly Cidr[]>> = {
  loopback: [
    ['127.0.0.0', 8],
    ['::1', 128],
  ],
  private: [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['fc00::', 7],
  ],
  'link-local': [
    ['169.254.0.0', 16],
    ['fe80::', 10],
  ],
  cgnat: [['100.64.0.0', 10]],
};

/** Never a notification receiver; refused like the named ranges, and only a CIDR entry can open them. */
const RESERVED: readonly Cidr[] = [
  ['0.0.0.0', 8],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
  ['::', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['ff00::', 8],
];

/** Why an address is refused, for the error message. */
const RANGE_LABELS: readonly (readonly [label: string, ranges: readonly Cidr[]])[] = [
  ['a loopback address', NAMED_RANGES.loopback],
  ['a private-network address', NAMED_RANGES.private],
  ['a link-local or cloud metadata address', NAMED_RANGES['link-local']],
  ['a carrier-grade NAT address', NAMED_RANGES.cgnat],
  ['a reserved or non-unicast address', RESERVED],
];

function blockListOf(cidrs: readonly Cidr[]): BlockList {
  const list = new BlockList();
  for (const [address, prefix] of cidrs) list.addSubnet(address, prefix, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  return list;
}

const LABELLED = RANGE_LABELS.map(([label, cidrs]) => [label, blockListOf(cidrs)] as const);

/**
 * IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d,
 * NAT64 64:ff9b::/96) are judged by that IPv4 address, so that
 * `[::ffff:10.0.0.1]` is as private as `10.0.0.1`.
 */
export function embeddedIPv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** A host that may not be reached; `transient` when it merely failed to resolve (and may resolve later). */
export class OutboundRefusedError extends Error {
  override readonly name = 'OutboundRefusedError';
  constructor(
    message: string,
    readonly transient = false,
  ) {
    super(message);
  }
}

export interface ResolvedHost {
  /** The name as given (for TLS server name and the Host header). */
  readonly host: string;
  /** The checked address to connect to. */
  readonly address: string;
  readonly family: 4 | 6;
}

export type Resolver = (host: string) => Promise<readonly { address: string; family: number }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true });

export class OutboundPolicy {
  private readonly allowed: BlockList;

  /** `allow`: MESH_OUTBOUND_ALLOW as parsed by the config (range names and CIDR blocks). */
  constructor(
    allow: readonly string[],
    private readonly resolve: Resolver = systemResolver,
  ) {
    const cidrs: Cidr[] = [];
    for (const entry of allow) {
      if (Object.hasOwn(NAMED_RANGES, entry)) cidrs.push(...NAMED_RANGES[entry as OutboundRangeName]);
      else {
        const [address, prefix] = entry.split('/');
        cidrs.push([address!, Number(prefix)]);
      }
    }
    this.allowed = blockListOf(cidrs);
  }

  /** Null when the address may be reached; else why not. */
  refusal(address: string): string | null {
    const v4 = isIP(address) === 6 ? embeddedIPv4(address) : null;
    const [checked, family] = v4 !== null ? [v4, 'ipv4' as const] : [address, isIP(address) === 6 ? ('ipv6' as const) : ('ipv4' as const)];
    if (this.allowed.check(checked, family) || (v4 !== null && this.allowed.check(address, 'ipv6'))) return null;
    for (const [label, list] of LABELLED) if (list.check(checked, family)) return label;
    return null;
  }

  /**
   * Resolves a host (a name or an IP literal, IPv6 with or without brackets)
   * and returns the first address, after checking that every address it
   * resolves to is allowed: a name with one public and one private address is
   * refused, whichever the resolver would have returned first.
   */
  async resolveHost(host: string): Promise<ResolvedHost> {
    const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
    let addresses: readonly { address: string; family: number }[];
    if (isIP(bare) !== 0) addresses = [{ address: bare, family: isIP(bare) }];
    else {
      try {
        addresses = await this.resolve(bare);
      } catch {
        throw new OutboundRefusedError(`host '${bare}' could not be resolved`, true);
      }
    }
    const [first] = addresses;
    if (first === undefined) throw new OutboundRefusedError(`host '${bare}' could not be resolved`, true);
    for (const { address } of addresses) {
      const why = this.refusal(address);
      if (why !== null) {
        throw new OutboundRefusedError(
          `host '${bare}' resolves to ${why} (${address}), which notifications may not reach unless MESH_OUTBOUND_ALLOW allows it`,
        );
      }
    }
    return { host: bare, address: first.address, family: first.family === 6 ? 6 : 4 };
  }

  /** Checks an http(s) URL and resolves its host; the URL must not carry credentials. */
  async resolveUrl(url: URL): Promise<ResolvedHost> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefusedError('must be an http or https URL');
    if (url.username !== '' || url.password !== '') throw new OutboundRefusedError('must not contain credentials');
    return this.resolveHost(url.hostname);
  }
}
