import { BlockList, isIP } from 'node:net';
import { ValidationError } from '../errors.js';

/** At most this many entries in one organization's allow-list (or in MESH_TRUSTED_PROXIES). */
export const MAX_RANGES = 100;

/** The 16-bit groups of an IPv6 address (an embedded IPv4 tail included), or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1] !== undefined) {
    const bytes = v4[1].split('.').map(Number);
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    text = `${text.slice(0, -v4[1].length)}${hex(bytes[0]!, bytes[1]!)}:${hex(bytes[2]!, bytes[3]!)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const fill = 8 - left.length - right.length;
  return [...left, ...new Array<number>(tail === undefined ? 0 : fill).fill(0), ...right];
}

function formatIpv6(groups: readonly number[]): string {
  // RFC 5952: the longest run of two or more zero groups (the first of equal runs) becomes '::'.
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

/** The bits of an address as one big integer, and back. */
function toBits(family: 4 | 6, address: string): bigint {
  const parts = family === 4 ? address.split('.').map(Number) : ipv6Groups(address)!;
  const width = family === 4 ? 8n : 16n;
  return parts.reduce((acc, p) => (acc << width) | BigInt(p), 0n);
}

function fromBits(family: 4 | 6, bits: bigint): string {
  const count = family === 4 ? 4 : 8;
  const width = family === 4 ? 8n : 16n;
  const parts: number[] = [];
  for (let i = count - 1; i >= 0; i--) parts.push(Number((bits >> (BigInt(i) * width)) & ((1n << width) - 1n)));
  return family === 4 ? parts.join('.') : formatIpv6(parts);
}

export interface Cidr {
  readonly family: 4 | 6;
  readonly network: string;
  readonly prefix: number;
}

export function formatCidr(cidr: Cidr): string {
  return `${cidr.network}/${cidr.prefix}`;
}

/**
 * One CIDR block (`10.0.0.0/8`, `2001:db8::/32`); a bare address is its own
 * block (/32, /128). The network is written canonically (IPv6 compressed,
 * lower case); host bits set past the prefix are refused, naming the block
 * that was probably meant, since such an entry is almost always a typo.
 */
export function parseCidr(text: string, param: string): Cidr {
  const entry = text.trim();
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (family !== 4 && family !== 6) {
    throw new ValidationError(`'${entry}' is not a CIDR block: expected an IPv4 or IPv6 address with an optional /prefix`, param);
  }
  const max = family === 4 ? 32 : 128;
  const prefixText = slash < 0 ? String(max) : entry.slice(slash + 1);
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) {
    throw new ValidationError(`'${entry}' has an invalid prefix length: expected 0 to ${max}`, param);
  }
  const bits = toBits(family, address);
  const hostBits = BigInt(max - prefix);
  const networkBits = (bits >> hostBits) << hostBits;
  const cidr: Cidr = { family, network: fromBits(family, networkBits), prefix };
  if (networkBits !== bits) {
    throw new ValidationError(`'${entry}' has bits set past its /${prefix} prefix: did you mean ${formatCidr(cidr)}?`, param);
  }
  return cidr;
}

/**
 * A set of CIDR blocks to test client addresses against (node:net's BlockList,
 * which also matches IPv4-mapped IPv6 addresses such as `::ffff:10.1.2.3`
 * against IPv4 blocks).
 */
export class IpRanges {
  private readonly list = new BlockList();

  private constructor(readonly cidrs: readonly string[]) {
    for (const cidr of cidrs) {
      const { family, network, prefix } = parseCidr(cidr, 'cidrs');
      this.list.addSubnet(network, prefix, family === 4 ? 'ipv4' : 'ipv6');
    }
  }

  /** Validated, canonical and without duplicates; every error names its entry and `param`. */
  static parse(entries: readonly string[], param: string): IpRanges {
    const cidrs = entries.filter((e) => e.trim() !== '').map((e) => formatCidr(parseCidr(e, param)));
    const unique = [...new Set(cidrs)];
    if (unique.length > MAX_RANGES) throw new ValidationError(`At most ${MAX_RANGES} CIDR blocks are allowed, got ${unique.length}`, param);
    return new IpRanges(unique);
  }

  /** Blocks already in canonical form (as stored). */
  static of(cidrs: readonly string[]): IpRanges {
    return new IpRanges(cidrs);
  }

  get empty(): boolean {
    return this.cidrs.length === 0;
  }

  /** Whether the address (IPv4, IPv6, IPv4-mapped) lies in one of the blocks; an unknown address never does. */
  contains(address: string | null): boolean {
    // Every request asks whether its peer is a trusted proxy, and most deployments trust none: no parse then.
    if (address === null || this.cidrs.length === 0) return false;
    const family = isIP(address);
    if (family === 0) return false;
    return this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}
