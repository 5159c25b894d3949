import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isoTimestamp, oneOf, parseIsoTimestamp, queryInteger, queryNonNegativeInteger, text, traceId } from '../../rest-compat/params.js';
import { familyOf } from '../../rest-compat/families.js';
import { REST_ROUTES } from '../../rest-compat/routes/index.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { FUZZ } from './fuzz-settings.js';

/**
 * REST query-parameter parsing (rest-compat/params.ts) under generated input:
 * the parsers accept or refuse with an issue, never throw, and what they
 * accept reads back the same once written in its canonical form; and every
 * GET route with query parameters, called with generated query strings over
 * HTTP, answers 2xx or a coded 4xx, never 5xx.
 */
const plausible = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.constantFrom('', '0', '1', '200', '201', '1e2', '0x10', ' 5', '5 ', '-0', '9007199254740993', 'NaN', 'null', '[]', '{"$ne":1}'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30', '2026-03-15T08:22:41', '2026-03-15T08:22:41.123456789+05:30', '2026-03-15T24:00:00Z', '99999-01-01'),
  fc.constantFrom('ok', 'ERROR', 'healthy', 'OFFLINE', '1h', '6h', '7d', 'api-gateway', '4bf92f3577b34da6a3ce929d0e0e4736', '%', '\u0000'),
);

describe('params.ts', () => {
  it('parseIsoTimestamp: null or a date, for any text; a date written back in ISO form reads as the same instant', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          plausible,
          fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(253_402_300_799_000) }).map((d) => d.toISOString()),
        ),
        (input) => {
          const date = parseIsoTimestamp(input);
          if (date === null) return;
          expect(Number.isNaN(date.getTime())).toBe(false);
          expect(parseIsoTimestamp(date.toISOString())?.getTime()).toBe(date.getTime());
        },
      ),
      FUZZ.run(1000),
    );
  });

  it('the query helpers accept or refuse with issues, never throw; an accepted value written back parses to itself', () => {
    const schemas: [string, z.ZodType, (value: unknown) => string][] = [
      ['queryInteger', queryInteger(1, 200, 'x'), String],
      ['queryNonNegativeInteger', queryNonNegativeInteger('x'), String],
      ['isoTimestamp', isoTimestamp('x'), String],
      ['oneOf', oneOf(['ok', 'error', 'unset'], 'x'), String],
      ['text', text('x'), String],
      ['traceId', traceId('x'), String],
    ];
    fc.assert(
      fc.property(plausible, fc.constantFrom(...schemas), (input, [name, schema, write]) => {
        const first = schema.safeParse(input);
        if (!first.success) {
          expect(first.error.issues.length, name).toBeGreaterThan(0);
          return;
        }
        const again = schema.safeParse(write(first.data));
        expect({ name, again: again.success ? again.data : 'refused' }).toEqual({ name, again: first.data });
      }),
      FUZZ.run(2000),
    );
  });
});

describe('REST routes with query parameters, over HTTP', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('never answer 5xx, whatever the query string', async () => {
    const routes = REST_ROUTES.filter((r) => r.method === 'GET' && r.input.query !== undefined && !r.path.includes('{'));
    expect(routes.length).toBeGreaterThan(3);
    const known = (route: (typeof routes)[number]) =>
      Object.keys((route.input.query as unknown as { shape: Record<string, unknown> }).shape);
    const queryOf = (route: (typeof routes)[number]) =>
      fc.array(
        fc.tuple(fc.oneof(fc.constantFrom(...known(route)), fc.constantFrom('service[$ne]', 'limit[]', '__proto__', 'x')), plausible),
        {
          maxLength: 5,
        },
      );
    const call = fc.constantFrom(...routes).chain((route) => fc.tuple(fc.constant(route), queryOf(route)));
    await fc.assert(
      fc.asyncProperty(call, async ([route, pairs]) => {
        const query = new URLSearchParams(pairs).toString();
        const res = await fetch(`${gw.baseUrl}${route.path}?${query}`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
        const text = await res.text();
        expect({ path: route.path, query, status: res.status < 500 ? 'not 5xx' : res.status }).toEqual({
          path: route.path,
          query,
          status: 'not 5xx',
        });
        if (res.status < 400) return;
        // A refusal in the error shape the route's clients parse (rest-compat/families.ts).
        const family = familyOf(route.path);
        if (family === 'rest') {
          expect((JSON.parse(text) as { error: { code: string } }).error.code).toMatch(/invalid_parameter|not_found|rate_limited/);
        } else if (family === 'jaeger') {
          expect((JSON.parse(text) as { errors: { code: number }[] }).errors[0]?.code).toBe(res.status);
        } else {
          expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
          expect(text.trim()).not.toBe('');
        }
      }),
      FUZZ.run(200),
    );
  });
});
