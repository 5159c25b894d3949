import { describe, expect, it } from 'vitest';
import { anyValueText, base64Length, type AnyValueLike } from './any-value';

describe('AnyValue as text', () => {
  it('writes every OTLP value type readably', () => {
    const values: AnyValueLike[] = [
      { __typename: 'StringValue', stringValue: 'GET /api/orders' },
      { __typename: 'BoolValue', boolValue: false },
      { __typename: 'IntValue', intValue: '9007199254740993' },
      { __typename: 'DoubleValue', doubleValue: null, text: 'NaN' },
      { __typename: 'BytesValue', bytesValue: 'AAEC/w==' },
      { __typename: 'EmptyValue', empty: true },
      {
        __typename: 'ArrayValue',
        arrayValue: [
          { __typename: 'IntValue', intValue: '1' },
          { __typename: 'StringValue', stringValue: 'two' },
        ],
      },
      { __typename: 'KvlistValue', kvlistValue: [{ key: 'retry', value: { __typename: 'BoolValue', boolValue: true } }] },
      { __typename: 'ArrayValue' },
      { __typename: 'KvlistValue' },
    ];
    expect(values.map(anyValueText)).toEqual([
      '"GET /api/orders"',
      'false',
      '9007199254740993',
      'NaN',
      'bytes(4) AAEC/w==',
      '(empty)',
      '[1, "two"]',
      '{retry: true}',
      '[…]',
      '{…}',
    ]);
  });

  it('counts the bytes of padded base64', () => {
    expect(['', 'AA==', 'AAE=', 'AAEC', 'AAEC/w=='].map(base64Length)).toEqual([0, 1, 2, 3, 4]);
  });
});
