import fc from 'fast-check';
import { RE2JS } from 're2js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileMatchesPattern, RegexRefusal } from '../../src/domain/search/search.regex.js';
import { testDb, type TestDb } from '../helpers/mongo.js';
import { FUZZ } from './fuzz-settings.js';

/**
 * Every MATCHES pattern the gateway accepts is sent to the store as the
 * gateway re-emits it (possessive repetitions, atomic alternations, explicit
 * classes, \\z). This runs accepted patterns on the real store: each must be
 * accepted there (finding 6 of issue #16: nothing the store rejects gets
 * there) and must pick exactly the values RE2 picks for the pattern as written.
 */
let store: TestDb;

beforeAll(async () => {
  store = await testDb();
});
afterAll(async () => {
  await store.close();
});

describe('MATCHES patterns on the store', () => {
  it('runs every accepted pattern on the store, which answers as RE2 does (property)', async () => {
    const atom = fc.constantFrom(
      'a',
      'b',
      '.',
      '\\d',
      '\\w',
      '\\s',
      '[ab]',
      '[^a]',
      '[a-c]',
      '\\.',
      '-',
      '{',
      '}',
      'é',
      '(a|b)',
      '(ab|c|)',
      '(?:x)',
    );
    const quantifier = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{2,}');
    const pattern = fc
      .tuple(
        fc.constantFrom('', '^', '(?i)', '(?i)^', '^.*', '^(?:.*'),
        fc.array(fc.tuple(atom, quantifier), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('', '$', '.*$'),
      )
      .map(
        ([start, items, end]) =>
          `${start}${items.map(([a, q]) => a + q).join('')}${start.includes('(') ? `${end.replace('$', '')})$` : end}`,
      )
      .filter((text) => {
        try {
          compileMatchesPattern(text);
          return true;
        } catch (error) {
          if (error instanceof RegexRefusal) return false;
          throw error;
        }
      });
    const subjects = ['', 'a', 'ab', 'b', 'AB', 'aab', 'x.-', '1a2', 'a b', 'a\nb', 'é', 'É', 'ccc', 'ba', '{}', 'abab', 'xaab.b'];
    const collection = store.db.collection<{ _id: number; v: string }>('regex_subjects');
    await collection.insertMany(subjects.map((v, i) => ({ _id: i, v })));
    await fc.assert(
      fc.asyncProperty(pattern, async (text) => {
        const { source, caseInsensitive } = compileMatchesPattern(text);
        const docs = await collection.find({ v: { $regex: source, ...(caseInsensitive ? { $options: 'i' } : {}) } }).toArray();
        const re2 = RE2JS.compile(text);
        const expected = subjects.flatMap((v, i) => (re2.matcher(v).find() ? [i] : []));
        expect({ text, source, ids: docs.map((d) => d._id).sort((a, b) => a - b) }).toEqual({ text, source, ids: expected });
      }),
      FUZZ.run(150),
    );
  });
});
