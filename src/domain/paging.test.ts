import { describe, expect, it } from 'vitest';
import type { Tenant } from '../auth/tenant.js';
import { EVENT_CURSOR, RULE_CURSOR } from './alerts/alerts.service.js';
import { NODE_CURSOR } from './nodes/nodes.service.js';
import { pageOf, sealedCursor, type CursorCodec, type CursorSpec } from './paging.js';
import { TRACE_CURSOR } from './traces/traces.service.js';

const acme: Tenant = { org: 'acme', env: 'live' };
const sandbox: Tenant = { org: 'acme', env: 'test' };
const INVALID = "Parameter 'after' is not a valid pagination cursor for this query";

const spec: CursorSpec<{ n: number; id: string }> = {
  scope: ['things'],
  fields: 2,
  write: ({ n, id }) => [n, id],
  read: ([n, id]) => (/^\d+$/.test(n!) ? { n: Number(n), id: id! } : null),
};
const pair = sealedCursor(spec);

describe('sealedCursor', () => {
  it('decodes what it encoded for the same tenant', () => {
    const text = pair.encode(acme, { n: 42, id: 'x1' });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(pair.decode(acme, text, 'after')).toEqual({ n: 42, id: 'x1' });
  });

  it('refuses a cursor of another tenant, of another list, or that it did not issue, on the parameter it was given', () => {
    const text = pair.encode(acme, { n: 42, id: 'x1' });
    const otherList = sealedCursor({ ...spec, scope: ['others'] });
    expect(() => pair.decode(sandbox, text, 'after')).toThrow(INVALID);
    expect(() => otherList.decode(acme, text, 'after')).toThrow(INVALID);
    for (const bad of ['', 'not-a-cursor', 'bm90LWEtY3Vyc29y', '%%%', 'a'.repeat(600), pair.encode(acme, { n: 42, id: 'x|y' })]) {
      expect(() => pair.decode(acme, bad, 'after'), bad).toThrow(INVALID);
    }
    expect(() => pair.decode(acme, 'bm9wZQ', 'cursor')).toThrow("Parameter 'cursor' is not a valid pagination cursor for this query");
  });

  it('refuses fields that the list does not accept, even under the right tag', () => {
    const tag = Buffer.from(pair.encode(acme, { n: 1, id: 'x' }), 'base64url')
      .toString('utf8')
      .split('|')[2];
    expect(() => pair.decode(acme, Buffer.from(`abc|x1|${tag}`).toString('base64url'), 'after')).toThrow(INVALID);
  });
});

/** The codec reads `text` as `value`, writes `value` as `text`, and binds it to its tenant. */
function expectIssuedAndAccepted<T>(codec: CursorCodec<T>, text: string, value: T): void {
  expect(codec.decode(acme, text, 'after'), text).toEqual(value);
  expect(codec.encode(acme, value)).toBe(text);
  expect(() => codec.decode(sandbox, text, 'after')).toThrow(INVALID);
}

describe('cursors issued before the one codec', () => {
  // Strings issued by the former trace, node and alert codecs for org acme, partition live: clients may hold them.
  it('still accepts and issues the same trace, node and alert cursors', () => {
    const window = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', fromMs: 1773559361003, toMs: 1773562961003 };
    expectIssuedAndAccepted(
      TRACE_CURSOR,
      'cy18MTc3MzU2Mjk2MTAwM3w0YmY5MmYzNTc3YjM0ZGE2YTNjZTkyOWQwZTBlNDczNnwxNzczNTU5MzYxMDAzfDE3NzM1NjI5NjEwMDN8X0dsX05TT2w',
      { order: { field: 'START_TIME', direction: 'DESC' }, value: '1773562961003', ...window },
    );
    expectIssuedAndAccepted(
      TRACE_CURSOR,
      'ZCt8MTUwMDAwMHw0YmY5MmYzNTc3YjM0ZGE2YTNjZTkyOWQwZTBlNDczNnwxNzczNTU5MzYxMDAzfDE3NzM1NjI5NjEwMDN8X0dsX05TT2w',
      { order: { field: 'DURATION', direction: 'ASC' }, value: '1500000', ...window },
    );
    expectIssuedAndAccepted(NODE_CURSOR, 'bnxjb2xsZWN0b3ItZXUtMXxDeGM0aDV6TA', 'collector-eu-1');
    expectIssuedAndAccepted(RULE_CURSOR, 'MTc3MzU2Mjk2MTAwM3xhbGVydF9ydWxlXzBhMWIyYzNkfHEtdG5pME9n', {
      atMs: 1773562961003,
      id: 'alert_rule_0a1b2c3d',
    });
    expectIssuedAndAccepted(EVENT_CURSOR, 'MTc3MzU2Mjk2MTAwM3xhbGVydF9ldmVudF8wYTFiMmMzZDRlNWY2YTdifHRBNFJaQmdC', {
      atMs: 1773562961003,
      id: 'alert_event_0a1b2c3d4e5f6a7b',
    });
  });

  it('keeps the lists apart: a rule cursor is not an event cursor', () => {
    expect(() => EVENT_CURSOR.decode(acme, 'MTc3MzU2Mjk2MTAwM3xhbGVydF9ydWxlXzBhMWIyYzNkfHEtdG5pME9n', 'after')).toThrow(INVALID);
  });
});

describe('pageOf', () => {
  it('keeps the first items of a read of one more, with their cursors and whether more exist', async () => {
    const page = pageOf(
      ['a', 'b', 'c'],
      2,
      (s) => `c-${s}`,
      () => Promise.resolve(7),
    );
    expect(page).toMatchObject({ items: ['a', 'b'], cursors: ['c-a', 'c-b'], hasNextPage: true });
    expect(await page.totalCount()).toBe(7);
    expect(
      pageOf(
        ['a'],
        2,
        (s) => s,
        () => Promise.resolve(1),
      ),
    ).toMatchObject({ items: ['a'], hasNextPage: false });
  });
});
