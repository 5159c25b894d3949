import { randomBytes } from 'node:crypto';

const SANE_INCOMING = /^[A-Za-z0-9._:-]{8,128}$/;

/** Honours a caller's X-Request-Id when it is sane (so traces of a client line up); otherwise mints one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  if (value !== undefined && SANE_INCOMING.test(value)) return value;
  return `req_${randomBytes(5).toString('hex')}`;
}
