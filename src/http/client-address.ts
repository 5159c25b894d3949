import { isIP } from 'node:net';
import type { IpRanges } from '../auth/ip-ranges.js';
import type { Principal } from '../auth/principal.js';

/** A client address as written in a header or reported by a socket, reduced to the bare address; null when it is not one. */
export function bareAddress(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  let value = text.trim().replace(/^"(.*)"$/, '$1');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1] !== undefined) value = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped?.[1] !== undefined) value = mapped[1];
  return isIP(value) === 0 ? null : value.toLowerCase();
}

/** Where a request arrived from: the socket's peer address, and the transport's own headers (never a message payload). */
export interface Connection {
  readonly peer: string | undefined;
  readonly headers: { get(name: string): string | null };
}

/** The caller of a request, from the key its headers present (null without one), admitted only from an address its organization allows. */
export type Authenticate = (headers: { get(name: string): string | null }, connection: Connection) => Promise<Principal | null>;

/** The hops a request passed, client first: RFC 7239 `Forwarded: for=…` when present, else `X-Forwarded-For`. */
function forwardedHops(headers: { get(name: string): string | null }): string[] {
  const forwarded = headers.get('forwarded');
  if (forwarded !== null) {
    return forwarded.split(',').map((element) => {
      const pair = element
        .split(';')
        .map((p) => p.trim())
        .find((p) => p.toLowerCase().startsWith('for='));
      return pair === undefined ? '' : pair.slice(4);
    });
  }
  const xff = headers.get('x-forwarded-for');
  return xff === null ? [] : xff.split(',');
}

/**
 * The address a request comes from: the socket's peer, unless that peer is a
 * trusted proxy (MESH_TRUSTED_PROXIES); then the forwarding headers are read
 * right to left, past every trusted hop, and the first untrusted hop is the
 * client (the left-most hop when every hop is trusted). A hop that is not an
 * address (`unknown`, an obfuscated identifier, garbage) makes the client
 * unknown: null, which no allow-list admits. Headers from an untrusted peer
 * are ignored, so a client cannot claim another address.
 */
export function clientAddress(peer: string | undefined, headers: { get(name: string): string | null }, trusted: IpRanges): string | null {
  const socketAddress = bareAddress(peer);
  if (socketAddress === null || !trusted.contains(socketAddress)) return socketAddress;
  const hops = forwardedHops(headers);
  let client: string | null = socketAddress;
  for (let i = hops.length - 1; i >= 0; i--) {
    client = bareAddress(hops[i]);
    if (client === null || !trusted.contains(client)) return client;
  }
  return client;
}
