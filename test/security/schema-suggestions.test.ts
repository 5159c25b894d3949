import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { wsClient } from '../helpers/subscriptions.js';

/**
 * Finding 8 of issue #16: with introspection off, `{ tracez }` answered
 * "Did you mean trace, traces, …", handing out the schema a name at a time.
 * Suggestions now follow introspection: on where it is on, off where it is off.
 */
let production: TestGateway;
let development: TestGateway;

beforeAll(async () => {
  production = await startTestGateway({ NODE_ENV: 'production' });
  development = await startTestGateway();
});
afterAll(async () => {
  await production.close();
  await development.close();
});

interface Errors {
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
}

/** Misspellings graphql-js would answer with a suggestion: field, argument, type, enum value (inline and as a variable). */
const MISSPELLED: readonly { what: string; query: string; variables?: Record<string, unknown> }[] = [
  { what: 'field', query: '{ tracez }' },
  { what: 'argument', query: '{ trace(traceid: "x") { traceId } }' },
  { what: 'type', query: 'query ($f: TraceFiltr) { traces(filter: $f) { totalCount } }' },
  { what: 'enum value', query: '{ traces(orderBy: { field: START_TIM, direction: DESC }) { totalCount } }' },
  {
    what: 'enum value in a variable',
    query: 'query ($o: TraceOrderBy) { traces(orderBy: $o) { totalCount } }',
    variables: { o: { field: 'START_TIM', direction: 'DESC' } },
  },
];

async function errorsOf(gw: TestGateway, query: string, variables: Record<string, unknown> = {}): Promise<readonly string[]> {
  const { body } = await gw.graphql<Errors>(query, variables);
  return (body as Errors).errors?.map((e) => e.message) ?? [];
}

describe('schema suggestions follow introspection', () => {
  for (const { what, query, variables } of MISSPELLED) {
    it(`names no schema member for a misspelled ${what} when introspection is off`, async () => {
      const messages = await errorsOf(production, query, variables);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(message).not.toMatch(/Did you mean/);
    });

    it(`still suggests for a misspelled ${what} when introspection is on`, async () => {
      const messages = await errorsOf(development, query, variables);
      expect(messages.some((m) => /Did you mean/.test(m))).toBe(true);
    });
  }

  it('names no schema member over graphql-ws either', async () => {
    const client = wsClient(production.baseUrl, production.apiKey);
    try {
      const error = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: '{ tracez }' }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
      });
      expect(JSON.stringify(error)).toMatch(/Cannot query field/);
      expect(JSON.stringify(error)).not.toMatch(/Did you mean/);
    } finally {
      await client.dispose();
    }
  });
});
