import { randomBytes } from 'node:crypto';

const SANE_INCOMING = /^[A-Za-z0-9._:-]{8,128}$/;

const ID_BYTES = 5;
/** Random bytes for 400 ids, drawn at once: one call into the system's generator per 400 requests, not per request. */
const POOL_BYTES = ID_BYTES * 400;
let pool = randomBytes(POOL_BYTES);
let offset = 0;

/** Honours a caller's X-Request-Id when it is sane (so traces of a client line up); otherwise mints one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  if (value !== undefined && SANE_INCOMING.test(value)) return value;
  if (offset === POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  offset += ID_BYTES;
  return `req_${pool.toString('hex', offset - ID_BYTES, offset)}`;
}
